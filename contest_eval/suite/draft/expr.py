"""Integer arithmetic over named sizes, as statements write bounds.

Bounds such as ``n - 1``, ``n * (n - 1) / 2``, ``min(n × (n - 1) / 2, 2000)``
or ``5 * 10^4`` are kept as text in the constraint model (it is embedded in a
drafted ``gen.py``) and evaluated here.  Statement text is untrusted, so it is
never handed to ``eval``: the text is parsed with :mod:`ast` and only integer
constants, names, ``+ - * / // **``, unary minus and ``min``/``max`` calls
are accepted; anything else raises :class:`ExprError`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from functools import lru_cache

_FUNCS = {"min": min, "max": max}
# Powers beyond this are not sizes or values any statement means.
_MAX_EXPONENT = 30


class ExprError(ValueError):
    """The text is not a bound this module can evaluate."""


def normalise(text: str) -> str:
    """Statement spelling → the expression syntax :func:`evaluate` reads."""
    out = text.replace("×", "*").replace("·", "*").replace("⋅", "*").replace("−", "-").replace("^", "**")
    out = re.sub(r"(?<![*/])/(?!/)", "//", out)  # sizes are integers: n * (n - 1) / 2 is exact
    return " ".join(out.split())


@lru_cache(maxsize=4096)  # the same few bounds are evaluated for every element
def parse(text: str) -> ast.expr:
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ExprError(f"not an expression: {text!r}") from exc
    for node in ast.walk(tree):
        if isinstance(node, (ast.Expression, ast.Load, ast.Name, ast.BinOp, ast.UnaryOp, ast.USub, ast.UAdd,
                             ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Div, ast.Pow)):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCS and not node.keywords:
            continue
        raise ExprError(f"unsupported {type(node).__name__} in {text!r}")
    return tree.body


def names(text: str) -> set[str]:
    """The free names of an expression (functions excluded)."""
    return set(_names(text))


@lru_cache(maxsize=4096)
def _names(text: str) -> frozenset[str]:
    tree = parse(text)
    calls = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return frozenset(n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and id(n) not in calls)


def evaluate(text: str, env: Mapping[str, int]) -> int:
    return _eval(parse(text), env, text)


def _eval(node: ast.expr, env: Mapping[str, int], text: str) -> int:
    if isinstance(node, ast.Constant):
        return int(node.value)
    if isinstance(node, ast.Name):
        if node.id not in env:
            raise ExprError(f"unknown name {node.id!r} in {text!r}")
        return int(env[node.id])
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, env, text)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        args = [_eval(a, env, text) for a in node.args]
        if not args:
            raise ExprError(f"{node.func.id}() without arguments in {text!r}")
        return int(_FUNCS[node.func.id](args))
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, env, text), _eval(node.right, env, text)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if isinstance(node.op, (ast.FloorDiv, ast.Div)):
            if right == 0:
                raise ExprError(f"division by zero in {text!r}")
            return left // right
        if isinstance(node.op, ast.Pow):
            if not 0 <= right <= _MAX_EXPONENT:
                raise ExprError(f"exponent {right} out of range in {text!r}")
            return int(left ** right)
    raise ExprError(f"cannot evaluate {text!r}")
