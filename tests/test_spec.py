"""Problem spec validation (pure): every bad spec is one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contest_eval.judge.spec import SpecError, load_spec, parse_spec

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
