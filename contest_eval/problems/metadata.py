"""LeetCode ``metaData``: the signature of a function or design problem.

LeetCode describes every non-stdin problem with a small JSON document; the judge
generates each language's driver from it.  Parsing it is pure and strict: a
malformed document raises :class:`MetadataError` with a one-line message rather
than producing a driver that fails inside the sandbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Union

SCALARS = ("integer", "long", "double", "boolean", "character", "string")
NODES = ("ListNode", "TreeNode")
BASES = SCALARS + NODES + ("void",)

# Spellings seen in LeetCode metaData and in the datasets people import.
_ALIASES = {
    "int": "integer",
    "Integer": "integer",
    "String": "string",
    "str": "string",
    "char": "character",
    "Character": "character",
    "bool": "boolean",
    "Boolean": "boolean",
    "float": "double",
    "Double": "double",
    "Long": "long",
}

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class MetadataError(ValueError):
    """The metaData document cannot be used to build a driver."""


@dataclass(frozen=True)
class TypeRef:
    """A value type: a base type nested in ``depth`` array levels."""

    base: str
    depth: int = 0

    @property
    def is_void(self) -> bool:
        return self.base == "void" and self.depth == 0

    def element(self) -> "TypeRef":
        if self.depth == 0:
            raise MetadataError(f"{self} is not an array type")
        return TypeRef(self.base, self.depth - 1)

    def __str__(self) -> str:
        return self.base + "[]" * self.depth


@dataclass(frozen=True)
class Param:
    name: str
    type: TypeRef


@dataclass(frozen=True)
class Method:
    name: str
    params: tuple[Param, ...]
    returns: TypeRef


@dataclass(frozen=True)
class FunctionMeta:
    name: str
    params: tuple[Param, ...]
    returns: TypeRef
    # Index of the argument whose value after the call is the answer (in-place problems).
    output_param: int | None = None

    @property
    def result_type(self) -> TypeRef:
        if self.output_param is not None:
            return self.params[self.output_param].type
        return self.returns


@dataclass(frozen=True)
class DesignMeta:
    classname: str
    constructor: tuple[Param, ...]
    methods: tuple[Method, ...]

    def method(self, name: str) -> Method:
        for m in self.methods:
            if m.name == name:
                return m
        raise MetadataError(f"design class {self.classname} has no method {name!r}")


Metadata = Union[FunctionMeta, DesignMeta]


def parse_type(text: str) -> TypeRef:
    """Parse ``integer[][]``, ``list<list<string>>``, ``List<int>``, ``TreeNode`` …"""
    if not isinstance(text, str):
        raise MetadataError(f"type must be a string, got {type(text).__name__}")
    s = text.strip()
    depth = 0
    while True:
        m = re.fullmatch(r"(?i:list)\s*<\s*(.+)\s*>", s)
        if m:
            depth += 1
            s = m.group(1).strip()
            continue
        if s.endswith("[]"):
            depth += 1
            s = s[:-2].strip()
            continue
        break
    base = _ALIASES.get(s, s)
    if base not in BASES:
        raise MetadataError(f"unsupported type {text!r}")
    if base == "void" and depth:
        raise MetadataError(f"unsupported type {text!r}")
    return TypeRef(base, depth)


def _name(value: Any, what: str) -> str:
    if not isinstance(value, str) or not _IDENT.match(value):
        raise MetadataError(f"{what} must be an identifier, got {value!r}")
    return value


def _params(raw: Any, where: str) -> tuple[Param, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise MetadataError(f"{where}.params must be a list")
    out = []
    for i, p in enumerate(raw):
        if not isinstance(p, dict):
            raise MetadataError(f"{where}.params[{i}] must be an object")
        t = parse_type(p.get("type", ""))
        if t.base == "void":
            raise MetadataError(f"{where}.params[{i}] cannot be void")
        out.append(Param(_name(p.get("name"), f"{where}.params[{i}].name"), t))
    if len({p.name for p in out}) != len(out):
        raise MetadataError(f"{where} has duplicate parameter names")
    return tuple(out)


def _returns(raw: Any, where: str) -> TypeRef:
    if raw is None:
        return TypeRef("void")
    if not isinstance(raw, dict):
        raise MetadataError(f"{where}.return must be an object")
    return parse_type(raw.get("type", "void"))


def parse_metadata(raw: Any) -> Metadata:
    """Turn a LeetCode metaData document into a typed signature."""
    if not isinstance(raw, dict):
        raise MetadataError("metadata must be a JSON object")
    if raw.get("systemdesign") or "classname" in raw:
        cls = _name(raw.get("classname"), "classname")
        ctor = raw.get("constructor") or {}
        if not isinstance(ctor, dict):
            raise MetadataError("constructor must be an object")
        methods_raw = raw.get("methods")
        if not isinstance(methods_raw, list) or not methods_raw:
            raise MetadataError("design metadata needs a non-empty methods list")
        methods = []
        for i, m in enumerate(methods_raw):
            if not isinstance(m, dict):
                raise MetadataError(f"methods[{i}] must be an object")
            where = f"methods[{i}]"
            methods.append(Method(_name(m.get("name"), f"{where}.name"), _params(m.get("params"), where), _returns(m.get("return"), where)))
        if len({m.name for m in methods}) != len(methods):
            raise MetadataError("design metadata has duplicate method names")
        return DesignMeta(cls, _params(ctor.get("params"), "constructor"), tuple(methods))
    name = _name(raw.get("name"), "name")
    params = _params(raw.get("params"), "metadata")
    returns = _returns(raw.get("return"), "metadata")
    output_param = None
    output = raw.get("output")
    if isinstance(output, dict) and "paramindex" in output:
        idx = output["paramindex"]
        if not isinstance(idx, int) or isinstance(idx, bool) or not 0 <= idx < len(params):
            raise MetadataError(f"output.paramindex {idx!r} is out of range")
        output_param = idx
    return FunctionMeta(name, params, returns, output_param)
