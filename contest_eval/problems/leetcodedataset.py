"""LeetCodeDataset (newfacade/LeetCodeDataset) jsonl or jsonl.gz.

Tests come from ``input_output``: inputs in LeetCode's ``a = 1, b = [2]``
form (JSON values, so ``null`` for holes in trees) and outputs written by
Python, i.e. reprs such as ``True``, ``None``, ``[1, 2]`` or ``'abc'``.
Inputs go through :func:`literals.parse_assignments`, which respects strings
and brackets, falling back to reading them as call arguments with :mod:`ast`
(positional ``[1,2], 3`` or ``s = 'ab'``); outputs through
:func:`literals.parse_value`, falling back to ``ast.literal_eval`` for reprs
JSON cannot read (single-quoted strings, tuples).  Outputs that are not
answers are flagged per test (:mod:`answers`).  Nothing is executed; the
``test``/``prompt`` code is ignored.  v0.2 files keep the statement and the
starter in ``meta`` (``question_title``, ``lang_code``); v0.3 at the top level.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any, Iterator

from contest_eval.problems._jsonl import (
    FunctionSig, RecordError, canonical_json, examples_from_text, field_str, function_signature, normalise, parse_file,
    utc_from_iso, wire_args,
)
from contest_eval.problems.answers import NON_FINITE, NOT_A_VALUE, comparison_for, output_flag
from contest_eval.problems.literals import LiteralError, parse_assignments, parse_value
from contest_eval.problems.record import ExcludedTest, ImportedTest, Parsed, ProblemRecord, ReferenceCode

SOURCE = "leetcodedataset"
# literal_eval's parser recurses per bracket; beyond this a repr is hostile, not data.
_MAX_REPR_DEPTH = 100
# JSON spellings that appear inside Python-style inputs ("root = [1,null,2]", positional).
_JSON_WORDS = {"null": None, "true": True, "false": False}


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


def _call_value(node: ast.expr) -> Any:
    if isinstance(node, ast.Name) and node.id in _JSON_WORDS:
        return _JSON_WORDS[node.id]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_call_value(v) for v in node.elts]
    return ast.literal_eval(node)


def parse_input(text: str, params: list[str]) -> dict[str, Any]:
    """``a = 1, b = [2]`` (JSON values), else the text as call arguments: positional
    (``[1,2], 3``) or Python-spelled (``s = 'ab'``), read with ast, never evaluated."""
    try:
        return parse_assignments(text)
    except LiteralError as first:
        if _nesting(text) > _MAX_REPR_DEPTH:
            raise RecordError("input nested too deeply") from None
        try:
            call = ast.parse(f"f({text.strip()})", mode="eval").body
            assert isinstance(call, ast.Call)
            if len(call.args) > len(params) or any(k.arg is None for k in call.keywords):
                raise ValueError("argument count")
            args = {p: _call_value(a) for p, a in zip(params, call.args)}
            for kw in call.keywords:
                if kw.arg in args:
                    raise ValueError(f"{kw.arg} given twice")
                args[str(kw.arg)] = _call_value(kw.value)
            return args
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError, AssertionError):
            raise RecordError(str(first)) from None


def _signature(obj: dict[str, Any], meta: dict[str, Any]) -> FunctionSig:
    """Signature from the starter, else from the reference completion."""
    entry = field_str(obj, "entry_point", required=False) or ""
    func_name = entry.rsplit(".", 1)[-1] if "." in entry else None
    errors = []
    for key, code in (("starter_code", obj.get("starter_code") or meta.get("lang_code")), ("completion", obj.get("completion"))):
        if not isinstance(code, str) or not code.strip():
            continue
        try:
            return function_signature(code, func_name)
        except RecordError as exc:
            errors.append(f"{key}: {exc}")
    raise RecordError("; ".join(errors) or "no starter_code or completion to take the signature from")


def _completion_signature(obj: dict[str, Any], sig: FunctionSig) -> FunctionSig | None:
    completion = obj.get("completion")
    if not isinstance(completion, str):
        return None
    try:
        alt = function_signature(completion, sig.name)
    except RecordError:
        return None
    return alt if alt.params != sig.params and alt.types == sig.types else None


def parse_tests(items: Any, sig: FunctionSig) -> tuple[list[ImportedTest], list[ExcludedTest]]:
    """``input_output`` → (tests, flagged tests).  An output that is not an answer
    (the generator's "Execution timed out", ``inf``, an expression) flags its test."""
    if not isinstance(items, list) or not items:
        raise RecordError("input_output must be a non-empty list")
    tests: list[ImportedTest] = []
    excluded: list[ExcludedTest] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("input"), str) or "output" not in item:
            raise RecordError(f"input_output[{i}] must be an object with string 'input' and 'output'")
        flag = output_flag(item["output"])
        if flag is not None:
            excluded.append(ExcludedTest(i, flag))
            continue
        try:
            output = canonical_json(parse_output(item["output"], sig.returns))
        except RecordError as exc:
            excluded.append(ExcludedTest(i, f"{NON_FINITE if 'non-finite' in str(exc) else NOT_A_VALUE}: {exc}"))
            continue
        except RecursionError:
            raise RecordError(f"input_output[{i}]: value nested too deeply") from None
        try:
            args = parse_input(item["input"], sig.params)
            tests.append(ImportedTest(input=wire_args(args, sig.params, sig.types), output=output))
        except (LiteralError, RecordError) as exc:
            raise RecordError(f"input_output[{i}]: {exc}") from None
        except RecursionError:
            raise RecordError(f"input_output[{i}]: value nested too deeply") from None
    if not tests:
        raise RecordError(f"input_output has no usable tests ({len(excluded)} flagged: {excluded[0].reason if excluded else ''})")
    return tests, excluded


def _tags(raw: Any) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
        raise RecordError("tags must be a list of strings")
    return list(raw)


def _field(obj: dict[str, Any], meta: dict[str, Any], key: str, meta_key: str | None = None) -> str | None:
    """v0.3 keeps fields at the top level; v0.2 nests some of them in ``meta``."""
    return field_str(obj, key, required=False) or field_str(meta, meta_key or key, required=False)


def parse_record(obj: dict[str, Any]) -> ProblemRecord:
    slug = field_str(obj, "task_id")
    assert slug is not None
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    sig = _signature(obj, meta)
    statement = _field(obj, meta, "problem_description", "question_title") or ""
    references = []
    completion = obj.get("completion")
    if isinstance(completion, str) and completion.strip():
        references.append(ReferenceCode(language="python3", code=completion, origin=SOURCE))
    starter = obj.get("starter_code") or meta.get("lang_code")
    try:
        tests, excluded = parse_tests(obj.get("input_output"), sig)
    except RecordError as exc:
        # Some starters were renamed after the tests were written (start → startGene);
        # the reference completion kept the names the tests use, so its signature fits.
        alt = _completion_signature(obj, sig)
        if alt is None or "do not match the signature" not in str(exc):
            raise
        sig = alt
        tests, excluded = parse_tests(obj.get("input_output"), sig)
    how = comparison_for(statement, sig.returns)
    return ProblemRecord(
        platform="leetcode",
        slug=slug,
        source=SOURCE,
        frontend_id=_field(obj, meta, "question_id"),
        release_time=utc_from_iso(obj.get("estimated_date")),
        difficulty=_field(obj, meta, "difficulty"),
        statement_text=statement,
        kind="function",
        metadata=sig.metadata,
        starter_code={"python3": starter} if isinstance(starter, str) and starter.strip() else {},
        examples=examples_from_text(statement, sig.params, sig.types),
        tests=tests,
        excluded_tests=excluded,
        compare=how.compare,
        compare_note=how.flag,
        references=references,
        tags=_tags(obj.get("tags")),
    )


def parse_leetcodedataset(path: str | Path) -> Iterator[Parsed]:
    """Records and rejections, one per non-blank line (plain or gzip); never raises on bad input."""
    return parse_file(path, parse_record)
