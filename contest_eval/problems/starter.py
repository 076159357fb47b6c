"""Starter code synthesised from LeetCode ``metaData`` when none was scraped.

Python gets LeetCode's exact shape (``class Solution`` with type hints); other
languages get the signature as data, which the prompt shows verbatim.
"""

from __future__ import annotations

import json
from typing import Any

from contest_eval.problems.metadata import DesignMeta, FunctionMeta, Param, TypeRef, parse_metadata

_PY = {"integer": "int", "long": "int", "double": "float", "boolean": "bool", "character": "str", "string": "str",
       "ListNode": "Optional[ListNode]", "TreeNode": "Optional[TreeNode]", "void": "None"}


def python_type(t: TypeRef) -> str:
    base = _PY[t.base]
    for _ in range(t.depth):
        base = f"List[{base.replace('Optional[', '').rstrip(']') if base.startswith('Optional[') else base}]"
    return base


def _args(params: tuple[Param, ...]) -> str:
    return "".join(f", {p.name}: {python_type(p.type)}" for p in params)


def python_starter(raw_meta: dict[str, Any]) -> str:
    meta = parse_metadata(raw_meta)
    if isinstance(meta, FunctionMeta):
        return (f"class Solution:\n    def {meta.name}(self{_args(meta.params)}) -> {python_type(meta.returns)}:\n        ")
    assert isinstance(meta, DesignMeta)
    lines = [f"class {meta.classname}:\n", f"    def __init__(self{_args(meta.constructor)}):\n        \n"]
    for m in meta.methods:
        lines.append(f"\n    def {m.name}(self{_args(m.params)}) -> {python_type(m.returns)}:\n        \n")
    return "".join(lines)


def starter_for(language: str, raw_meta: dict[str, Any] | None, scraped: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    """(starter code, signature hint) for a prompt in ``language``."""
    if scraped and scraped.get(language):
        return scraped[language], None
    if not raw_meta:
        return None, None
    if language == "python3":
        return python_starter(raw_meta), None
    return None, json.dumps(raw_meta)
