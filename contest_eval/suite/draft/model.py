"""The typed constraint model a statement's constraints section becomes.

Every quantity the generator samples has an id:

``P``            scalar parameter ``P``
``len_P``        ``P.length``
``rowlen_P``     ``P[i].length`` (a matrix's row length; each string's length in a ``string[]``)
``el_P``         ``P[i]`` (``P[i][j]`` for a matrix): one element
``f_P_k``        position ``k`` of the tuples ``P[i] = [a_i, b_i, …]``
``at_P_k``       the element ``P[k]`` at a fixed index

Bounds are expression text over these ids (see :mod:`.expr`); ``i`` is the
element's index.  The model is plain data so a drafted ``gen.py`` can embed it
as JSON and rebuild it with :func:`Model.from_json`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

# metaData types the generator can produce values of.
SUPPORTED_TYPES = ("integer", "long", "boolean", "string", "character", "integer[]", "long[]", "integer[][]",
                   "long[][]", "string[]", "character[]")


@dataclass
class Field:
    """Bounds of one id: the value is at least every ``lo`` and at most every ``hi``."""

    lo: list[str] = field(default_factory=list)
    hi: list[str] = field(default_factory=list)
    # "For all 1 <= i < n: …": the bounds hold only for indexes in [where[0], where[1]].
    where: list[str] | None = None


@dataclass
class Model:
    params: list[list[str]]  # [name, metaData type], in signature order
    fields: dict[str, Field] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)  # id -> representative id (same value)
    width: dict[str, int] = field(default_factory=dict)  # 2-D parameter -> tuple width
    alphabet: dict[str, str] = field(default_factory=dict)  # string param / el_P of string[] -> characters
    choices: dict[str, list[Any]] = field(default_factory=dict)  # el_P -> allowed values
    fixed: dict[str, int] = field(default_factory=dict)  # at_P_k -> value
    props: dict[str, list[str]] = field(default_factory=dict)  # param -> properties (see PROPS)
    permutation: dict[str, list[str]] = field(default_factory=dict)  # param -> [first, last] value expressions
    relations: list[list[str]] = field(default_factory=list)  # [id, op, id]: op in < <= !=
    products: list[dict[str, Any]] = field(default_factory=list)  # {"ids": [...], "lo": [...], "hi": [...]}
    totals: dict[str, str] = field(default_factory=dict)  # string[] param -> cap on the summed length
    words: dict[str, list[str]] = field(default_factory=dict)  # id -> ["edge:-", "double:-"]
    parsed: list[str] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.unparsed

    def rep(self, ident: str) -> str:
        seen = set()
        while ident in self.alias and ident not in seen:
            seen.add(ident)
            ident = self.alias[ident]
        return ident

    def field_of(self, ident: str) -> Field:
        return self.fields.setdefault(self.rep(ident), Field())

    def param_type(self, name: str) -> str | None:
        return next((t for n, t in self.params if n == name), None)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Model":
        raw = json.loads(text)
        raw["fields"] = {k: Field(**v) for k, v in raw.get("fields", {}).items()}
        return cls(**raw)


# Properties a parameter can carry.
PROPS = ("sorted", "sorted_desc", "increasing", "decreasing", "distinct", "distinct_edges", "permutation", "tree",
         "bitonic")
