"""Every language × kind × outcome: the fixture solution named
``<problem>.<case>.<ext>`` must get the verdict ``<case>``."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, load_problem

LANG_DIRS = sorted(p for p in (FIXTURES / "solutions").iterdir() if p.is_dir())
CASES = sorted(f for d in LANG_DIRS for f in d.iterdir() if f.is_file() and f.name.count(".") >= 2)


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.docker
@pytest.mark.parametrize("solution", CASES, ids=[_id(c) for c in CASES])
def test_fixture_solution_gets_its_verdict(judge, solution: Path) -> None:
    problem, case, _ = solution.name.split(".", 2)
    result = judge.judge(load_problem(problem), solution.parent.name, solution.read_text(encoding="utf-8"))
    assert result.verdict.value == case.upper(), (result.verdict, result.message, result.compile_output[-2000:],
                                                  [(t.verdict.value, t.message[-300:]) for t in result.tests])
    if case == "ac":
        assert result.passed == len(result.tests) == len(load_problem(problem).tests)
    if case == "ce":
        assert result.compile_output.strip(), "compiler output is kept for CE"
        assert result.tests == []
    if case == "re":
        failing = next(t for t in result.tests if t.verdict.value == "RE")
        assert failing.signal is not None or failing.exit_code not in (None, 0)
    assert result.image.startswith("contest-eval/judge-") and "@sha256:" in result.image


def test_every_language_has_the_full_matrix() -> None:
    from contest_eval.languages import LANGUAGES

    present = {d.name for d in LANG_DIRS}
    assert set(LANGUAGES) <= present, f"missing solution folders: {set(LANGUAGES) - present}"
    for d in LANG_DIRS:
        names = {f.name.rsplit(".", 1)[0] for f in d.iterdir()}
        for problem in ("fn_twosum", "design_echo", "stdin_aplusb"):
            for case in ("ac", "wa", "tle", "mle", "re", "ole", "ce"):
                assert f"{problem}.{case}" in names, f"{d.name}: {problem}.{case} missing"
        assert {"fn_inplace.ac", "fn_tree.ac"} <= names
