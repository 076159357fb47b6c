"""LeetCode's example literals: ``nums = [2,7,11,15], target = 9``.

Statements, LeetCodeDataset and scraped pages all write inputs as
``name = value`` pairs whose values are JSON.  Splitting them with a regex or
replacing ``null`` textually breaks on strings such as ``"null, x = [1]"``;
this scanner walks the text respecting strings and brackets instead, and
hands each value to ``json.loads``.  Nothing is ever evaluated.
"""

from __future__ import annotations

import json
import re
from typing import Any

_NAME = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*")
_OPEN = {"[": "]", "{": "}"}


class LiteralError(ValueError):
    """The text is not a sequence of ``name = JSON`` pairs."""


def _scan_value(text: str, i: int) -> int:
    """Index just past the JSON value starting at ``text[i]``."""
    n = len(text)
    if i >= n:
        raise LiteralError("missing value")
    depth: list[str] = []
    j = i
    while j < n:
        c = text[j]
        if c == '"':
            j += 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise LiteralError("unterminated string")
            j += 1
            if not depth:
                return j
            continue
        if c in _OPEN:
            depth.append(_OPEN[c])
        elif c in "]}":
            if not depth or depth.pop() != c:
                raise LiteralError(f"unbalanced {c!r}")
            if not depth:
                return j + 1
        elif not depth and c in ",\n":
            return j
        j += 1
    if depth:
        raise LiteralError("unclosed bracket")
    return j


def parse_value(raw: str) -> Any:
    """One JSON value, tolerating LeetCode's spellings (``True``, ``None``)."""
    text = raw.strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    # Only bare words outside strings are respelled, never string contents.
    respelled = _respell(text)
    try:
        return json.loads(respelled)
    except json.JSONDecodeError as exc:
        raise LiteralError(f"not a JSON value: {text[:60]!r}") from exc


def _respell(text: str) -> str:
    out, i, n = [], 0, len(text)
    words = {"True": "true", "False": "false", "None": "null"}
    while i < n:
        c = text[i]
        if c == '"':
            j = _scan_value(text, i)
            out.append(text[i:j])
            i = j
            continue
        m = re.match(r"[A-Za-z_]+", text[i:])
        if m:
            out.append(words.get(m.group(0), m.group(0)))
            i += len(m.group(0))
            continue
        out.append(c)
        i += 1
    return "".join(out)


def parse_assignments(text: str) -> dict[str, Any]:
    """``a = 1, b = "x, y = 2"`` → ``{"a": 1, "b": "x, y = 2"}`` (order kept)."""
    result: dict[str, Any] = {}
    i, n = 0, len(text)
    while i < n:
        m = _NAME.match(text, i)
        if not m:
            rest = text[i:].strip().strip(",").strip()
            if not rest:
                break
            raise LiteralError(f"expected 'name = value' at {text[i:i + 30]!r}")
        name = m.group(1)
        start = m.end()
        end = _scan_value(text, start)
        if name in result:
            raise LiteralError(f"parameter {name!r} given twice")
        result[name] = parse_value(text[start:end])
        i = end
        while i < n and text[i] in " \t\r\n,":
            i += 1
    if not result:
        raise LiteralError("no 'name = value' pairs")
    return result


def to_wire(values: list[Any]) -> str:
    """Wire format: one canonical JSON value per line."""
    return "\n".join(json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in values)
