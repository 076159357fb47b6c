"""LeetCodeDataset (newfacade/LeetCodeDataset) jsonl or jsonl.gz.

Tests come from ``input_output``: inputs in LeetCode's ``a = 1, b = [2]``
form (JSON values, so ``null`` for holes in trees) and outputs written by
Python, i.e. reprs such as ``True``, ``None``, ``[1, 2]`` or ``'abc'``.
Inputs go through :func:`literals.parse_assignments`, which respects strings
and brackets; outputs through :func:`literals.parse_value`, falling back to
``ast.literal_eval`` for reprs JSON cannot read (single-quoted strings,
tuples).  Nothing is executed; the ``test``/``prompt`` code is ignored.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any, Iterator

from contest_eval.problems._jsonl import (
    FunctionSig, RecordError, canonical_json, examples_from_text, field_str, function_signature, normalise, parse_file,
    utc_from_iso, wire_args,
)
from contest_eval.problems.literals import LiteralError, parse_assignments, parse_value
from contest_eval.problems.record import ImportedTest, Parsed, ProblemRecord, ReferenceCode

SOURCE = "leetcodedataset"
# The generator stored its own failures as outputs ("Execution timed out",
# "Error: list index out of range").  Upstream's ``test`` field leaves those
# cases out, so they are not tests and are skipped, not rejected.
_GENERATOR_FAILURE = ("Execution timed out", "Error: ")
# literal_eval's parser recurses per bracket; beyond this a repr is hostile, not data.
_MAX_REPR_DEPTH = 100


def _nesting(text: str) -> int:
    depth = best = 0
    for c in text:
        if c in "[({":
            depth += 1
            best = max(best, depth)
        elif c in "])}":
            depth -= 1
    return best


def parse_output(raw: Any, return_type: str | None) -> Any:
    """A Python-written output → JSON value."""
    if not isinstance(raw, str):
        # Some dumps store already-decoded values; accept plain JSON ones.
        return raw
    try:
        value = parse_value(raw)
    except LiteralError:
        if _nesting(raw) > _MAX_REPR_DEPTH:
            raise RecordError("output nested too deeply") from None
        try:
            value = ast.literal_eval(raw.strip())
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            raise RecordError(f"output is neither JSON nor a Python literal: {raw[:60]!r}") from None
    return normalise(value, return_type)


def _signature(obj: dict[str, Any]) -> FunctionSig:
    """Signature from the starter, else from the reference completion."""
    entry = field_str(obj, "entry_point", required=False) or ""
    func_name = entry.rsplit(".", 1)[-1] if "." in entry else None
    errors = []
    for key in ("starter_code", "completion"):
        code = obj.get(key)
        if not isinstance(code, str) or not code.strip():
            continue
        try:
            return function_signature(code, func_name)
        except RecordError as exc:
            errors.append(f"{key}: {exc}")
    raise RecordError("; ".join(errors) or "no starter_code or completion to take the signature from")


def parse_tests(items: Any, sig: FunctionSig) -> list[ImportedTest]:
    if not isinstance(items, list) or not items:
        raise RecordError("input_output must be a non-empty list")
    tests = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("input"), str) or "output" not in item:
            raise RecordError(f"input_output[{i}] must be an object with string 'input' and 'output'")
        out = item["output"]
        if isinstance(out, str) and out.strip().startswith(_GENERATOR_FAILURE):
            continue
        try:
            args = parse_assignments(item["input"])
            output = canonical_json(parse_output(item["output"], sig.returns))
            tests.append(ImportedTest(input=wire_args(args, sig.params, sig.types), output=output))
        except (LiteralError, RecordError) as exc:
            raise RecordError(f"input_output[{i}]: {exc}") from None
        except RecursionError:
            raise RecordError(f"input_output[{i}]: value nested too deeply") from None
    if not tests:
        raise RecordError("input_output has no usable tests (all are generator failures)")
    return tests


def _tags(raw: Any) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
        raise RecordError("tags must be a list of strings")
    return list(raw)


def parse_record(obj: dict[str, Any]) -> ProblemRecord:
    slug = field_str(obj, "task_id")
    assert slug is not None
    sig = _signature(obj)
    statement = field_str(obj, "problem_description", required=False) or ""
    references = []
    completion = obj.get("completion")
    if isinstance(completion, str) and completion.strip():
        references.append(ReferenceCode(language="python3", code=completion, origin=SOURCE))
    starter = obj.get("starter_code")
    return ProblemRecord(
        platform="leetcode",
        slug=slug,
        source=SOURCE,
        frontend_id=field_str(obj, "question_id", required=False),
        release_time=utc_from_iso(obj.get("estimated_date")),
        difficulty=field_str(obj, "difficulty", required=False),
        statement_text=statement,
        kind="function",
        metadata=sig.metadata,
        starter_code={"python3": starter} if isinstance(starter, str) and starter.strip() else {},
        examples=examples_from_text(statement, sig.params, sig.types),
        tests=parse_tests(obj.get("input_output"), sig),
        references=references,
        tags=_tags(obj.get("tags")),
    )


def parse_leetcodedataset(path: str | Path) -> Iterator[Parsed]:
    """Records and rejections, one per non-blank line (plain or gzip); never raises on bad input."""
    return parse_file(path, parse_record)
