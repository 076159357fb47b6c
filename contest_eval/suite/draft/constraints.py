"""Statement constraints + metaData types → a :class:`~.model.Model`.

The constraints section is read line by line (``problems.statement.extract_constraints``).
Chains such as ``0 <= l_i <= r_i < nums.length`` give bounds, ``n == nums.length``
gives aliases, ``edges[i] = [u_i, v_i]`` declares tuples, and a small set of
sentences (alphabets, sortedness, permutations, trees, distinctness, total
lengths, "valid word" rules) give properties.  A line that matches none of
these is never guessed at: it is listed in ``unparsed`` with the reason, and a
drafted recipe then falls back to a hand-written generator.
"""

from __future__ import annotations

import re
from typing import Any

from contest_eval.problems.statement import extract_constraints
from contest_eval.suite.draft import expr
from contest_eval.suite.draft.model import SUPPORTED_TYPES, Model
from contest_eval.suite.draft.sentences import parse_sentence

_OPS = re.compile(r"(<=|>=|==|!=|<|>|=)")
_NAME = r"[A-Za-z_][A-Za-z0-9]*"
_REF = re.compile(rf"{_NAME}(?:_[a-z]\b|(?:\[(?:[a-z]|\d+)\])+)?(?:\.length)?")
_DECL = re.compile(rf"^({_NAME})\[[a-z]\]\s*==?\s*\[(.*)\]$")


class StatementError(ValueError):
    """The statement has no constraints section to draft a generator from."""


def _split_top(text: str, sep: str = ",") -> list[str]:
    """Split at ``sep`` outside brackets and parentheses."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in "(["
        depth -= ch in ")]"
        if ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return [p.strip() for p in parts + [cur]]


def _chain(text: str) -> tuple[list[str], list[str]] | None:
    """``a <= b < c`` → (terms, ops), written ascending; None when not a chain."""
    pieces = _OPS.split(text)
    if len(pieces) < 3:
        return None
    terms, ops = [p.strip() for p in pieces[0::2]], pieces[1::2]
    if not all(terms):
        return None
    if any(o in (">", ">=") for o in ops):
        if any(o in ("<", "<=") for o in ops):
            return None
        terms, ops = terms[::-1], [{">": "<", ">=": "<="}.get(o, o) for o in ops[::-1]]
    return terms, ["==" if o == "=" else o for o in ops]


class _Parser:
    def __init__(self, metadata: dict[str, Any]) -> None:
        params = [[str(p["name"]), str(p["type"])] for p in metadata.get("params", [])]
        self.model = Model(params=params)
        self.types = {n: t for n, t in params}
        self.tuples: dict[str, list[str]] = {}  # param -> tuple field names
        self.names: dict[str, str] = {}  # plain alias name (n, m) -> id

    # -- references -----------------------------------------------------

    def ref(self, term: str, index_ok: bool = False) -> str | None:
        """The id a single reference names, or None when the term is not one."""
        t = term.strip()
        if m := re.fullmatch(rf"({_NAME})\.length", t):
            return f"len_{m.group(1)}" if m.group(1) in self.types else None
        if m := re.fullmatch(rf"({_NAME})\[[a-z]\]\.length", t):
            return f"rowlen_{m.group(1)}" if m.group(1) in self.types else None
        if m := re.fullmatch(rf"({_NAME})\[[a-z]\](?:\[[a-z]\])?", t):
            return f"el_{m.group(1)}" if m.group(1) in self.types else None
        if m := re.fullmatch(rf"({_NAME})\[(\d+)\]", t):
            return f"at_{m.group(1)}_{m.group(2)}" if m.group(1) in self.types else None
        if m := re.fullmatch(rf"({_NAME})_([a-z])", t):
            for param, names in self.tuples.items():
                if m.group(1) in names:
                    return f"f_{param}_{names.index(m.group(1))}"
            return None
        if re.fullmatch(_NAME, t):
            if t in self.types:
                return t if self.types[t] in ("integer", "long") else None
            if t in ("i", "j") and index_ok:
                return "i"
            return self.names.get(t, f"name_{t}")
        return None

    def expression(self, term: str) -> str:
        """Statement bound → expression over ids; raises ExprError when it is not one."""
        def sub(m: re.Match[str]) -> str:
            ident = self.ref(m.group(0), index_ok=True)
            if ident is None:
                raise expr.ExprError(f"{m.group(0)!r} is not a size or parameter")
            if ident.startswith("name_"):
                raise expr.ExprError(f"{m.group(0)!r} is never defined")
            return self.model.rep(ident)
        text = expr.normalise(term)
        out = re.sub(r"(?<![\w.])(?!min\b|max\b)" + _REF.pattern, sub, text)
        expr.parse(out)
        return out

    def subjects(self, term: str, index_ok: bool) -> list[str] | None:
        ids = [self.ref(p, index_ok) for p in _split_top(term)]
        return None if any(i is None or i == "i" for i in ids) else ids  # type: ignore[misc]

    # -- passes -----------------------------------------------------------

    def declare(self, lines: list[str]) -> None:
        """Tuples and aliases first: later lines use ``u_i`` and ``n``."""
        for line in lines:
            if m := _DECL.match(line):
                names = [re.fullmatch(rf"({_NAME})_[a-z]", x.strip()) for x in _split_top(m.group(2))]
                if m.group(1) in self.types and all(names):
                    self.tuples[m.group(1)] = [n.group(1) for n in names if n]
                    self.model.width[m.group(1)] = len(names)
        for line in lines:
            chain = _chain(line)
            if not chain or _DECL.match(line):
                continue
            terms, ops = chain
            for a, op, b in zip(terms, ops, terms[1:]):
                if op == "==":
                    self.union(a, b)

    def union(self, a: str, b: str) -> None:
        ra, rb = self.ref(a), self.ref(b)
        if ra is None or rb is None:
            return
        for plain, other in ((a.strip(), rb), (b.strip(), ra)):
            if f"name_{plain}" in (ra, rb) and not other.startswith("name_"):
                self.names[plain] = other
        ra, rb = self.model.rep(self.ref(a) or ra), self.model.rep(self.ref(b) or rb)
        if ra == rb or ra.startswith("name_") or rb.startswith("name_"):
            return

        def rank(ident: str) -> int:  # the representative: a parameter, then a length
            return 0 if not ident.startswith(("len_", "rowlen_", "el_", "f_", "at_")) else 1 if ident.startswith("len_") else 2
        keep, drop = sorted((ra, rb), key=rank)
        self.model.alias[drop] = keep

    def line(self, line: str, where: list[str] | None = None) -> str | None:
        """Apply one line; returns why it was not understood, or None."""
        if m := re.match(r"^For all (.+?):\s*-?\s*(.+)$", line):
            chain = _chain(m.group(1))
            if not chain or len(chain[0]) != 3 or self.ref(chain[0][1], True) != "i":
                return "unrecognised 'For all' range"
            try:
                lo = self.expression(chain[0][0]) + (" + 1" if chain[1][0] == "<" else "")
                hi = self.expression(chain[0][2]) + (" - 1" if chain[1][1] == "<" else "")
            except expr.ExprError as exc:
                return str(exc)
            for inner in m.group(2).split(" - "):
                why = self.line(inner.strip(), [lo, hi])
                if why:
                    return why
            return None
        if decl := _DECL.match(line):
            return None if decl.group(1) in self.tuples else "tuple with constant positions"
        chain = _chain(line)
        if chain is None:
            return parse_sentence(self, line)
        return self.chain(*chain, where=where)

    def chain(self, terms: list[str], ops: list[str], where: list[str] | None) -> str | None:
        if "!=" in ops:
            ids = [self.ref(t) for t in terms]
            if len(terms) != 2 or None in ids:
                return "'!=' between things that are not two values"
            self.model.relations.append([ids[0], "!=", ids[1]])  # type: ignore[list-item]
            return None
        # Merge terms joined by == into one position (they were unioned by declare()).
        positions: list[list[str]] = [[terms[0]]]
        strict: list[bool] = []
        for op, term in zip(ops, terms[1:]):
            if op == "==":
                positions[-1].append(term)
            else:
                positions.append([term])
                strict.append(op == "<")
        if len(positions) == 1:
            return self.equality(positions[0])
        if len(positions) == 2:
            return self.pair(positions[0], positions[1], strict[0], where)
        return self.bounded(positions, strict, where)

    def equality(self, terms: list[str]) -> str | None:
        ids = [self.ref(t) for t in terms]
        consts = [t for t, i in zip(terms, ids) if i is None]
        refs = [i for i in ids if i is not None]
        if any(i.startswith("name_") for i in refs):
            return "a name that is never defined"
        if not consts:
            return None  # pure aliases: done in declare()
        try:
            value = expr.evaluate(expr.normalise(consts[0]), {})
        except expr.ExprError:
            return f"{consts[0]!r} is not a constant"
        for ident in refs:
            if ident.startswith("at_"):
                self.model.fixed[ident] = value
            else:
                f = self.model.field_of(ident)
                f.lo.append(str(value))
                f.hi.append(str(value))
        return None

    def pair(self, left: list[str], right: list[str], strict: bool, where: list[str] | None) -> str | None:
        """``a < b`` (two positions): a relation between two values, or a one-sided bound."""
        a, b = self.subjects(left[0], False), self.subjects(right[0], False)
        if a and b and len(a) == len(b) == 1:
            self.model.relations.append([a[0], "<" if strict else "<=", b[0]])
            return None
        return "one-sided bound"

    def bounded(self, positions: list[list[str]], strict: list[bool], where: list[str] | None) -> str | None:
        last = len(positions) - 1
        subjects: list[list[str]] = []
        for pos in positions[1:last]:
            ids = self.subjects(pos[0], where is not None)
            if ids is None:
                return f"{pos[0]!r} is not a size, value or element"
            subjects.append([self.model.rep(i) for i in ids])
        try:
            low, high = self.expression(positions[0][0]), self.expression(positions[last][0])
        except expr.ExprError as exc:
            return str(exc)
        for j, ids in enumerate(subjects, start=1):
            for ident in ids:
                if ident.startswith("name_"):
                    return f"{ident[5:]!r} is never defined"
                f = self.model.field_of(ident)
                if f.where is not None and where != f.where or (where is not None and f.where is None and (f.lo or f.hi)):
                    return f"{ident}: bounds for only some indexes mixed with bounds for all"
                f.where = where if where is not None else f.where
                lo_strict = sum(strict[:j])
                f.lo.append(f"({low}) + {lo_strict}" if lo_strict else low)
                for k in range(1, j):  # earlier subjects in the chain bound this one from below
                    gap = sum(strict[k:j])
                    if len(subjects[k - 1]) == 1:
                        f.lo.append(f"{subjects[k - 1][0]} + {gap}" if gap else subjects[k - 1][0])
                        self.model.relations.append([subjects[k - 1][0], "<" if gap else "<=", ident])
                hi_strict = sum(strict[j:])
                f.hi.append(f"({high}) - {hi_strict}" if hi_strict else high)
        return None

    def product(self, line: str) -> bool:
        """``4 <= m * n <= 5 * 10^5``: a bound on a product of sizes."""
        chain = _chain(line)
        if not chain or len(chain[0]) != 3 or "==" in chain[1]:
            return False
        factors = [self.ref(x) for x in chain[0][1].split("*")]
        if len(factors) < 2 or None in factors or any(f.startswith("name_") for f in factors):  # type: ignore[union-attr]
            return False
        try:
            lo = self.expression(chain[0][0]) + (" + 1" if chain[1][0] == "<" else "")
            hi = self.expression(chain[0][2]) + (" - 1" if chain[1][1] == "<" else "")
        except expr.ExprError:
            return False
        self.model.products.append({"ids": [self.model.rep(f) for f in factors if f], "lo": [lo], "hi": [hi]})
        return True


def parse_constraints(statement_html: str, metadata: dict[str, Any]) -> Model:
    """The model of a function problem's constraints; raises StatementError when
    the statement has no constraints section at all."""
    lines = extract_constraints(statement_html)
    if not lines:
        raise StatementError("the statement has no Constraints section")
    p = _Parser(metadata)
    bad_types = [f"{n}: type {t} is not generated" for n, t in p.model.params if t not in SUPPORTED_TYPES]
    p.declare(lines)
    for line in lines:
        why = None if p.product(line) else p.line(line)
        (p.model.unparsed.append(f"{line} — {why}") if why else p.model.parsed.append(line))
    p.model.unparsed += bad_types + coverage(p.model)
    return p.model


def coverage(model: Model) -> list[str]:
    """Parameters the parsed lines leave without the bounds a generator needs."""
    missing = []

    def bounded(ident: str) -> bool:
        f = model.fields.get(model.rep(ident))
        return f is not None and bool(f.lo) and bool(f.hi)

    for name, typ in model.params:
        if typ in ("integer", "long") and not bounded(name):
            missing.append(f"{name}: no range")
        if typ.endswith("[]") or typ == "string":
            if not bounded(f"len_{name}"):
                missing.append(f"{name}: no bound on its length")
        if typ in ("integer[]", "long[]") and not (bounded(f"el_{name}") or f"el_{name}" in model.choices
                                                     or name in model.permutation):
            missing.append(f"{name}: no range for its elements")
        if typ in ("integer[][]", "long[][]"):
            if name in model.width:
                missing += [f"{name}: no range for position {k} of its tuples" for k in range(model.width[name])
                            if not bounded(f"f_{name}_{k}")]
            elif not (bounded(f"rowlen_{name}") and bounded(f"el_{name}")):
                missing.append(f"{name}: no row length or element range")
        if typ == "string" and name not in model.alphabet:
            missing.append(f"{name}: no alphabet")
        if typ == "string[]":
            if f"el_{name}" not in model.choices and not (bounded(f"rowlen_{name}") and f"el_{name}" in model.alphabet):
                missing.append(f"{name}: no length or alphabet for its strings")
        if typ in ("character", "character[]") and name not in model.alphabet:
            missing.append(f"{name}: no alphabet")
    return missing
