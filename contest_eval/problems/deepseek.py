"""DeepSeek-Coder's LeetCode contest set (``Evaluation/LeetCode/data/*.jsonl``).

Each line holds the statement as a docstring followed by the Python starter
(``prompt``) and the tests as a Python script (``test``)::

    my_solution = Solution()

    test_input = { "word": "abcde" }
    assert my_solution.minimumPushes(**test_input) == 5

Linked-list problems build their arguments through helper lambdas defined in
the script (``_f1 = lambda lst: ListNode(lst[0], _f1(lst[1:])) if lst else
None``); :mod:`asserts` recognises those by the shape of their syntax tree.
The script is read with :mod:`ast` and only literal nodes are evaluated
(``ast.literal_eval`` on a node never runs code), so a hostile file can at
worst be rejected.  Anything that is not one of the shapes above rejects the
whole problem: a silently dropped assert would make the test set lie.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any, Iterator, Sequence

from contest_eval.problems._jsonl import (
    RecordError, canonical_json, examples_from_text, field_str, function_signature, normalise, parse_file, utc_from_epoch, wire_args,
)
from contest_eval.problems.answers import NON_FINITE, NOT_A_VALUE, comparison_for
from contest_eval.problems.asserts import Values
from contest_eval.problems.record import ExcludedTest, ImportedTest, Parsed, ProblemRecord

SOURCE = "deepseek-coder"
_DOCSTRING = re.compile(r'\A\s*"""(?P<doc>.*?)"""\s*\n(?P<code>.*)\Z', re.S)
_CONTEST = re.compile(r"^((?:bi)?weekly-contest-\d+)")


def _call_args(values: Values, call: ast.Call, fn: str, params: Sequence[str], test_input: dict[str, Any] | None) -> dict[str, Any]:
    """Arguments of ``my_solution.fn(...)`` by parameter name."""
    line = call.lineno
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == fn):
        raise RecordError(f"test line {line}: call is not my_solution.{fn}(...)")
    if len(call.args) > len(params):
        raise RecordError(f"test line {line}: {len(call.args)} positional arguments for {len(params)} parameters")
    args: dict[str, Any] = {}
    for name, arg in zip(params, call.args):
        args[name] = values.value(arg)
    for kw in call.keywords:
        if kw.arg is None:  # **test_input
            if not (isinstance(kw.value, ast.Name) and kw.value.id == "test_input" and test_input is not None):
                raise RecordError(f"test line {line}: ** of something other than a preceding test_input dict")
            spread = test_input
        else:
            spread = {kw.arg: values.value(kw.value)}
        for k, v in spread.items():
            if k in args:
                raise RecordError(f"test line {line}: argument {k!r} given twice")
            args[k] = v
    return args


def parse_tests(code: str, fn: str, params: Sequence[str], types: Sequence[str | None],
                return_type: str | None) -> tuple[list[ImportedTest], list[ExcludedTest]]:
    """The ``test`` script → (tests, flagged tests); raises RecordError on any unexpected statement."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise RecordError(f"test code does not parse: {type(exc).__name__}: {str(exc)[:120]}") from None
    values = Values()
    tests: list[ImportedTest] = []
    excluded: list[ExcludedTest] = []
    test_input: dict[str, Any] | None = None
    for stmt in tree.body:
        if values.define(stmt):
            continue  # a linked-list helper lambda, recognised by shape
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            target = stmt.targets[0].id
            if target == "my_solution":
                continue  # my_solution = Solution()
            if target == "test_input":
                value = values.value(stmt.value)
                if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
                    raise RecordError(f"test line {stmt.lineno}: test_input is not a dict of named arguments")
                test_input = value
                continue
        found = values.comparison(stmt.test) if isinstance(stmt, ast.Assert) else None
        if found is not None:
            call, expected_node = found
            args = _call_args(values, call, fn, params, test_input)
            index = len(tests) + len(excluded)
            try:
                expected = canonical_json(normalise(values.value(expected_node), return_type))
            except RecordError as exc:
                # The expected side is not a plain answer (an expression, inf): flag, do not guess.
                reason = NON_FINITE if "non-finite" in str(exc) else NOT_A_VALUE
                excluded.append(ExcludedTest(index, f"{reason}: {exc}"))
                continue
            tests.append(ImportedTest(input=wire_args(args, params, types), output=expected))
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # stray docstring or string
        raise RecordError(f"test line {stmt.lineno}: unsupported statement {ast.unparse(stmt)[:80]!r}")
    if not tests and not excluded:
        raise RecordError("test code has no assert my_solution.f(...) == expected lines")
    if not tests:
        raise RecordError(f"test code has no usable tests ({len(excluded)} flagged, e.g. {excluded[0].reason})")
    return tests, excluded


def parse_record(obj: dict[str, Any]) -> ProblemRecord:
    meta = obj.get("meta")
    if not isinstance(meta, dict):
        raise RecordError("missing field 'meta'")
    slug = field_str(meta, "titleSlug")
    prompt = field_str(obj, "prompt")
    test_code = field_str(obj, "test")
    assert slug is not None and prompt is not None and test_code is not None
    m = _DOCSTRING.match(prompt)
    statement, starter = (m.group("doc").strip(), m.group("code")) if m else ("", prompt)
    try:
        sig = function_signature(starter)
    except RecordError as exc:
        raise RecordError(f"starter code: {exc}") from None
    tests, excluded = parse_tests(test_code, sig.name, sig.params, sig.types, sig.returns)
    how = comparison_for(statement, sig.returns)
    task_id = field_str(obj, "task_id", required=False) or ""
    contest = _CONTEST.match(task_id)
    paid = meta.get("isPaidOnly")
    return ProblemRecord(
        platform="leetcode",
        slug=slug,
        title=field_str(meta, "title", required=False) or field_str(obj, "title", required=False) or "",
        source=SOURCE,
        frontend_id=field_str(meta, "questionFrontendId", required=False),
        contest_slug=contest.group(1) if contest else None,
        release_time=utc_from_epoch(obj.get("start_time")),
        difficulty=field_str(meta, "difficulty", required=False),
        statement_text=statement,
        kind="function",
        metadata=sig.metadata,
        starter_code={"python3": starter.lstrip("\n")},
        examples=examples_from_text(statement, sig.params, sig.types),
        tests=tests,
        excluded_tests=excluded,
        compare=how.compare,
        compare_note=how.flag,
        paid_only=paid is True,
    )


def parse_deepseek(path: str | Path) -> Iterator[Parsed]:
    """Records and rejections, one per non-blank line; never raises on bad input."""
    return parse_file(path, parse_record)
