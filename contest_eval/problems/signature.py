"""Derive LeetCode ``metaData`` from reference solutions.

doocs READMEs carry no metaData, but every reference solution spells out the
signature.  Python gives the structure and parameter names (parsed with
``ast``, never executed); Java, C++ and Go (:mod:`.signature_typed`)
disambiguate what Python's type hints cannot: ``int`` vs 64-bit ``long`` and
``str`` vs a single ``char``.
Every function here returns ``None`` rather than guess when the code does not
yield a clean signature, and every document returned passes ``parse_metadata``.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from .metadata import merge_metadata
from .signature_typed import _tagged, _validated, metadata_from_cpp, metadata_from_go, metadata_from_java

__all__ = ["merge_metadata", "metadata_from_code", "metadata_from_cpp", "metadata_from_go", "metadata_from_java",
           "metadata_from_python"]

_PY_SCALARS = {"int": "integer", "str": "string", "float": "double", "bool": "boolean",
               "TreeNode": "TreeNode", "ListNode": "ListNode"}
_PY_LISTS = {"List", "list", "Sequence", "typing.List"}
_INPLACE = re.compile(r"do not return anything", re.I)


# --------------------------------------------------------------------------- Python

def _py_type(node: ast.expr | None) -> str | None:
    """Annotation → metaData type string, or None when it is not one LeetCode uses."""
    if node is None:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:  # a quoted forward reference such as "TreeNode"
            return _py_type(ast.parse(node.value, mode="eval").body)
        except SyntaxError:
            return None
    if isinstance(node, ast.Constant) and node.value is None:
        return "void"
    if isinstance(node, ast.Name):
        return _PY_SCALARS.get(node.id)
    if isinstance(node, ast.Attribute):
        return _PY_SCALARS.get(node.attr)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        # ``TreeNode | None`` is Optional[TreeNode]: the None is the empty tree.
        sides = [s for s in (node.left, node.right) if not (isinstance(s, ast.Constant) and s.value is None)]
        return _py_type(sides[0]) if len(sides) == 1 else None
    if isinstance(node, ast.Subscript):
        head = ast.unparse(node.value)
        inner = node.slice
        if head in _PY_LISTS or head.endswith(".List"):
            t = _py_type(inner)
            return t + "[]" if t and t != "void" else None
        if head in ("Optional", "typing.Optional"):
            t = _py_type(inner)
            return t if t != "void" else None
    return None


def _params(fn: ast.FunctionDef) -> list[dict[str, str]] | None:
    args = fn.args
    if args.vararg or args.kwarg or args.kwonlyargs:
        return None
    positional = args.posonlyargs + args.args
    if not positional or positional[0].arg != "self":
        return None
    out = []
    for a in positional[1:]:
        t = _py_type(a.annotation)
        if t is None or t == "void":
            return None
        out.append({"name": a.arg, "type": t})
    return out


def _returns(fn: ast.FunctionDef) -> str | None:
    if fn.returns is None:
        return None
    return _py_type(fn.returns)


def _methods(cls: ast.ClassDef) -> list[ast.FunctionDef]:
    return [n for n in cls.body if isinstance(n, ast.FunctionDef)]


def _called_on_self(cls: ast.ClassDef) -> set[str]:
    return {n.attr for n in ast.walk(cls)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self"}


def _entry_method(cls: ast.ClassDef) -> ast.FunctionDef | None:
    public = [m for m in _methods(cls) if not m.name.startswith("_")]
    # Helpers are called through ``self.``; the entry point is the one nobody calls.
    called = _called_on_self(cls)
    uncalled = [m for m in public if m.name not in called]
    return (uncalled or public or [None])[0]


def _inplace_index(fn: ast.FunctionDef, params: list[dict[str, str]]) -> int | None:
    doc = ast.get_docstring(fn) or ""
    if not _INPLACE.search(doc) or not params:
        return None
    m = re.search(r"modify\s+(\w+)", doc, re.I)
    names = [p["name"] for p in params]
    if m and m.group(1) in names:
        return names.index(m.group(1))
    for i, p in enumerate(params):
        if p["type"].endswith("[]"):
            return i
    return 0


def _function_doc(cls: ast.ClassDef) -> dict[str, Any] | None:
    fn = _entry_method(cls)
    if fn is None:
        return None
    params = _params(fn)
    ret = _returns(fn)
    if params is None or ret is None:
        return None
    doc: dict[str, Any] = {"name": fn.name, "params": params, "return": {"type": ret}}
    if ret == "void":
        idx = _inplace_index(fn, params)
        if idx is not None:
            doc["output"] = {"paramindex": idx}
    return doc


def _design_doc(cls: ast.ClassDef) -> dict[str, Any] | None:
    init = next((m for m in _methods(cls) if m.name == "__init__"), None)
    ctor = _params(init) if init is not None else []
    if ctor is None:
        return None
    methods = []
    for m in _methods(cls):
        if m.name.startswith("_"):
            continue
        params, ret = _params(m), _returns(m)
        if params is None or ret is None:
            return None
        methods.append({"name": m.name, "params": params, "return": {"type": ret}})
    if not methods:
        return None
    return {"classname": cls.name, "constructor": {"params": ctor}, "methods": methods, "systemdesign": True}


def _design_class(classes: list[ast.ClassDef]) -> ast.ClassDef | None:
    candidates = [c for c in classes
                  if any(m.name == "__init__" for m in _methods(c))
                  and any(not m.name.startswith("_") for m in _methods(c))]
    if not candidates:
        return None
    # Helper classes (a Fenwick tree, a trie node) are used by the design class;
    # the design class itself is used by nobody.
    used = {n.id for c in candidates for n in ast.walk(c) if isinstance(n, ast.Name) and n.id != c.name}
    unused = [c for c in candidates if c.name not in used]
    return (unused or candidates)[-1]


def metadata_from_python(code: str) -> dict[str, Any] | None:
    """metaData from a Python solution's ``class Solution`` (or design class)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return None
    classes = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    solution = next((c for c in classes if c.name == "Solution"), None)
    if solution is not None:
        doc = _function_doc(solution)
    else:
        cls = _design_class(classes)
        doc = _design_doc(cls) if cls is not None else None
    return _validated(_tagged(doc, "python")) if doc else None


def metadata_from_code(language: str, code: str, name: str | None = None) -> dict[str, Any] | None:
    """The signature a reference in ``language`` declares (the named function
    when it has one, else its entry point), or None when it cannot be read.
    With :func:`metadata.signature_disagreement` this tells a problem revised
    after one source captured it from a harness gap."""
    readers = {"python3": lambda c, n: metadata_from_python(c), "java": metadata_from_java,
               "cpp": metadata_from_cpp, "go": metadata_from_go}
    read = readers.get(language)
    if read is None:
        return None
    return read(code, name) or (read(code, None) if name is not None else None)
