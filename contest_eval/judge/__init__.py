"""The Docker judge: hardened, multi-language, hidden tests, exact verdicts.

Library entry point::

    from contest_eval.judge import judge, load_spec
    result = judge(load_spec(path), "python3", source)
    result.verdict, result.tests

The judge never imports the store or the generator: it takes a spec and
returns a result.
"""

from contest_eval.judge.engine import Judge, Options, judge
from contest_eval.judge.spec import ProblemSpec, SpecError, Test, load_spec, parse_spec
from contest_eval.judge.verdict import JudgeResult, TestResult, Verdict

__all__ = ["Judge", "JudgeResult", "Options", "ProblemSpec", "SpecError", "Test", "TestResult", "Verdict", "judge",
           "load_spec", "parse_spec"]
