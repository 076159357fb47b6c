"""Verdicts and judge results."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Verdict(str, Enum):
    AC = "AC"  # accepted
    WA = "WA"  # wrong answer
    TLE = "TLE"  # time limit exceeded (CPU, or wall clock when stalled)
    MLE = "MLE"  # memory limit exceeded
    RE = "RE"  # runtime error: non-zero exit or a signal
    OLE = "OLE"  # output limit exceeded
    CE = "CE"  # compile error, once per submission
    IE = "IE"  # infrastructure error: never the model's fault
    SKIPPED = "SKIPPED"  # not run: fail-fast, or the time budget was spent

    def __str__(self) -> str:
        return self.value


# Supervisor status -> verdict (before the host compares outputs).
STATUS_VERDICTS = {
    "tle": Verdict.TLE,
    "mle": Verdict.MLE,
    "re": Verdict.RE,
    "ole": Verdict.OLE,
    "skipped": Verdict.SKIPPED,
    "no_output": Verdict.WA,
}


@dataclass
class TestResult:
    index: int
    verdict: Verdict
    cpu_ms: int = 0
    wall_ms: int = 0
    memory_kb: int = 0
    exit_code: int | None = None
    signal: int | None = None
    message: str = ""
    # The program's output, kept only for tests that carry no expected output
    # (the suite builder runs references to learn the answers).
    output: str | None = None

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["verdict"] = self.verdict.value
        if d["output"] is None:
            del d["output"]
        return d


@dataclass
class JudgeResult:
    verdict: Verdict
    language: str
    tests: list[TestResult] = field(default_factory=list)
    compile_output: str = ""
    image: str = ""
    message: str = ""
    attempts: int = 1
    # Extra runs made because the verdict landed near the time limit (the
    # fastest run is the one kept), and every run's total CPU time, in order.
    rejudged: int = 0
    cpu_ms_seen: list[int] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(t.verdict is Verdict.AC for t in self.tests)

    @property
    def cpu_ms(self) -> int:
        return sum(t.cpu_ms for t in self.tests)

    @property
    def memory_kb(self) -> int:
        return max((t.memory_kb for t in self.tests), default=0)

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "language": self.language,
            "passed": self.passed,
            "total": len(self.tests),
            "cpu_ms": self.cpu_ms,
            "memory_kb": self.memory_kb,
            "tests": [t.to_json() for t in self.tests],
            "compile_output": self.compile_output,
            "image": self.image,
            "message": self.message,
            "attempts": self.attempts,
            "rejudged": self.rejudged,
            "cpu_ms_seen": list(self.cpu_ms_seen),
        }


def overall(tests: list[TestResult]) -> Verdict:
    """LeetCode reports the first failing test's verdict."""
    for t in tests:
        if t.verdict not in (Verdict.AC, Verdict.SKIPPED):
            return t.verdict
    return Verdict.AC if tests and all(t.verdict is Verdict.AC for t in tests) else Verdict.WA


def compile_failed_outside_program(output: str, files: Iterable[str]) -> bool:
    """True when a compile failure points at no line of any file the judge wrote
    and is none of the supervisor's limit notes: the toolchain itself failed.

    Seen once in 5,468 Go compiles ("case-insensitive file name collision" while
    loading the standard library; the same program compiled at once when judged
    again).  Such a failure is judged once more in a fresh container; a real
    compile error names its file and line ("solution.go:2:10", 'File
    "main.py", line 3') and is final at once.
    """
    if "[compil" in output:  # "[compilation exceeded its time limit]", "[compiler exceeded memory …]"
        return False
    for name in files:
        base = re.escape(name.rsplit("/", 1)[-1])
        if re.search(rf"{base}(?::\d+|\(\d+\)|\", line \d+)", output):
            return False
    return True
