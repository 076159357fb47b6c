"""The self-contained problem spec the judge consumes.

A spec is what ``contest-eval judge submit PROBLEM.json`` reads and what the
store hands the judge: kind, signature, comparison policy, limits and tests.
Validation is strict and each failure is one line, so a bad file never
reaches Docker.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from contest_eval.judge.checker import CompareError, parse_policy
from contest_eval.problems.metadata import Metadata, MetadataError, parse_metadata

KINDS = ("function", "design", "stdin")
MAX_TIME_LIMIT_MS = 60_000
MAX_MEMORY_MB = 4096


class SpecError(ValueError):
    """The problem spec is unusable; the message is one line."""


@dataclass(frozen=True)
class Test:
    input: str
    output: str | None = None


@dataclass(frozen=True)
class ProblemSpec:
    kind: str
    metadata: Metadata | None
    compare: str
    time_limit_ms: int
    memory_limit_mb: int
    tests: tuple[Test, ...]
    raw_metadata: dict[str, Any] | None = None
    # A custom checker that decides from the input alone (``checker_needs_expected:
    # false`` in the file) may judge tests that have no expected output.
    checker_needs_expected: bool = True
    # Set only by the suite builder, never read from a file: tests without an
    # expected output return the program's output, to be agreed on later.
    learn_outputs: bool = False

    @property
    def missing_outputs(self) -> list[int]:
        return [i for i, t in enumerate(self.tests) if t.output is None]


def _int(raw: dict[str, Any], key: str, default: int, upper: int) -> int:
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= upper:
        raise SpecError(f"{key} must be an integer in 1..{upper}, got {value!r}")
    return value


def parse_spec(raw: Any) -> ProblemSpec:
    if not isinstance(raw, dict):
        raise SpecError("problem spec must be a JSON object")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise SpecError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    meta = None
    raw_meta = raw.get("metadata")
    if kind != "stdin":
        try:
            meta = parse_metadata(raw_meta)
        except MetadataError as exc:
            raise SpecError(f"metadata: {exc}") from exc
        expected = "design" if hasattr(meta, "classname") else "function"
        if expected != kind:
            raise SpecError(f"kind is {kind!r} but the metadata describes a {expected} problem")
    compare = raw.get("compare", "tokens" if kind == "stdin" else "exact")
    try:
        parse_policy(compare)
    except CompareError as exc:
        raise SpecError(str(exc)) from exc
    tests_raw = raw.get("tests")
    if not isinstance(tests_raw, list) or not tests_raw:
        raise SpecError("tests must be a non-empty list")
    tests = []
    for i, t in enumerate(tests_raw):
        if not isinstance(t, dict) or not isinstance(t.get("input"), str):
            raise SpecError(f"tests[{i}] needs a string 'input'")
        out = t.get("output")
        if out is not None and not isinstance(out, str):
            raise SpecError(f"tests[{i}].output must be a string")
        if "\x00" in t["input"]:
            raise SpecError(f"tests[{i}].input contains a NUL byte")
        tests.append(Test(t["input"], out))
    needs_expected = raw.get("checker_needs_expected", True)
    if not isinstance(needs_expected, bool):
        raise SpecError(f"checker_needs_expected must be true or false, got {needs_expected!r}")
    if not needs_expected and not str(compare).startswith("custom:"):
        raise SpecError("checker_needs_expected: false needs a custom checker (compare: custom:PATH)")
    return ProblemSpec(
        kind=kind,
        metadata=meta,
        compare=compare,
        time_limit_ms=_int(raw, "time_limit_ms", 2000, MAX_TIME_LIMIT_MS),
        memory_limit_mb=_int(raw, "memory_limit_mb", 256, MAX_MEMORY_MB),
        tests=tuple(tests),
        raw_metadata=raw_meta if kind != "stdin" else None,
        checker_needs_expected=needs_expected,
    )


def judgeable(spec: ProblemSpec) -> ProblemSpec:
    """The spec a submission may be judged against, or a one-line SpecError.

    A test without an expected output cannot tell a right answer from a wrong
    one; judging against it would call any output Accepted.  Only the suite
    builder (``learn_outputs``) and a custom checker that needs no expected
    output (it then receives an empty expected file) may go ahead.
    """
    missing = spec.missing_outputs
    if not missing or spec.learn_outputs:
        return spec
    if spec.compare.startswith("custom:") and not spec.checker_needs_expected:
        return replace(spec, tests=tuple(Test(t.input, t.output or "") for t in spec.tests))
    raise SpecError(f"{len(missing)} of {len(spec.tests)} tests have no expected output (first: tests[{missing[0]}]); "
                    "a submission cannot be judged against them (build the suite, or name a custom checker "
                    "with \"checker_needs_expected\": false)")


def load_spec(path: Path | str) -> ProblemSpec:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read {path}: {exc}") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    return parse_spec(raw)
