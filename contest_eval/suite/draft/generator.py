"""Inputs from a constraint model: small, random, boundary and maximum-size.

A *plan* says how to pick sizes (``min``, ``small``, ``random``, ``max``) and
values (``min``, ``max``, ``random``, ``narrow`` — few distinct values so
duplicates and ties happen — and ``extreme`` — only the two ends of the
range).  Every sampled input goes through :func:`.validity.violations`; one
that breaks a constraint is dropped and counted, never kept.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

from contest_eval.suite.draft import expr
from contest_eval.suite.draft.model import Model
from contest_eval.suite.draft.validity import bounds, violations

SIZE_MODES = ("min", "small", "random", "max")
VALUE_MODES = ("random", "narrow", "min", "max", "extreme")


@dataclass(frozen=True)
class Plan:
    size: str
    values: str
    shape: str = "random"  # order of array values / tree shape: random, asc, desc, path, star


class Infeasible(ValueError):
    """The bounds leave no value for this plan (e.g. lo > hi)."""


def plans(rng: random.Random, count: int = 60) -> list[Plan]:
    """A fixed mix: corners first, then small random, medium, and a few maximum-size inputs."""
    out = [Plan("min", "min"), Plan("min", "max"), Plan("min", "extreme"), Plan("small", "min"),
           Plan("small", "max"), Plan("small", "extreme")]
    out += [Plan("small", rng.choice(("random", "narrow", "narrow", "extreme")),
                 rng.choice(("random", "random", "asc", "desc", "rot", "path", "star"))) for _ in range(count - 20)]
    out += [Plan("random", rng.choice(("random", "narrow")), rng.choice(("random", "asc", "desc"))) for _ in range(8)]
    # Maximum sizes: these are the ones that make a slow solution time out.
    out += [Plan("max", "random", rng.choice(("random", "path"))), Plan("max", "max"),
            Plan("max", "narrow", rng.choice(("asc", "star"))), Plan("max", "extreme", "desc")]
    return out


def _bounds(model: Model, ident: str, env: dict[str, int]) -> tuple[int, int]:
    f = model.fields.get(model.rep(ident))
    if f is None or not f.lo or not f.hi:
        raise Infeasible(f"{ident} has no bounds")
    return max(expr.evaluate(e, env) for e in f.lo), min(expr.evaluate(e, env) for e in f.hi)


def _pick(rng: random.Random, lo: int, hi: int, mode: str) -> int:
    if lo > hi:
        raise Infeasible(f"empty range [{lo}, {hi}]")
    if mode == "min":
        return lo
    if mode == "max":
        return hi
    if mode == "small":
        return rng.randint(lo, min(hi, lo + rng.choice((2, 5, 8, 12))))
    if mode == "extreme":
        return rng.choice((lo, hi, min(lo + 1, hi), max(hi - 1, lo)))
    if mode == "narrow":
        return rng.randint(lo, min(hi, lo + rng.choice((1, 2, 4))))
    span = hi - lo
    if mode == "random":  # element values: uniform
        return lo + int(rng.random() * (span + 1))
    # "logrand" (sizes, scalars): log-uniform over the span, so every order of magnitude shows up
    return lo + min(span, int(math.exp(rng.uniform(0, math.log(span + 1)))) - 1 + rng.randint(0, 1)) if span else lo


def _size_order(model: Model) -> list[str]:
    """Scalars and sizes, each after the ids its bounds mention."""
    ids: list[str] = []
    for name, typ in model.params:
        if typ in ("integer", "long"):
            ids.append(model.rep(name))
        if typ.endswith("[]") or typ == "string":
            ids.append(model.rep(f"len_{name}"))
        if typ.endswith("[][]") and name not in model.width:
            ids.append(model.rep(f"rowlen_{name}"))
    ids = list(dict.fromkeys(ids))
    deps = {}
    for i in ids:
        f = model.fields.get(i)
        deps[i] = {n for e in (f.lo + f.hi if f else []) for n in expr.names(e)} & set(ids)
    order: list[str] = []
    while len(order) < len(ids):
        ready = [i for i in ids if i not in order and deps[i] <= set(order)]
        if not ready:
            raise Infeasible(f"circular bounds among {sorted(set(ids) - set(order))}")
        order.append(ready[0])
    return order


def _sizes(model: Model, rng: random.Random, plan: Plan) -> dict[str, int]:
    env: dict[str, int] = {}
    sizes = {model.rep(f"{p}_{n}") for n, _ in model.params for p in ("len", "rowlen")}
    for ident in _size_order(model):
        lo, hi = _bounds(model, ident, env)
        for prod in model.products:  # the last factor of a bounded product takes what is left
            if ident in prod["ids"] and all(i in env for i in prod["ids"] if i != ident):
                rest = math.prod(env[i] for i in prod["ids"] if i != ident) or 1
                hi = min(hi, min(expr.evaluate(e, env) for e in prod["hi"]) // rest)
                lo = max(lo, -(-max(expr.evaluate(e, env) for e in prod["lo"]) // rest))
        mode = plan.size if ident in sizes else ("logrand" if plan.values in ("random", "narrow") else plan.values)
        mode = "logrand" if mode == "random" else mode
        if mode == "max" and ident in sizes and any(ident in p["ids"] for p in model.products):
            mode = rng.choice(("max", "random"))  # both factors at max would break the product bound
        env[ident] = _pick(rng, lo, hi, mode)
    for ident, rep in model.alias.items():
        if rep in env:
            env[ident] = env[rep]
    return env


def _value(model: Model, rng: random.Random, ident: str, env: dict[str, int], plan: Plan,
           span: tuple[int, int] | None = None) -> Any:
    choices = model.choices.get(ident)
    if choices is not None:
        return rng.choice(choices[:2] if plan.values == "narrow" else choices)
    lo, hi = span if span is not None else _bounds(model, ident, env)
    return _pick(rng, lo, hi, plan.values)


def _span(model: Model, ident: str, env: dict[str, int]) -> tuple[int, int] | None:
    f = model.fields.get(model.rep(ident))
    return bounds(f, env) if f is not None else None


def _array(model: Model, rng: random.Random, name: str, env: dict[str, int], plan: Plan) -> list[int]:
    n = env[model.rep(f"len_{name}")]
    props = model.props.get(name, [])
    if "permutation" in props:
        first, last = (expr.evaluate(e, env) for e in model.permutation[name])
        values = list(range(first, last + 1))
        if plan.shape == "rot":  # a rotation of the sorted order, either way round
            k = rng.randrange(len(values)) if values else 0
            values = values[k:] + values[:k]
            return values[::-1] if rng.random() < 0.5 else values
        return values[::-1] if plan.shape == "desc" else values if plan.shape == "asc" else rng.sample(values, len(values))
    ident = f"el_{name}"
    out = []
    if "tree" in props and plan.shape in ("path", "star"):
        return [-1] + [(i - 1 if plan.shape == "path" else 0) for i in range(1, n)]
    if {"distinct", "increasing", "decreasing", "bitonic"} & set(props):
        lo, hi = _bounds(model, ident, env)
        if "bitonic" in props:
            return _bitonic(rng, lo, hi, n, plan)
        if hi - lo + 1 < n:
            raise Infeasible(f"{name}: {n} distinct values do not fit in [{lo}, {hi}]")
        top = hi if plan.values == "max" else lo + n - 1 if plan.values in ("min", "narrow") else hi
        out = rng.sample(range(lo, max(top, lo + n - 1) + 1), n)
    else:
        span = _span(model, ident, env)
        for i in range(n):
            fixed = model.fixed.get(f"at_{name}_{i}")
            out.append(fixed if fixed is not None else _value(model, rng, ident, env if span else {**env, "i": i}, plan, span))
    if {"sorted", "increasing"} & set(props) or (plan.shape == "asc" and not props):
        out.sort()
    elif {"sorted_desc", "decreasing"} & set(props) or (plan.shape == "desc" and not props):
        out.sort(reverse=True)
    elif plan.shape == "rot" and not props and out:  # sorted, then rotated: "almost sorted" inputs
        out.sort(reverse=rng.random() < 0.5)
        k = rng.randrange(len(out))
        out = out[k:] + out[:k]
    return out


def _bitonic(rng: random.Random, lo: int, hi: int, n: int, plan: Plan) -> list[int]:
    peak = {"asc": n - 2, "desc": 1}.get(plan.shape, rng.randint(1, max(1, n - 2)))
    top = hi if plan.values in ("max", "extreme", "random") else min(hi, lo + n)
    if top - lo < max(peak, n - 1 - peak):
        raise Infeasible("bitonic values do not fit")
    left = sorted(rng.sample(range(lo, top), peak))
    right = sorted(rng.sample(range(lo, top), n - 1 - peak), reverse=True)
    return left + [top] + right


def _tuples(model: Model, rng: random.Random, name: str, env: dict[str, int], plan: Plan) -> list[list[int]]:
    n, width = env[model.rep(f"len_{name}")], model.width[name]
    props = model.props.get(name, [])
    rels = [r for r in model.relations if r[0].startswith(f"f_{name}_") and r[1] == "!="]
    seen: set[Any] = set()
    rows: list[list[int]] = []
    spans = [_span(model, f"f_{name}_{k}", env) for k in range(width)]
    if not rels and not {"distinct", "distinct_edges"} & set(props) and all(spans):
        # Nothing ties a row's values together: sample them straight (the common, large case).
        pick = [(lambda lo, hi: (lambda: _pick(rng, lo, hi, plan.values)))(*sp) for sp in spans if sp]
        if not any(f"f_{name}_{k}" in model.choices for k in range(width)):
            return [[f() for f in pick] for _ in range(n)]
    values = plan
    while len(rows) < n:
        for _attempt in range(50):
            local = dict(env)
            row = []
            for k in range(width):
                v = _value(model, rng, f"f_{name}_{k}", local, values, spans[k])
                local[f"f_{name}_{k}"] = v
                row.append(v)
            if any(local[a] == local[b] for a, _, b in rels):
                continue
            key = frozenset(row[:2]) if "distinct_edges" in props else tuple(row)
            if ("distinct" in props or "distinct_edges" in props) and key in seen:
                continue
            seen.add(key)
            rows.append(row)
            break
        else:
            if values.values == "random":
                break  # the space of distinct rows is (nearly) used up: stop here
            values = Plan(plan.size, "random", plan.shape)  # min/max values collide: spread them out
    return rows


def _string(model: Model, rng: random.Random, key: str, length: int, plan: Plan) -> str:
    chars = model.alphabet[key]
    if plan.values in ("min", "max"):
        pool = chars[0] if plan.values == "min" else chars[-1]
    elif plan.values in ("narrow", "extreme"):
        pool = "".join(rng.sample(chars, min(len(chars), 2)))
    else:
        pool = chars
    s = [rng.choice(pool) for _ in range(length)]
    for rule in model.words.get(key, []):  # repair: replace offending characters with allowed others
        kind, ch = rule.split(":", 1)
        others = [c for c in chars if c != ch] or [ch]
        for i in range(length):
            if (kind == "edge" and i in (0, length - 1) or kind == "double" and i and s[i - 1] == ch) and s[i] == ch:
                s[i] = rng.choice(others)
    return "".join(s)


def _strings(model: Model, rng: random.Random, name: str, env: dict[str, int], plan: Plan) -> list[str]:
    n = env[model.rep(f"len_{name}")]
    ident = f"el_{name}"
    if ident in model.choices:
        return [_value(model, rng, ident, env, plan, (0, 0)) for _ in range(n)]
    lo, hi = _bounds(model, f"rowlen_{name}", env)
    if name in model.totals:
        hi = min(hi, expr.evaluate(model.totals[name], env) // max(n, 1))
    mode = "max" if plan.size == "max" else "small" if plan.size in ("min", "small") else "random"
    return [_string(model, rng, ident, _pick(rng, lo, hi, mode), plan) for _ in range(n)]


def sample(model: Model, rng: random.Random, plan: Plan) -> dict[str, Any]:
    """One input for ``plan`` (may break a constraint: the caller checks)."""
    env = _sizes(model, rng, plan)
    args: dict[str, Any] = {}
    for name, typ in model.params:
        if typ in ("integer", "long"):
            args[name] = env[model.rep(name)]
        elif typ == "boolean":
            args[name] = rng.random() < 0.5
        elif typ == "character":
            args[name] = rng.choice(model.alphabet[name])
        elif typ == "string":
            args[name] = _string(model, rng, name, env[model.rep(f"len_{name}")], plan)
        elif typ == "string[]":
            args[name] = _strings(model, rng, name, env, plan)
        elif typ in ("integer[]", "long[]"):
            args[name] = _array(model, rng, name, env, plan)
        elif typ in ("integer[][]", "long[][]") and name in model.width:
            args[name] = _tuples(model, rng, name, env, plan)
        elif typ in ("integer[][]", "long[][]"):
            rows, cols = env[model.rep(f"len_{name}")], env[model.rep(f"rowlen_{name}")]
            span = _span(model, f"el_{name}", env)
            args[name] = [[_value(model, rng, f"el_{name}", env, plan, span) for _ in range(cols)] for _ in range(rows)]
        else:
            raise Infeasible(f"{name}: type {typ} is not generated")
    return args


@dataclass
class Generated:
    cases: list[dict[str, Any]]
    dropped: int  # sampled inputs that broke a constraint (or were infeasible) and were not kept
    reasons: list[str]


SCALAR_TYPES = ("integer", "long", "boolean", "character")


def generate(model: Model, rng: random.Random, count: int | None = None) -> Generated:
    """About ``count`` distinct valid inputs as ``{"args": {...}}``: 60 by default, 200 when
    every parameter is a scalar (such inputs are tiny, and a few values are the whole story)."""
    if count is None:
        count = 200 if all(t in SCALAR_TYPES for _, t in model.params) else 60
    cases: list[dict[str, Any]] = []
    seen: set[str] = set()
    dropped, reasons = 0, []
    for plan in plans(rng, count):
        for _attempt in range(4):
            try:
                args = sample(model, rng, plan)
                bad = violations(model, args)
            except (Infeasible, expr.ExprError) as exc:
                bad = [str(exc)]
            if bad:
                dropped += 1
                reasons.append(f"{plan}: {bad[0]}")
                continue
            key = repr(sorted(args.items()))
            if key not in seen:
                seen.add(key)
                cases.append({"args": args})
            break
    return Generated(cases, dropped, reasons[:20])
