"""Signatures declared by Java, C++ and Go reference solutions.

These languages spell out what Python's type hints cannot: ``int`` vs 64-bit
``long`` and ``str`` vs a single ``char``.  The declarations are read with
regular expressions over comment-free text, never compiled; every function
returns ``None`` rather than guess, and every document returned passes
``parse_metadata`` and names its ``source``.
"""

from __future__ import annotations

import re
from typing import Any

from .metadata import SOURCE, MetadataError, parse_metadata


def _tagged(doc: dict[str, Any], source: str) -> dict[str, Any]:
    """Record where an inferred signature came from (``source``): the judge is
    lenient with inferred types and exactly as strict as LeetCode with its own."""
    doc[SOURCE] = source
    return doc


def _validated(doc: dict[str, Any]) -> dict[str, Any] | None:
    try:
        parse_metadata(doc)
    except MetadataError:
        return None
    return doc


# --------------------------------------------------------------------------- Java / C++

_JAVA_BASE = {"int": "integer", "Integer": "integer", "long": "long", "Long": "long",
              "double": "double", "Double": "double", "float": "double", "Float": "double",
              "boolean": "boolean", "Boolean": "boolean", "char": "character", "Character": "character",
              "String": "string", "TreeNode": "TreeNode", "ListNode": "ListNode", "void": "void"}
_CPP_BASE = {"int": "integer", "long": "long", "long long": "long", "long long int": "long",
             "int64_t": "long", "double": "double", "float": "double", "bool": "boolean",
             "char": "character", "string": "string", "TreeNode": "TreeNode", "ListNode": "ListNode",
             "void": "void"}


def _java_type(text: str) -> str | None:
    s = re.sub(r"\bfinal\s+", "", text).strip()
    m = re.fullmatch(r"(?:List|ArrayList|LinkedList|Collection)\s*<\s*(.+)\s*>", s)
    if m:
        inner = _java_type(m.group(1))
        return inner + "[]" if inner and inner != "void" else None
    if s.endswith("[]"):
        inner = _java_type(s[:-2])
        return inner + "[]" if inner and inner != "void" else None
    return _JAVA_BASE.get(s)


def _cpp_type(text: str) -> str | None:
    s = re.sub(r"\b(const|unsigned|signed)\b|[&*]", " ", text)
    s = " ".join(s.split()).replace("std::", "")
    m = re.fullmatch(r"vector\s*<\s*(.+?)\s*>", s)
    if m:
        inner = _cpp_type(m.group(1))
        return inner + "[]" if inner and inner != "void" else None
    return _CPP_BASE.get(s)


def _split_args(text: str) -> list[str]:
    """Split on top-level commas (not inside ``<…>``)."""
    parts, depth, cur = [], 0, []
    for c in text:
        depth += (c == "<") - (c == ">")
        if c == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    if "".join(cur).strip():
        parts.append("".join(cur))
    return parts


def _signature(ret: str, name: str, args: str, convert) -> dict[str, Any] | None:
    rtype = convert(ret)
    if rtype is None:
        return None
    params = []
    for a in _split_args(args):
        m = re.fullmatch(r"\s*(.+?)[\s&*]*\b([A-Za-z_]\w*)\s*", a.strip())
        if not m:
            return None
        t = convert(a.strip()[: a.strip().rfind(m.group(2))])
        if t is None or t == "void":
            return None
        params.append({"name": m.group(2), "type": t})
    return _validated({"name": name, "params": params, "return": {"type": rtype}})


_JAVA_SIG = re.compile(r"public\s+(?:static\s+)?(?:final\s+)?([\w<>\[\],\s]+?)\s+(\w+)\s*\(([^)]*)\)\s*(?:throws\s[\w\s,]+)?\{")
_CPP_SIG = re.compile(r"^\s*((?:const\s+)?[\w:<>,\s]+?[\s&*]+)(\w+)\s*\(([^)]*)\)\s*(?:const\s*)?\{", re.M)
_CPP_SKIP = {"if", "for", "while", "switch", "return", "else", "sizeof"}


def _strip_comments(code: str) -> str:
    # Usage comments ("Your LRUCache object will be instantiated…") would
    # otherwise read as declarations.
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", code, flags=re.S)


def _after_solution(code: str) -> str | None:
    m = re.search(r"\bclass\s+Solution\b", code)
    return code[m.end():] if m else None


def _classes(code: str) -> list[tuple[str, str]]:
    """(name, text up to the next class) of every declared class, last first:
    design solutions usually declare their helpers before the design class."""
    found = list(re.finditer(r"\bclass\s+(\w+)", code))
    ends = [m.start() for m in found[1:]] + [len(code)]
    return [(m.group(1), code[m.end():end]) for m, end in zip(found, ends)][::-1]


def _design(code: str, sigs_of, convert) -> dict[str, Any] | None:
    for cls, chunk in _classes(code):
        ctor = re.search(rf"\b{cls}\s*\(([^)]*)\)\s*(?::[^{{;]*)?\{{", chunk)
        sigs = [sig for sig in sigs_of(chunk) if sig[1] != cls]
        if not ctor or not sigs:
            continue  # a helper type: no constructor or no public methods
        ctor_doc = _signature("void", cls, ctor.group(1), convert)
        methods = []
        for ret, name, args in sigs:
            sig = _signature(ret, name, args, convert)
            if sig is None:
                return None
            methods.append({"name": name, "params": sig["params"], "return": sig["return"]})
        if ctor_doc is None:
            return None
        return _validated({"classname": cls, "constructor": {"params": ctor_doc["params"]},
                           "methods": methods, "systemdesign": True})
    return None


def _java_sigs(text: str) -> list[tuple[str, str, str]]:
    return [(m.group(1), m.group(2), m.group(3)) for m in _JAVA_SIG.finditer(text)]


def _cpp_sigs(text: str) -> list[tuple[str, str, str]]:
    out = []
    for m in _CPP_SIG.finditer(text):
        ret = " ".join(m.group(1).split())
        if m.group(2) in _CPP_SKIP or not ret or ret.split()[-1] in _CPP_SKIP:
            continue
        out.append((ret, m.group(2), m.group(3)))
    return out


def _cpp_public_sigs(chunk: str) -> list[tuple[str, str, str]]:
    pub = chunk.find("public:")
    return _cpp_sigs(chunk[pub:]) if pub >= 0 else []


def metadata_from_java(code: str, name: str | None = None) -> dict[str, Any] | None:
    """Signature of the (first, or the named) public method of Java's ``class
    Solution``; without one, a design class's constructor and public methods."""
    code = _strip_comments(code)
    body = _after_solution(code)
    if body is None:
        return _source(_design(code, _java_sigs, _java_type), "java")
    for ret, fn, args in _java_sigs(body):
        if name is None or fn == name:
            return _source(_signature(ret, fn, args, _java_type), "java")
    return None


def metadata_from_cpp(code: str, name: str | None = None) -> dict[str, Any] | None:
    """Signature of the (first, or the named) method after ``public:`` in C++'s
    ``class Solution``; without one, a design class's constructor and methods."""
    code = _strip_comments(code)
    body = _after_solution(code)
    if body is None:
        return _source(_design(code, _cpp_public_sigs, _cpp_type), "cpp")
    pub = body.find("public:")
    body = body[pub + len("public:"):] if pub >= 0 else body
    for ret, fn, args in _cpp_sigs(body):
        if name is None or fn == name:
            return _source(_signature(ret, fn, args, _cpp_type), "cpp")
    return None


def _source(doc: dict[str, Any] | None, source: str) -> dict[str, Any] | None:
    return _tagged(doc, source) if doc else None


# --------------------------------------------------------------------------- Go

_GO_BASE = {"int": "integer", "int32": "integer", "int64": "long", "float64": "double", "bool": "boolean",
            "byte": "character", "rune": "character", "string": "string", "*TreeNode": "TreeNode", "*ListNode": "ListNode"}
_GO_FUNC = re.compile(r"^func\s+(?:\(\s*\w+\s+\*?(\w+)\s*\)\s*)?(\w+)\s*\(([^)]*)\)\s*([^{]*)\{", re.M)


def _go_type(text: str) -> str | None:
    s = text.strip()
    named = re.fullmatch(r"\(\s*\w+\s+(.+?)\s*\)", s)  # a named result: (ans int)
    s = named.group(1) if named else s
    depth = 0
    while s.startswith("[]"):
        depth, s = depth + 1, s[2:].strip()
    base = "void" if not s else _GO_BASE.get(s)
    return None if base is None or (base == "void" and depth) else base + "[]" * depth


def _go_params(text: str) -> list[dict[str, str]] | None:
    """Go groups names before one type (``a, b int, s string``)."""
    out: list[dict[str, str]] = []
    pending: list[str] = []
    for part in [p.strip() for p in text.split(",") if p.strip()]:
        bits = part.split(None, 1)
        if len(bits) == 1:
            pending.append(bits[0])
            continue
        t = _go_type(bits[1])
        if t is None or t == "void":
            return None
        out += [{"name": n, "type": t} for n in pending + [bits[0]]]
        pending = []
    return None if pending else out


def metadata_from_go(code: str, name: str | None = None) -> dict[str, Any] | None:
    """Signature of a Go solution: the (first, or the named) package-level
    function; with a ``Constructor``, the design struct and its methods."""
    funcs = [(m.group(1), m.group(2), m.group(3), m.group(4)) for m in _GO_FUNC.finditer(_strip_comments(code))]
    ctor = next((f for f in funcs if f[0] is None and f[1] == "Constructor"), None)
    if ctor is not None and not any(f[0] is None and f[1] == name for f in funcs):
        cls = ctor[3].strip().lstrip("*")
        params = _go_params(ctor[2])
        methods = []
        for recv, fn, args, ret in funcs:
            if recv == cls and fn[:1].isupper():
                mp, rt = _go_params(args), _go_type(ret)
                if mp is None or rt is None:
                    return None
                methods.append({"name": fn[:1].lower() + fn[1:], "params": mp, "return": {"type": rt}})
        if params is None or not methods:
            return None
        return _source(_validated({"classname": cls, "constructor": {"params": params}, "methods": methods,
                                   "systemdesign": True}), "go")
    top = [f for f in funcs if f[0] is None and (name is None or f[1] == name)]
    # Helpers (newTrie, find) are called by the entry point; the entry point by nobody.
    uncalled = [f for f in top if len(re.findall(rf"\b{f[1]}\s*\(", code)) == 1]
    for _, fn, args, ret in (uncalled or top)[:1]:
        params, rt = _go_params(args), _go_type(ret)
        if params is None or rt is None:
            return None
        return _source(_validated({"name": fn, "params": params, "return": {"type": rt}}), "go")
    return None
