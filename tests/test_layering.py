"""Imports point one way: generation knows languages, not the judge (sandbox)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def imported_after(module: str) -> list[str]:
    # A fresh interpreter: this test process has long since imported everything.
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(proc.stdout)


@pytest.mark.parametrize("module", ["contest_eval.generate", "contest_eval.generate.prompts", "contest_eval.generate.extract",
                                    "contest_eval.languages", "contest_eval.run.reference"])
def test_generation_does_not_import_the_judge(module: str) -> None:
    loaded = imported_after(module)
    assert module in loaded
    assert [m for m in loaded if m == "contest_eval.judge" or m.startswith("contest_eval.judge.")] == []


def test_language_facts_reach_generation() -> None:
    from contest_eval.generate.prompts import fence_tag
    from contest_eval.languages import load_language

    # the same registry the judge reads: one copy of the language facts
    from contest_eval.judge.engine import load_language as judge_load

    assert judge_load is load_language
    assert fence_tag(load_language("cpp")) == load_language("cpp").fence[0]
