"""Does a generated input satisfy every parsed constraint?

Written apart from the sampler on purpose: the sampler aims at the limits, this
module only reads values and the model, so a sampler bug produces a dropped
input rather than an invalid test.
"""

from __future__ import annotations

from typing import Any

from contest_eval.suite.draft import expr
from contest_eval.suite.draft.model import Field, Model


def _ints(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def environment(model: Model, args: dict[str, Any]) -> tuple[dict[str, int], list[str]]:
    """Sizes and scalars of an input, keyed by id (aliases included)."""
    env: dict[str, int] = {}
    bad: list[str] = []
    for name, typ in model.params:
        value = args.get(name)
        if typ in ("integer", "long"):
            if not _ints(value):
                bad.append(f"{name} is not an integer")
                continue
            env[name] = value
        elif isinstance(value, (list, str)):
            env[f"len_{name}"] = len(value)
            if typ.endswith("[][]") and value and all(isinstance(r, list) for r in value):
                widths = {len(r) for r in value}
                if name not in model.width and len(widths) == 1:
                    env[f"rowlen_{name}"] = widths.pop()
    for ident in list(env):
        rep = model.rep(ident)
        if rep != ident:
            if rep in env and env[rep] != env[ident]:
                bad.append(f"{ident} = {env[ident]} but {rep} = {env[rep]}")
            env.setdefault(rep, env[ident])
    for ident, rep in model.alias.items():
        if rep in env:
            env.setdefault(ident, env[rep])
    return env, bad


def within(f: Field, value: int, env: dict[str, int]) -> bool:
    try:
        return all(value >= expr.evaluate(e, env) for e in f.lo) and all(value <= expr.evaluate(e, env) for e in f.hi)
    except expr.ExprError:
        return False


def bounds(f: Field, env: dict[str, int]) -> tuple[int, int] | None:
    """(lo, hi) as numbers when no bound depends on the element itself (its index, its tuple)."""
    if f.where is not None or any(not expr.names(e) <= env.keys() for e in f.lo + f.hi):
        return None
    try:
        return max(expr.evaluate(e, env) for e in f.lo), min(expr.evaluate(e, env) for e in f.hi)
    except (expr.ExprError, ValueError):
        return None


def _ok(f: Field, span: tuple[int, int] | None, value: int, env: dict[str, int]) -> bool:
    return span[0] <= value <= span[1] if span is not None else within(f, value, env)


def _in_where(f: Field, index: int, env: dict[str, int]) -> bool:
    if f.where is None:
        return True
    return expr.evaluate(f.where[0], env) <= index <= expr.evaluate(f.where[1], env)


def violations(model: Model, args: dict[str, Any]) -> list[str]:
    """Every way ``args`` breaks the model (empty when valid)."""
    if set(args) != {n for n, _ in model.params}:
        return [f"arguments {sorted(args)} are not the parameters"]
    env, bad = environment(model, args)
    for ident, f in model.fields.items():
        if ident in env and not within(f, env[ident], env):
            bad.append(f"{ident} = {env[ident]} out of range")
    for name, typ in model.params:
        value = args[name]
        if typ == "boolean" and not isinstance(value, bool):
            bad.append(f"{name} is not a boolean")
        elif typ in ("string", "character"):
            bad += _string(model, name, value, model.alphabet.get(name), model.words.get(name, []))
        elif typ == "string[]":
            bad += _strings(model, name, value, env)
        elif typ in ("integer[]", "long[]"):
            bad += _array(model, name, value, env)
        elif typ in ("integer[][]", "long[][]"):
            bad += _matrix(model, name, value, env)
        if len(bad) > 20:
            break
    for prod in model.products:
        if all(i in env for i in prod["ids"]):
            total = 1
            for i in prod["ids"]:
                total *= env[i]
            if not within(Field(prod["lo"], prod["hi"]), total, env):
                bad.append(f"product of {prod['ids']} = {total} out of range")
    for a, op, b in model.relations:
        if a in env and b in env and not _holds(env[a], op, env[b]):
            bad.append(f"{a} {op} {b} does not hold")
    return bad


def _holds(a: int, op: str, b: int) -> bool:
    return a < b if op == "<" else a <= b if op == "<=" else a != b


def _string(model: Model, name: str, value: Any, chars: str | None, words: list[str]) -> list[str]:
    if not isinstance(value, str):
        return [f"{name} is not a string"]
    bad = []
    if chars is not None and any(c not in chars for c in value):
        bad.append(f"{name} has a character outside its alphabet")
    for rule in words:
        kind, ch = rule.split(":", 1)
        if kind == "edge" and value and (value[0] == ch or value[-1] == ch):
            bad.append(f"{name} starts or ends with {ch!r}")
        if kind == "double" and ch * 2 in value:
            bad.append(f"{name} has two consecutive {ch!r}")
    return bad


def _strings(model: Model, name: str, value: Any, env: dict[str, int]) -> list[str]:
    if not isinstance(value, list):
        return [f"{name} is not a list"]
    bad: list[str] = []
    choices = model.choices.get(f"el_{name}")
    row = model.fields.get(model.rep(f"rowlen_{name}"))
    span = bounds(row, env) if row is not None else None
    for s in value:
        if choices is not None:
            if s not in choices:
                bad.append(f"{name} has {s!r}, not one of its choices")
            continue
        bad += _string(model, name, s, model.alphabet.get(f"el_{name}"), model.words.get(f"el_{name}", []))
        if row is not None and isinstance(s, str) and not _ok(row, span, len(s), env):
            bad.append(f"a string of {name} has length {len(s)} out of range")
    if name in model.totals and sum(len(s) for s in value if isinstance(s, str)) > expr.evaluate(model.totals[name], env):
        bad.append(f"{name}: total length over the cap")
    return bad[:5]


def _array(model: Model, name: str, value: Any, env: dict[str, int]) -> list[str]:
    if not isinstance(value, list) or not all(_ints(v) for v in value):
        return [f"{name} is not a list of integers"]
    bad: list[str] = []
    el = model.fields.get(model.rep(f"el_{name}"))
    choices = model.choices.get(f"el_{name}")
    span = bounds(el, env) if el is not None else None
    for i, v in enumerate(value):
        fixed = model.fixed.get(f"at_{name}_{i}")
        if fixed is not None:
            if v != fixed:
                bad.append(f"{name}[{i}] must be {fixed}")
            continue
        local = env if span is not None else {**env, "i": i}
        if choices is not None and v not in choices:
            bad.append(f"{name}[{i}] = {v} is not one of {choices}")
        if el is not None and _in_where(el, i, local) and not _ok(el, span, v, local):
            bad.append(f"{name}[{i}] = {v} out of range")
        if el is not None and span is None and not _in_where(el, i, local):
            bad.append(f"{name}[{i}] has no stated range")
        if len(bad) > 3:
            break
    bad += _props(model, name, value, env)
    return bad


def _props(model: Model, name: str, value: list[int], env: dict[str, int]) -> list[str]:
    bad: list[str] = []
    props = model.props.get(name, [])
    pairs = list(zip(value, value[1:])) if props else []
    for prop in props:
        ok = True
        if prop == "sorted":
            ok = all(a <= b for a, b in pairs)
        elif prop == "sorted_desc":
            ok = all(a >= b for a, b in pairs)
        elif prop == "increasing":
            ok = all(a < b for a, b in pairs)
        elif prop == "decreasing":
            ok = all(a > b for a, b in pairs)
        elif prop == "distinct":
            ok = len(set(map(_key, value))) == len(value)
        elif prop == "permutation":
            first, last = (expr.evaluate(e, env) for e in model.permutation[name])
            ok = sorted(value) == list(range(first, last + 1))
        elif prop == "tree":
            ok = _is_tree(value)
        elif prop == "bitonic":
            peak = value.index(max(value)) if value else 0
            ok = 0 < peak < len(value) - 1 and all(a < b for a, b in pairs[:peak]) and all(a > b for a, b in pairs[peak:])
        elif prop == "distinct_edges":
            ok = len({frozenset(r[:2]) if isinstance(r, list) else r for r in value}) == len(value)  # type: ignore[arg-type]
        if not ok:
            bad.append(f"{name} is not {prop}")
    return bad


def _key(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def _is_tree(parent: list[int]) -> bool:
    """A parent array with one root (-1) from which every node is reached."""
    n = len(parent)
    roots = [i for i, p in enumerate(parent) if p == -1]
    if len(roots) != 1 or any(p != -1 and not 0 <= p < n for p in parent):
        return False
    kids: dict[int, list[int]] = {}
    for i, p in enumerate(parent):
        kids.setdefault(p, []).append(i)
    seen, stack = {roots[0]}, [roots[0]]
    while stack:
        for c in kids.get(stack.pop(), []):
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return len(seen) == n


def _matrix(model: Model, name: str, value: Any, env: dict[str, int]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(r, list) and all(_ints(v) for v in r) for r in value):
        return [f"{name} is not a list of integer lists"]
    bad: list[str] = []
    width = model.width.get(name)
    ids = [f"f_{name}_{k}" for k in range(width or 0)]
    fields = [model.fields.get(model.rep(i)) for i in ids]
    spans = [bounds(f, env) if f is not None else None for f in fields]
    rels = [(ids.index(a), op, ids.index(b)) for a, op, b in model.relations if a in ids and b in ids]
    for r in value:
        if width is not None:
            if len(r) != width:
                bad.append(f"a row of {name} has {len(r)} values, not {width}")
                continue
            local = env if all(s is not None for s in spans) else {**env, **dict(zip(ids, r))}
            for k, v in enumerate(r):
                f = fields[k]
                if f is not None and not _ok(f, spans[k], v, local):
                    bad.append(f"{name}: {r} position {k} out of range")
            for a, op, b in rels:
                if not _holds(r[a], op, r[b]):
                    bad.append(f"{name}: {r} breaks {ids[a]} {op} {ids[b]}")
        else:
            el = model.fields.get(model.rep(f"el_{name}"))
            span = bounds(el, env) if el is not None else None
            if el is not None and any(not _ok(el, span, v, env) for v in r):
                bad.append(f"{name} has an element out of range")
        if len(bad) > 3:
            break
    return bad + _props(model, name, value, env)  # type: ignore[arg-type]
