"""Shared plumbing for the jsonl dataset importers (DeepSeek, LeetCodeDataset, LCB).

Each importer turns one line into one :class:`ProblemRecord` or one
:class:`Rejected`.  The helpers here make that contract hard to break: lines
are read as bytes (a bad UTF-8 byte costs one line, not the file), oversized
lines are skipped without being held in memory whole, and every per-line
failure — including RecursionError from absurd nesting — becomes a Rejected.
"""

from __future__ import annotations

import ast
import gzip
import json
import math
import re
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from contest_eval.problems.literals import LiteralError, parse_assignments, parse_value, to_wire
from contest_eval.problems.record import Example, Parsed, Rejected
from contest_eval.problems.signature import metadata_from_python

DEFAULT_MAX_LINE_BYTES = 1024 * 1024 * 1024
_CHUNK = 1 << 20


class RecordError(ValueError):
    """One record cannot be imported; the message becomes Rejected.reason."""


def _open(path: Path) -> Any:
    with open(path, "rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")


def iter_json_lines(path: str | Path, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES) -> Iterator[tuple[str, dict[str, Any]] | Rejected]:
    """Yield ``(where, object)`` per non-blank line, or a Rejected for that line."""
    p = Path(path)
    try:
        fh = _open(p)
    except OSError as exc:
        yield Rejected(where=str(p), reason=f"cannot open: {exc.strerror or exc}")
        return
    n = 0
    with fh:
        while True:
            n += 1
            try:
                line = fh.readline(max_line_bytes + 1)
                if not line:
                    return
                if len(line) > max_line_bytes and not line.endswith(b"\n"):
                    while (rest := fh.readline(_CHUNK)) and not rest.endswith(b"\n"):
                        pass
                    yield Rejected(where=f"line {n}", reason=f"line longer than {max_line_bytes} bytes")
                    continue
            except (OSError, EOFError, zlib.error) as exc:  # truncated or corrupt gzip
                yield Rejected(where=f"line {n}", reason=f"read error, rest of file skipped: {type(exc).__name__}: {exc}")
                return
            if not line.strip():
                continue
            try:
                obj = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield Rejected(where=f"line {n}", reason=f"not UTF-8: {exc.reason} at byte {exc.start}")
                continue
            except (ValueError, RecursionError) as exc:
                yield Rejected(where=f"line {n}", reason=f"bad JSON: {type(exc).__name__}: {str(exc)[:120]}")
                continue
            if not isinstance(obj, dict):
                yield Rejected(where=f"line {n}", reason=f"expected a JSON object, got {type(obj).__name__}")
                continue
            yield f"line {n}", obj


def parse_file(path: str | Path, parse_one: Callable[[dict[str, Any]], Parsed]) -> Iterator[Parsed]:
    """Drive ``parse_one`` over a jsonl file, turning any per-line failure into a Rejected."""
    for item in iter_json_lines(path):
        if isinstance(item, Rejected):
            yield item
            continue
        where, obj = item
        try:
            yield parse_one(obj)
        except (RecordError, LiteralError) as exc:
            yield Rejected(where=where, reason=str(exc))
        except RecursionError:
            yield Rejected(where=where, reason="value nested too deeply")
        except Exception as exc:  # noqa: BLE001 — one bad line must never stop an import
            yield Rejected(where=where, reason=f"unexpected {type(exc).__name__}: {str(exc)[:200]}")


_HEADER = re.compile(r"^(\s*)(?:async\s+)?(?:def|class)\b.*:\s*(?:#.*)?$")


def fill_empty_bodies(code: str) -> str:
    """Starters end in ``def f(self, x: int) -> int:`` with no body, which is not
    valid Python; add ``pass`` under every def/class header that lacks a body."""
    lines = code.splitlines()
    # Indent of the next non-blank line after each line, computed backwards so
    # a hostile file with many headers stays linear.
    next_indent: list[int | None] = [None] * len(lines)
    following: int | None = None
    for i in range(len(lines) - 1, -1, -1):
        next_indent[i] = following
        expanded = lines[i].expandtabs()
        if expanded.strip():
            following = len(expanded) - len(expanded.lstrip())
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        m = _HEADER.match(line)
        if not m:
            continue
        indent = len(m.group(1).expandtabs())
        nxt = next_indent[i]
        if nxt is None or nxt <= indent:
            out.append(" " * (indent + 4) + "pass")
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class FunctionSig:
    """A function problem's signature: metaData plus what the test parsers need from it."""

    metadata: dict[str, Any]
    name: str
    params: list[str]
    types: list[str]
    returns: str


def function_signature(code: str, func_name: str | None = None) -> FunctionSig:
    """metaData of ``class Solution`` in Python source (starter or full solution), never executed."""
    try:
        ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        code = fill_empty_bodies(code)
    try:
        meta = metadata_from_python(code)
    except (RecursionError, MemoryError):
        meta = None
    if meta is None:
        raise RecordError("no usable Python signature (class Solution with LeetCode-typed parameters and return)")
    if "classname" in meta:
        raise RecordError(f"design problem {meta['classname']!r}: not supported by this importer")
    if func_name is not None and meta["name"] != func_name:
        raise RecordError(f"signature names {meta['name']!r} but the entry point is {func_name!r}")
    params = meta["params"]
    return FunctionSig(meta, meta["name"], [p["name"] for p in params], [p["type"] for p in params], meta["return"]["type"])


def field_str(obj: dict[str, Any], key: str, required: bool = True) -> str | None:
    value = obj.get(key)
    if value is None or value == "":
        if required:
            raise RecordError(f"missing field {key!r}")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RecordError(f"field {key!r} must be a string, got {type(value).__name__}")
    return str(value)


def jsonable(value: Any) -> Any:
    """Python literal → JSON value: tuples become lists; sets, bytes, NaN and
    non-string keys are refused rather than silently mangled."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise RecordError(f"non-finite number {value!r} has no JSON form")
        return value
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise RecordError("dict with non-string keys has no JSON form")
        return {k: jsonable(v) for k, v in value.items()}
    raise RecordError(f"value of type {type(value).__name__} has no JSON form")


def canonical_json(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def trim_tree(value: Any) -> Any:
    """LeetCode level order drops trailing nulls; datasets sometimes keep them."""
    if isinstance(value, list):
        end = len(value)
        while end and value[end - 1] is None:
            end -= 1
        return value[:end]
    return value


def normalise(value: Any, ltype: str | None) -> Any:
    if ltype == "TreeNode":
        return trim_tree(value)
    return value


def wire_args(values: dict[str, Any], params: Sequence[str], types: Sequence[str | None] | None = None) -> str:
    """Arguments by name → wire text in signature order; names must match exactly."""
    if set(values) != set(params):
        missing = [p for p in params if p not in values]
        extra = [k for k in values if k not in params]
        raise RecordError(f"test arguments do not match the signature {list(params)}: missing {missing}, unexpected {extra}")
    types = types or [None] * len(params)
    return to_wire([jsonable(normalise(values[p], t)) for p, t in zip(params, types)])


def utc_from_epoch(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RecordError(f"timestamp must be a number, got {type(value).__name__}")
    try:
        return datetime.fromtimestamp(value, tz=timezone.utc)
    except (OverflowError, OSError, ValueError) as exc:
        raise RecordError(f"timestamp {value!r} out of range") from exc


def utc_from_iso(value: Any) -> datetime | None:
    """ISO date or datetime; naive values are taken as UTC (the datasets' convention)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RecordError(f"date must be a string, got {type(value).__name__}")
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise RecordError(f"bad date {value[:40]!r}") from exc
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)


_LABEL = re.compile(r"^\s*(Input|Output|Explanation)\s*:\s?(.*)$")
# Lines that end an example's text (a new example, or the statement's tail).
_STOP = re.compile(r"^\s*(Example\b|Constraints\s*:|Note\s*:|Follow[- ]?up\b)", re.I)


def _raw_examples(text: str) -> list[dict[str, str]]:
    """Split a plain-text statement into {input, output, explanation} sections,
    one pass over the lines (a backtracking regex was quadratic on hostile text)."""
    found: list[dict[str, str]] = []
    current: dict[str, list[str]] = {}
    label: str | None = None

    def flush() -> None:
        if "input" in current and "output" in current:
            found.append({k: "\n".join(v).strip() for k, v in current.items()})

    for line in text.splitlines():
        m = _LABEL.match(line)
        if m:
            label = m.group(1).lower()
            if label == "input":
                flush()
                current = {}
            current.setdefault(label, []).append(m.group(2))
        elif _STOP.match(line):
            flush()
            current, label = {}, None
        elif label is not None:
            current[label].append(line)
    flush()
    return found


def examples_from_text(text: str, params: Sequence[str], types: Sequence[str | None] | None = None) -> list[Example]:
    """Statement examples from plain text (``Input: a = 1, b = [2]`` / ``Output: 3``).

    Examples are a convenience, not tests: any example that does not parse is
    dropped instead of rejecting the problem.
    """
    out: list[Example] = []
    for raw in _raw_examples(text):
        try:
            args = parse_assignments(raw["input"].replace("\n", " "))
            wire = wire_args(args, params, types)
            output = canonical_json(parse_value(raw["output"]))
        except (LiteralError, RecordError, RecursionError):
            continue
        out.append(Example(input=wire, output=output, explanation=raw.get("explanation", "")))
    return out
