"""Problem spec validation (pure): every bad spec is one clear line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from contest_eval.judge.spec import SpecError, judgeable, load_spec, parse_spec

FN = {"name": "f", "params": [{"name": "x", "type": "integer"}], "return": {"type": "integer"}}


def test_valid_function_spec():
    spec = parse_spec({"kind": "function", "metadata": FN, "tests": [{"input": "1", "output": "1"}]})
    assert spec.compare == "exact" and spec.time_limit_ms == 2000 and spec.memory_limit_mb == 256


def test_stdin_defaults_to_tokens():
    assert parse_spec({"kind": "stdin", "tests": [{"input": "", "output": "x"}]}).compare == "tokens"


@pytest.mark.parametrize("raw,msg", [
    ({"kind": "batch", "tests": [{"input": ""}]}, "kind must be"),
    ({"kind": "function", "metadata": {"name": "f"}, "tests": []}, "non-empty"),
    ({"kind": "function", "metadata": None, "tests": [{"input": ""}]}, "metadata"),
    ({"kind": "design", "metadata": FN, "tests": [{"input": ""}]}, "describes a function"),
    ({"kind": "stdin", "compare": "fuzzy", "tests": [{"input": ""}]}, "unknown compare"),
    ({"kind": "stdin", "time_limit_ms": 0, "tests": [{"input": ""}]}, "time_limit_ms"),
    ({"kind": "stdin", "memory_limit_mb": True, "tests": [{"input": ""}]}, "memory_limit_mb"),
    ({"kind": "stdin", "tests": [{"output": "1"}]}, "input"),
    ({"kind": "stdin", "tests": [{"input": "a\x00b"}]}, "NUL"),
])
def test_bad_specs(raw, msg):
    with pytest.raises(SpecError, match=msg):
        parse_spec(raw)


def test_load_spec_errors(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(SpecError, match="not valid JSON"):
        load_spec(bad)
    with pytest.raises(SpecError, match="cannot read"):
        load_spec(tmp_path / "missing.json")
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"kind": "stdin", "tests": [{"input": "1", "output": "1"}]}))
    assert load_spec(good).kind == "stdin"


# --- no verdict without expected outputs --------------------------------------------------

HALF_KNOWN = {"kind": "stdin", "tests": [{"input": "1", "output": "1"}, {"input": "2"}]}
# A divisor problem: any proper divisor is right, so the checker needs only the input.
DIVISOR_CHECKER = """import sys
n = int(open(sys.argv[1]).read())
out = open(sys.argv[3]).read().split()
sys.exit(0 if len(out) == 1 and out[0].isdigit() and 1 < int(out[0]) < n and n % int(out[0]) == 0 else 1)
"""
EXE = shutil.which("contest-eval", path=str(Path(sys.executable).parent)) or "contest-eval"


def submit(spec: dict, source: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    (tmp / "problem.json").write_text(json.dumps(spec))
    (tmp / "sol.py").write_text(source)
    return subprocess.run([EXE, "judge", "submit", str(tmp / "problem.json"), str(tmp / "sol.py"), "--lang", "python3", "--json"],
                          capture_output=True, text=True, timeout=600)


def test_missing_expected_output_is_refused():
    with pytest.raises(SpecError, match=r"1 of 2 tests have no expected output \(first: tests\[1\]\)"):
        judgeable(parse_spec(HALF_KNOWN))
    complete = parse_spec({"kind": "stdin", "tests": [{"input": "1", "output": "1"}]})
    assert judgeable(complete) is complete


def test_checker_needs_expected_is_validated():
    with pytest.raises(SpecError, match="needs a custom checker"):
        parse_spec({**HALF_KNOWN, "checker_needs_expected": False})
    with pytest.raises(SpecError, match="true or false"):
        parse_spec({**HALF_KNOWN, "compare": "custom:c.py", "checker_needs_expected": "no"})
    spec = judgeable(parse_spec({**HALF_KNOWN, "compare": "custom:c.py", "checker_needs_expected": False}))
    assert [t.output for t in spec.tests] == ["1", ""]  # the checker gets an empty expected file


def test_only_the_suite_builder_learns_outputs(tmp_path: Path):
    from contest_eval.suite.builder import make_spec
    from contest_eval.suite.recipe import load_problem_recipe

    recipe = load_problem_recipe(Path(__file__).parents[1] / "suites" / "sample-contest" / "odd-square-sum")
    assert make_spec(recipe, ["1"], [None]).learn_outputs
    assert not make_spec(recipe, ["1"], ["1"]).learn_outputs
    # a file cannot ask for learning mode
    assert not parse_spec({**HALF_KNOWN, "learn_outputs": True}).learn_outputs


def test_judge_submit_refuses_a_spec_without_expected_outputs(tmp_path: Path):
    proc = submit(HALF_KNOWN, "print(input())", tmp_path)
    assert proc.returncode != 0 and proc.stdout == ""
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no expected output" in lines[0] and "Traceback" not in proc.stderr, proc.stderr


@pytest.mark.docker
def test_library_judge_refuses_too(judge):
    with pytest.raises(SpecError, match="no expected output"):
        judge.judge(parse_spec(HALF_KNOWN), "python3", "print(input())")


@pytest.mark.docker
def test_checker_without_expected_outputs_judges(judge, tmp_path: Path):
    (tmp_path / "divisor.py").write_text(DIVISOR_CHECKER)
    spec = {"kind": "stdin", "compare": "custom:divisor.py", "checker_needs_expected": False,
            "tests": [{"input": "15"}, {"input": "49"}, {"input": "12"}]}
    right = "n = int(input())\nprint(next(d for d in range(2, n) if n % d == 0))"
    verdicts = json.loads(submit(spec, right, tmp_path).stdout)
    assert verdicts["verdict"] == "AC" and len(verdicts["tests"]) == 3
    wrong = json.loads(submit(spec, "print(1)", tmp_path).stdout)
    assert wrong["verdict"] == "WA"
