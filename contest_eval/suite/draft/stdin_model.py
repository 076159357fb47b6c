"""The input-format model a stdin problem's Input section becomes.

A stdin input is a sequence of *lines* (:class:`Line`), optionally preceded by
a test-case count and then repeated once per test case.  Every quantity has a
name the statement uses: scalars (``n``, ``k``), the length of a string
(``len_s``), an array's element (``a``: the bounds of every ``a_i``), a row
field (``u`` of ``u_i v_i`` rows).  Bounds are expression text over scalar
names (see :mod:`.expr`).  The model is plain data so a drafted ``gen.py``
embeds it as JSON and rebuilds it with :meth:`StdinModel.from_json`.

Line kinds:

``ints``    one line of scalars, ``names`` in order (``n k``)
``array``   one line of ``count`` integers, all named ``names[0]`` (``a_1 … a_n``)
``string``  one line holding the string ``names[0]``; its length is ``len_<name>``
``rows``    ``count`` lines of integers, fields ``names`` (``u_i v_i``)
``grid``    ``count`` lines of ``width`` characters from ``alphabet[names[0]]``
``words``   ``count`` lines, one string each (length bounds ``len_<name>``)
``matrix``  ``count`` lines of ``width`` integers, all named ``names[0]`` (``a_{i,1} … a_{i,m}``)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

LINE_KINDS = ("ints", "array", "string", "rows", "grid", "words", "matrix")
# Properties a line can carry (``props`` is keyed by the line's first name).
PROPS = ("permutation", "distinct", "sorted", "sorted_desc", "tree", "connected", "simple", "distinct_edges")


@dataclass
class Bound:
    lo: list[str] = field(default_factory=list)
    hi: list[str] = field(default_factory=list)


@dataclass
class Line:
    kind: str
    names: list[str]
    count: str | None = None  # array length, or number of lines
    width: str | None = None  # grid row length
    scope: str = "case"  # "head": read once, before the test cases; "case": once per test case


@dataclass
class StdinModel:
    lines: list[Line] = field(default_factory=list)
    cases: str | None = None  # the scalar that counts the test cases (a head line declares it)
    bounds: dict[str, Bound] = field(default_factory=dict)  # scalar / len_<string> / element / field -> bounds
    alphabet: dict[str, str] = field(default_factory=dict)  # string, words or grid name -> characters
    props: dict[str, list[str]] = field(default_factory=dict)  # line key (first name) -> PROPS
    relations: list[list[str]] = field(default_factory=list)  # [field, op, field] within a row: op in < <= !=
    sums: list[dict[str, Any]] = field(default_factory=list)  # {"ids": [...], "cap": expr}: sum over test cases
    products: list[dict[str, Any]] = field(default_factory=list)  # {"ids": [...], "lo": expr, "hi": expr}: one input's n*m
    parsed: list[str] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.unparsed and bool(self.lines)

    def bound(self, name: str) -> Bound:
        return self.bounds.setdefault(name, Bound())

    def line_of(self, name: str) -> Line | None:
        return next((ln for ln in self.lines if name in ln.names), None)

    def scalars(self, scope: str | None = None) -> list[str]:
        """Integers read on ``ints`` lines, and string lengths (which the sampler picks like scalars)."""
        return self.scalars_of([ln for ln in self.lines if scope is None or ln.scope == scope])

    @staticmethod
    def scalars_of(lines: list[Line]) -> list[str]:
        out: list[str] = []
        for ln in lines:
            if ln.kind == "ints":
                out += ln.names
            elif ln.kind == "string":
                out.append(f"len_{ln.names[0]}")
        return out

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "StdinModel":
        raw = json.loads(text)
        raw["lines"] = [Line(**ln) for ln in raw.get("lines", [])]
        raw["bounds"] = {k: Bound(**v) for k, v in raw.get("bounds", {}).items()}
        return cls(**raw)
