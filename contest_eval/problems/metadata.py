"""LeetCode ``metaData``: the signature of a function or design problem.

LeetCode describes every non-stdin problem with a small JSON document; the judge
generates each language's driver from it.  Parsing it is pure and strict: a
malformed document raises :class:`MetadataError` with a one-line message rather
than producing a driver that fails inside the sandbox.
"""

from __future__ import annotations

import copy
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
    # Types inferred from reference code rather than LeetCode's own metaData: the
    # drivers then decode and encode by the submission's declared types.
    inferred: bool = False

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
    inferred: bool = False

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
        return DesignMeta(cls, _params(ctor.get("params"), "constructor"), tuple(methods), _inferred(raw))
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
    return FunctionMeta(name, params, returns, output_param, _inferred(raw))


def _inferred(raw: dict[str, Any]) -> bool:
    source = raw.get("source")
    if source is not None and not isinstance(source, str):
        raise MetadataError(f"source must be a string, got {source!r}")
    return is_inferred(raw)


# --------------------------------------------------------------------------- provenance and revisions

# A signature's ``source``: absent or "leetcode" is LeetCode's own metaData;
# otherwise the languages it was inferred from ("python", "python+java+cpp", ...,
# see problems/signature.py).
SOURCE = "source"
LEETCODE_SOURCE = "leetcode"
# Types one language cannot tell apart: Python's int is LeetCode's integer or
# long, str is string or character.  A disagreement inside a family is a
# refinement; across families (or in array depth) it is another signature.
_FAMILY = {"integer": "int", "long": "int", "double": "int", "string": "str", "character": "str"}


def is_inferred(raw: Any) -> bool:
    """True when a metaData document was inferred from code, not LeetCode's own."""
    source = raw.get("source") if isinstance(raw, dict) else None
    return isinstance(source, str) and source != LEETCODE_SOURCE


def _type_family(text: str) -> tuple[str, int]:
    t = parse_type(text)
    return _FAMILY.get(t.base, t.base), t.depth


def _params_disagree(where: str, mine: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> str | None:
    if len(mine) != len(theirs):
        return f"{where} takes {len(mine)} parameters here, {len(theirs)} there"
    for i, (a, b) in enumerate(zip(mine, theirs)):
        if _type_family(a["type"]) != _type_family(b["type"]):
            return f"{where} parameter {i + 1} is {a['type']} here, {b['type']} there"
    return None


def signature_disagreement(stored: Any, other: Any) -> str | None:
    """Why two signatures of one problem are different signatures (a problem
    revised after one source captured it), or None when they agree up to what
    the inferring language cannot express.  Parameter names never count."""
    try:
        a, b = parse_metadata(stored), parse_metadata(other)
    except MetadataError as exc:
        return f"unreadable signature: {exc}"
    if isinstance(a, DesignMeta) != isinstance(b, DesignMeta):
        return "a design class on one side, a function on the other"
    if isinstance(a, FunctionMeta) and isinstance(b, FunctionMeta):
        if a.name != b.name:
            return f"function is {a.name} here, {b.name} there"
        why = _params_disagree(a.name, stored["params"], other["params"])
        if why is None and _type_family(str(a.returns)) != _type_family(str(b.returns)):
            why = f"{a.name} returns {a.returns} here, {b.returns} there"
        return why
    assert isinstance(a, DesignMeta) and isinstance(b, DesignMeta)
    if a.classname != b.classname:
        return f"class is {a.classname} here, {b.classname} there"
    theirs = {m["name"]: m for m in other["methods"]}
    for m in stored["methods"]:
        o = theirs.get(m["name"])
        if o is None:
            return f"method {m['name']} is missing there"
        why = _params_disagree(m["name"], m.get("params") or [], o.get("params") or [])
        if why:
            return why
    return _params_disagree("constructor", (stored.get("constructor") or {}).get("params") or [],
                            (other.get("constructor") or {}).get("params") or [])


# --------------------------------------------------------------------------- merging

def _refine(primary: str, other: str) -> str:
    """Take the other language's base type only where it is a strict refinement."""
    try:
        p, o = parse_type(primary), parse_type(other)
    except MetadataError:
        return primary
    # A depth mismatch (``str`` vs ``char[]``) is a different signature, not a refinement.
    if p.depth == o.depth and (p.base, o.base) in (("integer", "long"), ("string", "character")):
        return str(o)
    return primary


def _refine_params(mine: list[dict[str, str]], theirs: list[dict[str, str]]) -> None:
    if len(mine) == len(theirs):
        for p, q in zip(mine, theirs):
            p["type"] = _refine(p["type"], q["type"])


def _refine_function(doc: dict[str, Any], other: dict[str, Any]) -> None:
    if other.get("name") != doc.get("name") or len(other["params"]) != len(doc["params"]):
        return
    _refine_params(doc["params"], other["params"])
    doc["return"]["type"] = _refine(doc["return"]["type"], other["return"]["type"])


def _refine_design(doc: dict[str, Any], other: dict[str, Any]) -> None:
    if other.get("classname") != doc.get("classname"):
        return
    _refine_params(doc["constructor"]["params"], other["constructor"]["params"])
    theirs = {m["name"]: m for m in other["methods"]}
    for m in doc["methods"]:
        o = theirs.get(m["name"])
        if o is not None and len(o["params"]) == len(m["params"]):
            _refine_params(m["params"], o["params"])
            m["return"]["type"] = _refine(m["return"]["type"], o["return"]["type"])


def merge_metadata(primary: dict[str, Any] | None, *others: dict[str, Any] | None) -> dict[str, Any] | None:
    """Python's names and structure, with Java/C++ refining integer→long and
    string→character where they disagree.  With no primary, the first other
    document stands in for it."""
    rest = [o for o in others if o]
    if not primary:
        if not rest:
            return None
        primary, rest = rest[0], rest[1:]
    doc = copy.deepcopy(primary)
    if doc.get(SOURCE) == LEETCODE_SOURCE:
        return _checked(doc)  # LeetCode's own signature is the truth; nothing refines it
    sources = [s for s in str(doc.get(SOURCE) or "").split("+") if s]
    for other in rest:
        if "classname" in doc and "classname" in other:
            used = other.get("classname") == doc.get("classname")
            _refine_design(doc, other)
        elif "classname" not in doc and "classname" not in other:
            used = other.get("name") == doc.get("name") and len(other["params"]) == len(doc["params"])
            _refine_function(doc, other)
        else:
            used = False
        if used:
            sources += [s for s in str(other.get(SOURCE) or "").split("+") if s and s not in sources]
    if sources:
        doc[SOURCE] = "+".join(sources)
    return _checked(doc)


def _checked(doc: dict[str, Any]) -> dict[str, Any] | None:
    try:
        parse_metadata(doc)
    except MetadataError:
        return None
    return doc
