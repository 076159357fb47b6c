"""Turn a stored problem and its suite into the judge's self-contained spec."""

from __future__ import annotations

from contest_eval.db.models import Problem, Suite
from contest_eval.judge.spec import ProblemSpec, parse_spec


class NoSuiteError(LookupError):
    """The problem has no stored test suite yet."""


def spec_for(problem: Problem, suite: Suite | None) -> ProblemSpec:
    if suite is None or not suite.tests:
        raise NoSuiteError(f"problem {problem.slug} has no test suite (an import stores none when the dataset has no tests"
                           " or its answers are not unique); build one with: contest-eval suite build DIR")
    info = suite.info or {}
    return parse_spec({
        "kind": problem.kind,
        "metadata": problem.meta,
        "compare": suite.compare,
        "time_limit_ms": int(info.get("time_limit_ms") or problem.time_limit_ms or 3000),
        "memory_limit_mb": int(info.get("memory_limit_mb") or problem.memory_limit_mb or 256),
        "tests": [{"input": t.input, "output": t.output} for t in suite.tests],
    })
