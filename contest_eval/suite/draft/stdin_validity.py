"""Does a generated stdin text satisfy the input-format model?

The text is parsed back line by line against the model, independently of the
sampler (:mod:`.stdin_generator`), so a sampler bug yields a dropped input,
never an invalid test: the layout (lines, tokens per line, integer syntax,
string lengths and characters), every bound, every property (permutation,
distinct, sorted, tree, connected, simple graph, distinct edges), relations
inside rows and the sums over all test cases.
"""

from __future__ import annotations

import math
import re
from typing import Any

from contest_eval.suite.draft import expr
from contest_eval.suite.draft.stdin_model import Line, StdinModel

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_INTS = re.compile(r"(?:-?(?:0|[1-9][0-9]*)(?: |$))*")


class _Bad(ValueError):
    pass


def _int(token: str, where: str) -> int:
    if not _INT.fullmatch(token) or token == "-0":
        raise _Bad(f"{where}: {token[:20]!r} is not an integer")
    return int(token)


def _ints(toks: list[str], where: str) -> list[int]:
    """Integer tokens, checked in one regular-expression pass over the joined line."""
    line = " ".join(toks)
    if _INTS.fullmatch(line) is None or "-0 " in line + " ":
        return [_int(t, where) for t in toks]  # names the bad token
    return list(map(int, toks))


def _tokens(lines: list[str], pos: int, where: str) -> list[str]:
    if pos >= len(lines):
        raise _Bad(f"{where}: the input ends early")
    line = lines[pos]
    if line != line.strip(" ") or "  " in line or "\t" in line or "\r" in line:
        raise _Bad(f"{where}: stray whitespace in line {pos + 1}")
    return line.split(" ") if line else []


def _size(text: str | None, env: dict[str, int], where: str) -> int:
    try:
        value = expr.evaluate(text or "0", env)
    except expr.ExprError as exc:
        raise _Bad(f"{where}: {exc}") from None
    if value < 0:
        raise _Bad(f"{where}: negative size {value}")
    return value


def _read(ln: Line, lines: list[str], pos: int, env: dict[str, int], values: dict[str, Any]) -> int:
    """Read one line (or block) of ``ln`` from ``pos``; returns the next position."""
    name = ln.names[0]
    if ln.kind == "ints":
        toks = _tokens(lines, pos, name)
        if len(toks) != len(ln.names):
            raise _Bad(f"line {pos + 1}: {len(toks)} values, the format has {' '.join(ln.names)}")
        for n, tok in zip(ln.names, toks):
            env[n] = values[n] = _int(tok, n)
        return pos + 1
    if ln.kind == "string":
        toks = _tokens(lines, pos, name)
        if len(toks) != 1:
            raise _Bad(f"line {pos + 1}: string {name} must be one token")
        values[name] = toks[0]
        env[f"len_{name}"] = len(toks[0])
        return pos + 1
    if ln.kind == "array":
        n = _size(ln.count, env, name)
        toks = _tokens(lines, pos, name)
        if len(toks) != n:
            raise _Bad(f"line {pos + 1}: {len(toks)} values of {name}, expected {n}")
        values[name] = _ints(toks, name)
        return pos + 1
    count = _size(ln.count, env, name)
    if ln.kind == "matrix":
        width = _size(ln.width, env, name)
        cells: list[int] = []
        for k in range(count):
            toks = _tokens(lines, pos + k, name)
            if len(toks) != width:
                raise _Bad(f"line {pos + k + 1}: {len(toks)} values of {name}, expected {width}")
            cells += _ints(toks, name)
        values[name] = cells
        return pos + count
    rows: list[Any] = []
    for k in range(count):
        toks = _tokens(lines, pos + k, name)
        if ln.kind == "rows":
            if len(toks) != len(ln.names):
                raise _Bad(f"line {pos + k + 1}: {len(toks)} values, the format has {' '.join(ln.names)}")
            rows.append(_ints(toks, name))
        else:
            if len(toks) != 1:
                raise _Bad(f"line {pos + k + 1}: {name} row must be one token")
            rows.append(toks[0])
    values[name] = rows
    return pos + count


def _span(model: StdinModel, name: str, env: dict[str, int]) -> tuple[int, int]:
    b = model.bounds.get(name)
    if b is None or not b.lo or not b.hi:
        raise _Bad(f"{name} has no bounds in the model")
    try:
        return max(expr.evaluate(e, env) for e in b.lo), min(expr.evaluate(e, env) for e in b.hi)
    except expr.ExprError as exc:
        raise _Bad(f"{name}: {exc}") from None


def _check_bounds(model: StdinModel, name: str, value: int, env: dict[str, int]) -> None:
    lo, hi = _span(model, name, env)
    if not lo <= value <= hi:
        raise _Bad(f"{name} = {value} is outside [{lo}, {hi}]")


def _check_all(model: StdinModel, name: str, values: list[int], env: dict[str, int]) -> None:
    """Bounds of many values at once (one evaluation of the bounds)."""
    if values:
        lo, hi = _span(model, name, env)
        if min(values) < lo or max(values) > hi:
            bad = next(v for v in values if not lo <= v <= hi)
            raise _Bad(f"{name} = {bad} is outside [{lo}, {hi}]")


def _components(n: int, edges: list[tuple[int, int]]) -> tuple[int, bool]:
    """(connected components, whether an edge closed a cycle) over vertices 0..n-1."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    parts, cycle = n, False
    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra == rb:
            cycle = True
        else:
            parent[ra] = rb
            parts -= 1
    return parts, cycle


def _check_line(model: StdinModel, ln: Line, values: dict[str, Any], env: dict[str, int]) -> None:
    name = ln.names[0]
    value = values[name]
    props = model.props.get(name, [])
    if ln.kind == "ints":
        for n in ln.names:
            _check_bounds(model, n, values[n], env)
    elif ln.kind in ("string", "words", "grid"):
        chars = set(model.alphabet.get(name, ""))
        items = [value] if ln.kind == "string" else value
        for s in items:
            if not set(s) <= chars:
                raise _Bad(f"{name}: characters outside {''.join(sorted(chars))!r}")
            if ln.kind == "grid":
                if len(s) != _size(ln.width, env, name):
                    raise _Bad(f"{name}: a row of length {len(s)}")
            else:
                _check_bounds(model, f"len_{name}", len(s), env)
        if "distinct" in props and len(set(items)) != len(items):
            raise _Bad(f"{name}: strings repeat")
    elif ln.kind == "matrix":
        _check_all(model, name, value, env)
    elif ln.kind == "array":
        _check_all(model, name, value, env)
        if "permutation" in props and sorted(value) != list(range(1, len(value) + 1)):
            raise _Bad(f"{name} is not a permutation of 1..{len(value)}")
        if "distinct" in props and len(set(value)) != len(value):
            raise _Bad(f"{name}: values repeat")
        if "sorted" in props and any(a > b for a, b in zip(value, value[1:])):
            raise _Bad(f"{name} is not sorted")
        if "sorted_desc" in props and any(a < b for a, b in zip(value, value[1:])):
            raise _Bad(f"{name} is not sorted descending")
    else:
        _check_rows(model, ln, value, env)


def _check_rows(model: StdinModel, ln: Line, rows: list[list[int]], env: dict[str, int]) -> None:
    name, props = ln.names[0], model.props.get(ln.names[0], [])
    fields = set(ln.names)
    for j, f in enumerate(ln.names):
        b = model.bounds.get(f)
        if b is not None and not {n for e in b.lo + b.hi for n in expr.names(e)} & fields:
            _check_all(model, f, [r[j] for r in rows], env)  # the common case: bounds over sizes only
            continue
        for row in rows:
            _check_bounds(model, f, row[j], {**env, **dict(zip(ln.names, row))})
    for a, op, b in model.relations:
        if a in fields and b in fields:
            ia, ib = ln.names.index(a), ln.names.index(b)
            test = {"<": lambda x, y: x < y, "<=": lambda x, y: x <= y, "!=": lambda x, y: x != y}[op]
            for row in rows:
                if not test(row[ia], row[ib]):
                    raise _Bad(f"{a} {op} {b} fails for the row {row}")
    pairs = [(r[0], r[1]) for r in rows] if len(ln.names) >= 2 else []
    if {"distinct_edges", "simple"} & set(props) and len({(a, b) if a < b else (b, a) for a, b in pairs}) != len(pairs):
        raise _Bad(f"{name}: an edge repeats")
    if "simple" in props and any(a == b for a, b in pairs):
        raise _Bad(f"{name}: a self-loop")
    if {"tree", "connected"} & set(props):
        b = model.bounds.get(name)
        lo, hi = (expr.evaluate(b.lo[0], env), min(expr.evaluate(e, env) for e in b.hi)) if b and b.lo and b.hi else (0, -1)
        vertices = hi - lo + 1
        parts, cycle = _components(max(vertices, 0), [(a - lo, c - lo) for a, c in pairs])
        if "tree" in props and (len(pairs) != vertices - 1 or cycle):
            raise _Bad(f"{name}: {len(pairs)} edges over {vertices} vertices are not a tree")
        if parts != 1:
            raise _Bad(f"{name}: the graph is not connected")


def _check_products(model: StdinModel, env: dict[str, int]) -> None:
    for prod in model.products:
        if all(i in env for i in prod["ids"]):
            value = math.prod(env[i] for i in prod["ids"])
            lo, hi = expr.evaluate(prod["lo"], env), expr.evaluate(prod["hi"], env)
            if not lo <= value <= hi:
                raise _Bad(f"{'*'.join(prod['ids'])} = {value} is outside [{lo}, {hi}]")


def violations(model: StdinModel, text: str) -> list[str]:
    """Every way ``text`` breaks the model (empty when it is a valid input); stops at the first."""
    try:
        _check(model, text)
    except _Bad as exc:
        return [str(exc)]
    return []


def _check(model: StdinModel, text: str) -> None:
    if not text.endswith("\n"):
        raise _Bad("the input does not end with a newline")
    lines = text[:-1].split("\n")
    pos, env, values = 0, {}, {}
    head = [ln for ln in model.lines if ln.scope == "head"]
    for ln in head:
        pos = _read(ln, lines, pos, env, values)
    for ln in head:
        _check_line(model, ln, values, env)
    _check_products(model, env)
    case_lines = [ln for ln in model.lines if ln.scope == "case"]
    cases = env[model.cases] if model.cases else (1 if case_lines else 0)
    totals = [0] * len(model.sums)
    for _ in range(cases):
        local, vals = dict(env), dict(values)
        for ln in case_lines:
            pos = _read(ln, lines, pos, local, vals)
        for ln in case_lines:
            _check_line(model, ln, vals, local)
        _check_products(model, local)
        for k, s in enumerate(model.sums):
            totals[k] += math.prod(local.get(i, 0) for i in s["ids"])
    if pos != len(lines):
        raise _Bad(f"{len(lines) - pos} line(s) after the end of the input")
    for k, s in enumerate(model.sums):
        if totals[k] > expr.evaluate(s["cap"], {}):
            raise _Bad(f"sum of {'*'.join(s['ids'])} over the test cases is {totals[k]} > {s['cap']}")
