"""The self-contained problem spec the judge consumes.

A spec is what ``contest-eval judge submit PROBLEM.json`` reads and what the
store hands the judge: kind, signature, comparison policy, limits and tests.
Validation is strict and each failure is one line, so a bad file never
reaches Docker.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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
    return ProblemSpec(
        kind=kind,
        metadata=meta,
        compare=compare,
        time_limit_ms=_int(raw, "time_limit_ms", 2000, MAX_TIME_LIMIT_MS),
        memory_limit_mb=_int(raw, "memory_limit_mb", 256, MAX_MEMORY_MB),
        tests=tuple(tests),
        raw_metadata=raw_meta if kind != "stdin" else None,
    )


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
