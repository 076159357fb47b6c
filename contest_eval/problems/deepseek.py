"""DeepSeek-Coder's LeetCode contest set (``Evaluation/LeetCode/data/*.jsonl``).

Each line holds the statement as a docstring followed by the Python starter
(``prompt``) and the tests as a Python script (``test``)::

    my_solution = Solution()

    test_input = { "word": "abcde" }
    assert my_solution.minimumPushes(**test_input) == 5

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
from contest_eval.problems.record import ImportedTest, Parsed, ProblemRecord

SOURCE = "deepseek-coder"
_DOCSTRING = re.compile(r'\A\s*"""(?P<doc>.*?)"""\s*\n(?P<code>.*)\Z', re.S)
_CONTEST = re.compile(r"^((?:bi)?weekly-contest-\d+)")
# Values built by DeepSeek's helpers (if ever used) are plain arrays on the wire.
_NODE_BUILDERS = {"tree_node", "list_node"}


def _literal(node: ast.expr) -> Any:
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _NODE_BUILDERS
            and len(node.args) == 1 and not node.keywords):
        node = node.args[0]
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError) as exc:
        raise RecordError(f"test line {getattr(node, 'lineno', '?')}: not a literal: {ast.unparse(node)[:80]!r}") from exc


def _call_args(call: ast.Call, fn: str, params: Sequence[str], test_input: dict[str, Any] | None) -> dict[str, Any]:
    """Arguments of ``my_solution.fn(...)`` by parameter name."""
    line = call.lineno
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == fn):
        raise RecordError(f"test line {line}: call is not my_solution.{fn}(...)")
    if len(call.args) > len(params):
        raise RecordError(f"test line {line}: {len(call.args)} positional arguments for {len(params)} parameters")
    values: dict[str, Any] = {}
    for name, arg in zip(params, call.args):
        values[name] = _literal(arg)
    for kw in call.keywords:
        if kw.arg is None:  # **test_input
            if not (isinstance(kw.value, ast.Name) and kw.value.id == "test_input" and test_input is not None):
                raise RecordError(f"test line {line}: ** of something other than a preceding test_input dict")
            spread = test_input
        else:
            spread = {kw.arg: _literal(kw.value)}
        for k, v in spread.items():
            if k in values:
                raise RecordError(f"test line {line}: argument {k!r} given twice")
            values[k] = v
    return values


def parse_tests(code: str, fn: str, params: Sequence[str], types: Sequence[str | None], return_type: str | None) -> list[ImportedTest]:
    """The ``test`` script → tests; raises RecordError on any unexpected statement."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise RecordError(f"test code does not parse: {type(exc).__name__}: {str(exc)[:120]}") from None
    tests: list[ImportedTest] = []
    test_input: dict[str, Any] | None = None
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            target = stmt.targets[0].id
            if target == "my_solution":
                continue  # my_solution = Solution()
            if target == "test_input":
                value = _literal(stmt.value)
                if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
                    raise RecordError(f"test line {stmt.lineno}: test_input is not a dict of named arguments")
                test_input = value
                continue
        if (isinstance(stmt, ast.Assert) and isinstance(stmt.test, ast.Compare) and len(stmt.test.ops) == 1
                and isinstance(stmt.test.ops[0], ast.Eq) and isinstance(stmt.test.left, ast.Call)):
            args = _call_args(stmt.test.left, fn, params, test_input)
            expected = normalise(_literal(stmt.test.comparators[0]), return_type)
            tests.append(ImportedTest(input=wire_args(args, params, types), output=canonical_json(expected)))
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # stray docstring or string
        raise RecordError(f"test line {stmt.lineno}: unsupported statement {ast.unparse(stmt)[:80]!r}")
    if not tests:
        raise RecordError("test code has no assert my_solution.f(...) == expected lines")
    return tests


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
        tests=parse_tests(test_code, sig.name, sig.params, sig.types, sig.returns),
        paid_only=paid is True,
    )


def parse_deepseek(path: str | Path) -> Iterator[Parsed]:
    """Records and rejections, one per non-blank line; never raises on bad input."""
    return parse_file(path, parse_record)
