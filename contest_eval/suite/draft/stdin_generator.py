"""stdin inputs from an input-format model: small, random, boundary, maximum-size.

A *plan* picks sizes (``min``, ``small``, ``random``, ``max``, and ``many``:
as many test cases as the count and the per-input sums allow, each small)
and values (``random``, ``narrow``, ``min``, ``max``, ``extreme``).  Sums over
test cases are honoured while sampling: each case's sizes are capped by what
the remaining cases still need.  Every text is re-read by
:func:`.stdin_validity.violations` and dropped (counted) when it breaks the
model; an input too large to be a sane test is retried with halved sizes.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from typing import Any

from contest_eval.suite.draft import expr
from contest_eval.suite.draft.stdin_model import Line, StdinModel
from contest_eval.suite.draft.stdin_validity import violations

MAX_INPUT_CHARS = 6_000_000  # one test's stdin
MAX_TOTAL_CHARS = 40_000_000  # all generated tests of a problem together
MAX_TESTS_CASES = 10_000  # test cases packed into one "many" input
MEDIUM = 5_000  # the largest size a "random" plan picks


class Infeasible(ValueError):
    """The bounds leave no value for this plan."""


@dataclass(frozen=True)
class Plan:
    size: str
    values: str
    shape: str = "random"  # random, asc, desc, path, star, binary
    scale: int = 0  # halvings of the maximum sizes (an input that came out too large)


def plans(rng: random.Random, count: int, multi: bool) -> list[Plan]:
    out = [Plan("min", "min"), Plan("min", "max"), Plan("min", "extreme"), Plan("small", "min"), Plan("small", "max"),
           Plan("small", "extreme")]
    out += [Plan("small", rng.choice(("random", "narrow", "narrow", "extreme")),
                 rng.choice(("random", "random", "asc", "desc", "path", "star", "binary"))) for _ in range(count - 18)]
    out += [Plan("random", rng.choice(("random", "narrow")), rng.choice(("random", "asc", "desc", "path"))) for _ in range(6)]
    out += [Plan("max", "random", rng.choice(("random", "path"))), Plan("max", "max", "star"),
            Plan("max", "narrow", rng.choice(("asc", "binary"))), Plan("max", "extreme", "desc")]
    if multi:
        out += [Plan("many", "random"), Plan("many", "extreme", "path")]
    return out


def _pick(rng: random.Random, lo: int, hi: int, mode: str) -> int:
    if lo > hi:
        raise Infeasible(f"empty range [{lo}, {hi}]")
    if mode == "min":
        return lo
    if mode == "max":
        return hi
    if mode in ("small", "many"):
        return rng.randint(lo, min(hi, lo + rng.choice((1, 3, 6, 10))))
    if mode == "extreme":
        return rng.choice((lo, hi, min(lo + 1, hi), max(hi - 1, lo)))
    if mode == "narrow":
        return rng.randint(lo, min(hi, lo + rng.choice((1, 2, 4))))
    if mode == "uniform":
        return rng.randint(lo, hi)
    span = hi - lo  # "random": log-uniform, so every order of magnitude shows up
    return lo + min(span, int(math.exp(rng.uniform(0, math.log(span + 1)))) - 1 + rng.randint(0, 1)) if span else lo


class _Sampler:
    def __init__(self, model: StdinModel, rng: random.Random, plan: Plan) -> None:
        self.model, self.rng, self.plan = model, rng, plan
        self.sizes = {n for ln in model.lines for e in (ln.count, ln.width) if e for n in expr.names(e)}
        self.sizes |= {i for s in model.sums + model.products for i in s["ids"]} | {f"len_{ln.names[0]}" for ln in model.lines}
        for ln in model.lines:  # a graph's vertex count is a size too (n in 1 <= u_i, v_i <= n)
            if ln.kind == "rows" and {"tree", "connected", "simple", "distinct_edges"} & set(model.props.get(ln.names[0], [])):
                b = model.bounds.get(ln.names[0])
                self.sizes |= {n for e in (b.hi if b else []) for n in expr.names(e)}
        self.left = [expr.evaluate(s["cap"], {}) for s in model.sums]
        self.cells = 0

    def bounds(self, name: str, env: dict[str, int]) -> tuple[int, int]:
        b = self.model.bounds.get(name)
        if b is None or not b.lo or not b.hi:
            raise Infeasible(f"{name} has no bounds")
        return max(expr.evaluate(e, env) for e in b.lo), min(expr.evaluate(e, env) for e in b.hi)

    def scalars(self, names: list[str], env: dict[str, int], cases_left: int) -> None:
        todo = [n for n in names if n not in env]  # the test-case count is picked before the head line
        while todo:
            ready = [n for n in todo if all(d in env for e in self._exprs(n) for d in expr.names(e))]
            if not ready:
                raise Infeasible(f"circular bounds among {todo}")
            name = ready[0]
            todo.remove(name)
            lo, hi = self.bounds(name, env)
            for k, s in enumerate(self.model.sums):
                if name in s["ids"]:
                    others = math.prod(env[i] if i in env else self.least(i, env) for i in s["ids"] if i != name) or 1
                    least = math.prod(self.least(i, env) for i in s["ids"])
                    room = self.left[k] - least * cases_left
                    hi = min(hi, room // others)
                    if self.plan.size == "max" and cases_left:
                        hi = min(hi, max(lo, self.left[k] // (cases_left + 1) // others))
            for prod in self.model.products:  # 1 <= n*m <= 2*10^5: the later factor takes what is left
                if name in prod["ids"]:
                    rest = math.prod(env[i] if i in env else self.least(i, env) for i in prod["ids"] if i != name) or 1
                    hi = min(hi, expr.evaluate(prod["hi"], env) // rest)
                    if all(i in env for i in prod["ids"] if i != name):
                        lo = max(lo, -(-expr.evaluate(prod["lo"], env) // rest))
            if name in self.sizes:
                mode = self.plan.size
                if mode == "random":  # medium sizes: the maximum-size plans cover the top of the range
                    hi = max(lo, min(hi, lo + MEDIUM))
                first = [p for p in self.model.products if name in p["ids"] and any(i not in env for i in p["ids"] if i != name)]
                if mode == "max" and first and self.rng.random() < 0.5:
                    mode = "random"  # n*m at its cap: sometimes tall and thin, sometimes near square
                if self.plan.scale and mode in ("max", "random"):
                    hi = max(lo, lo + ((hi - lo) >> self.plan.scale))
            else:
                mode = self.plan.values if self.plan.values != "narrow" else "random"
            env[name] = _pick(self.rng, lo, hi, mode)

    def least(self, name: str, env: dict[str, int]) -> int:
        """The smallest value ``name`` can take here (1 when its lower bound is not known yet)."""
        try:
            return max(self.bounds(name, env)[0], 1)
        except (Infeasible, expr.ExprError):
            return 1

    def _exprs(self, name: str) -> list[str]:
        b = self.model.bounds.get(name)
        return (b.lo + b.hi) if b else []

    def values(self, name: str, env: dict[str, int], n: int) -> list[int]:
        lo, hi = self.bounds(name, env)
        mode = self.plan.values
        rand = self.rng.random
        if mode in ("narrow", "random"):  # uniform over the range, or over a few values near a random base
            base = _pick(self.rng, lo, hi, "random") if mode == "narrow" else lo
            span = (min(hi, base + 2) if mode == "narrow" else hi) - base + 1
            if lo > hi:
                raise Infeasible(f"empty range [{lo}, {hi}]")
            if span > 1 << 50:  # beyond a float's precision: exact integers
                return [base + self.rng.randrange(span) for _ in range(n)]
            return [base + int(rand() * span) for _ in range(n)]
        return [_pick(self.rng, lo, hi, mode) for _ in range(n)]

    def array(self, ln: Line, env: dict[str, int]) -> list[int]:
        name, n = ln.names[0], expr.evaluate(ln.count or "0", env)
        props = self.model.props.get(name, [])
        self.grow(n)
        if "permutation" in props:
            out = list(range(1, n + 1))
            if self.plan.shape not in ("asc", "desc"):
                self.rng.shuffle(out)
            return out[::-1] if self.plan.shape == "desc" else out
        if "distinct" in props:
            lo, hi = self.bounds(name, env)
            if hi - lo + 1 < n:
                raise Infeasible(f"{n} distinct values do not fit in [{lo}, {hi}]")
            top = lo + n - 1 if self.plan.values in ("min", "narrow") else hi
            out = self.rng.sample(range(lo, top + 1), n)
        else:
            out = self.values(name, env, n)
        if "sorted" in props or (self.plan.shape == "asc" and not props):
            out.sort()
        elif "sorted_desc" in props or (self.plan.shape == "desc" and not props):
            out.sort(reverse=True)
        return out

    def grow(self, cells: int) -> None:
        self.cells += cells
        if self.cells > MAX_INPUT_CHARS // 2:
            raise OverflowError("input too large")

    def rows(self, ln: Line, env: dict[str, int]) -> list[list[int]]:
        count = expr.evaluate(ln.count or "0", env)
        self.grow(count * len(ln.names))
        name, props = ln.names[0], self.model.props.get(ln.names[0], [])
        if {"tree", "connected", "simple", "distinct_edges"} & set(props) and len(ln.names) >= 2:
            pairs = self.graph(ln, env, count, props)
        else:
            pairs = None
        rels = [(ln.names.index(a), op, ln.names.index(b)) for a, op, b in self.model.relations
                if a in ln.names and b in ln.names]
        fields = set(ln.names)
        columns: list[list[int] | None] = []
        for j, f in enumerate(ln.names):
            b = self.model.bounds.get(f)
            free = b is not None and not {n for e in b.lo + b.hi for n in expr.names(e)} & fields
            columns.append([p[j] for p in pairs] if pairs is not None and j < 2 else self.values(f, env, count) if free else None)
        if None not in columns and (not rels or pairs is not None and all(ia < 2 and ib < 2 for ia, _, ib in rels)):
            # Nothing ties a row's values together, or the graph sampler already honoured it: the large, common case.
            return [list(r) for r in zip(*columns)]  # type: ignore[call-overload]

        def fix(row: list[int]) -> bool:
            for ia, op, ib in rels:
                if op in ("<", "<=") and row[ia] > row[ib]:
                    row[ia], row[ib] = row[ib], row[ia]
            return all(row[ia] < row[ib] if op == "<" else row[ia] <= row[ib] if op == "<=" else row[ia] != row[ib]
                       for ia, op, ib in rels)

        out: list[list[int]] = []
        for k in range(count):
            row = [col[k] for col in columns] if None not in columns else None  # type: ignore[index]
            if row is not None and fix(row):
                out.append(row)
                continue
            for _attempt in range(100):
                local = dict(env)
                row = []
                for j, f in enumerate(ln.names):
                    col = columns[j]
                    v = col[k] if col is not None and pairs is not None and j < 2 else self.values(f, local, 1)[0]
                    local[f] = v
                    row.append(v)
                if fix(row):
                    out.append(row)
                    break
            else:
                raise Infeasible(f"{name}: no row satisfies {self.model.relations}")
        return out

    def graph(self, ln: Line, env: dict[str, int], m: int, props: list[str]) -> list[tuple[int, int]]:
        lo, hi = self.bounds(ln.names[0], env)
        n = hi - lo + 1
        if "tree" in props and m != n - 1:
            raise Infeasible(f"a tree on {n} vertices has {n - 1} edges, not {m}")
        if m < n - 1 and "connected" in props or ("simple" in props or "distinct_edges" in props) and m > n * (n - 1) // 2:
            raise Infeasible(f"{m} edges on {n} vertices")
        shape, rand = self.plan.shape, self.rng.random
        pair_rels = {r[1] for r in self.model.relations if r[0] in ln.names[:2] and r[2] in ln.names[:2]}
        edges: list[tuple[int, int]] = []
        if "tree" in props or "connected" in props:
            for i in range(1, n):
                p = {"path": i - 1, "star": 0, "binary": (i - 1) // 2}.get(shape, int(rand() * i))
                edges.append((p, i))
        seen = {a * n + b if a < b else b * n + a for a, b in edges}  # unordered pairs as one int
        loops = "simple" not in props and not ({"tree", "connected"} & set(props) and "distinct_edges" in props)
        unique = bool({"simple", "distinct_edges"} & set(props))
        if unique and n * (n - 1) // 2 <= 4 * m:  # dense: pick from the pairs left, not by rejection
            left = [(a, b) for a in range(n) for b in range(a + 1, n) if a * n + b not in seen]
            edges += self.rng.sample(left, m - len(edges))
        while len(edges) < m:
            a, b = self.rng.randrange(n), self.rng.randrange(n)
            if a == b and (not loops or pair_rels & {"!=", "<"}):
                continue
            key = a * n + b if a < b else b * n + a
            if ({"simple", "distinct_edges"} & set(props)) and key in seen:
                continue
            seen.add(key)
            edges.append((a, b))
        label = list(range(n))
        if shape not in ("asc",):
            self.rng.shuffle(label)
        self.rng.shuffle(edges)
        ends = [(lo + label[a], lo + label[b]) for a, b in edges]
        if pair_rels & {"<", "<="}:  # u_i < v_i: each edge written smaller end first
            return [(a, b) if a <= b else (b, a) for a, b in ends]
        return [(a, b) if rand() < 0.5 else (b, a) for a, b in ends]

    def text(self, ln: Line, env: dict[str, int], name_len: int | None = None) -> str:
        chars = self.model.alphabet[ln.names[0]]
        n = name_len if name_len is not None else env[f"len_{ln.names[0]}"]
        self.grow(n)
        mode = self.plan.values
        pool = chars[0] if mode == "min" else chars[-1] if mode == "max" else \
            "".join(self.rng.sample(chars, min(2, len(chars)))) if mode in ("narrow", "extreme") else chars
        if len(pool) == 2 and mode == "random":
            p = self.rng.random()
            return "".join(pool[self.rng.random() < p] for _ in range(n))
        return "".join(self.rng.choice(pool) for _ in range(n))

    def words(self, ln: Line, env: dict[str, int]) -> list[str]:
        name, count = ln.names[0], expr.evaluate(ln.count or "0", env)
        lo, hi = self.bounds(f"len_{name}", env)
        distinct = "distinct" in self.model.props.get(name, [])
        out: list[str] = []
        seen: set[str] = set()
        for _ in range(count):
            for _attempt in range(50):
                word = self.text(ln, env, _pick(self.rng, lo, hi, self.plan.size))
                if not distinct or word not in seen:
                    break
                if self.plan.values in ("min", "max", "narrow", "extreme"):  # few strings of this kind: widen the pool
                    self.plan = replace(self.plan, values="random")
            else:
                raise Infeasible(f"{count} distinct strings of {name} are hard to find")
            seen.add(word)
            out.append(word)
        return out

    def case(self, lines: list[Line], env: dict[str, int], cases_left: int) -> list[str]:
        self.scalars(self.model.scalars_of(lines), env, cases_left)
        out: list[str] = []
        for ln in lines:
            name = ln.names[0]
            if ln.kind == "ints":
                out.append(" ".join(str(env[n]) for n in ln.names))
            elif ln.kind == "string":
                out.append(self.text(ln, env))
            elif ln.kind == "array":
                out.append(" ".join(map(str, self.array(ln, env))))
            elif ln.kind == "rows":
                out += [" ".join(map(str, r)) for r in self.rows(ln, env)]
            elif ln.kind == "matrix":
                rows, width = expr.evaluate(ln.count or "0", env), expr.evaluate(ln.width or "0", env)
                self.grow(rows * width)
                out += [" ".join(map(str, self.values(name, env, width))) for _ in range(rows)]
            elif ln.kind == "grid":
                rows, width = expr.evaluate(ln.count or "0", env), expr.evaluate(ln.width or "0", env)
                out += [self.text(ln, env, width) for _ in range(rows)]
            else:
                out += self.words(ln, env)
        for k, s in enumerate(self.model.sums):
            self.left[k] -= math.prod(env.get(i, 0) for i in s["ids"])
        return out


def sample(model: StdinModel, rng: random.Random, plan: Plan) -> str:
    """One input text for ``plan`` (may break a constraint: the caller checks)."""
    s = _Sampler(model, rng, plan)
    head = [ln for ln in model.lines if ln.scope == "head"]
    env: dict[str, int] = {}
    if model.cases:
        lo, hi = s.bounds(model.cases, env)
        hi = min(hi, MAX_TESTS_CASES)
        for k, cap in enumerate(s.left):  # every case needs at least its minimum sizes
            hi = min(hi, cap // max(math.prod(s.least(i, {}) for i in model.sums[k]["ids"]), 1))
        mode = {"many": "max", "max": "min", "random": "small"}.get(plan.size, plan.size)
        env[model.cases] = _pick(rng, lo, hi, mode) if plan.size != "max" else _pick(rng, lo, min(hi, lo + rng.choice((0, 0, 1, 2))), "uniform")
    out = s.case(head, env, 0)
    if model.cases:
        lines = [ln for ln in model.lines if ln.scope == "case"]
        t = env[model.cases]
        for i in range(t):
            out += s.case(lines, dict(env), t - i - 1)
    return "\n".join(out) + "\n"


@dataclass
class Generated:
    cases: list[dict[str, Any]]
    dropped: int
    reasons: list[str]


def generate(model: StdinModel, rng: random.Random, count: int | None = None) -> Generated:
    """About ``count`` distinct valid inputs as ``{"stdin": text}`` (40 by default; 150 when
    every line is a few scalars, whose inputs are tiny)."""
    if count is None:
        count = 150 if all(ln.kind in ("ints",) for ln in model.lines) and not model.cases else 40
    cases: list[dict[str, Any]] = []
    seen: set[str] = set()
    dropped, reasons, total = 0, [], 0
    for plan in plans(rng, count, model.cases is not None):
        for _attempt in range(6):
            try:
                text = sample(model, rng, plan)
                bad = violations(model, text) if len(text) <= MAX_INPUT_CHARS else ["too large"]
            except OverflowError:
                bad = ["too large"]
            except (Infeasible, expr.ExprError, KeyError, ValueError) as exc:
                bad = [f"{type(exc).__name__}: {exc}"]
            if bad == ["too large"]:
                plan = replace(plan, scale=plan.scale + 1)
                continue
            if bad:
                dropped += 1
                reasons.append(f"{plan}: {bad[0]}")
                continue
            if text not in seen and total + len(text) <= MAX_TOTAL_CHARS:
                seen.add(text)
                total += len(text)
                cases.append({"stdin": text})
            break
    return Generated(cases, dropped, reasons[:20])
