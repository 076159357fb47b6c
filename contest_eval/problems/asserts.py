"""Values in dataset test scripts, read structurally with :mod:`ast`.

Test scripts build linked lists and trees through helpers: the DeepSeek file
defines them inline as recursive lambdas::

    _f1 = lambda lst: ListNode(lst[0], _f1(lst[1:])) if lst else None
    _f2 = lambda node: [node.val] + _f2(node.next) if node else []

and LeetCodeDataset calls ``list_node([...])`` / ``tree_node([...])``.  On the
wire a list or tree *is* its array, so a builder call is replaced by its
argument and a reader call by the value it reads.  A lambda is recognised
only when its syntax tree is exactly one of the known shapes (names aside);
nothing in a script is ever executed, and anything else is refused.
"""

from __future__ import annotations

import ast
import copy
from typing import Any

from contest_eval.problems._jsonl import RecordError

BUILDER = "builder"  # list or tree literal → node structure: wire value is the literal
READER = "reader"  # node structure → Python list: wire value is the node structure itself

# Helpers provided by the dataset's own prelude (LeetCodeDataset, some DeepSeek variants).
KNOWN_HELPERS = {"list_node": BUILDER, "tree_node": BUILDER, "build_tree": BUILDER, "build_list": BUILDER}
# Comparators that compare two node structures: assert is_same_list(actual, expected).
SAME_STRUCTURE = ("is_same_list", "is_same_tree")

# Shapes of the recursive helper lambdas, with F for the helper's name and P for its parameter.
_TEMPLATES = {
    BUILDER: (
        "lambda P: ListNode(P[0], F(P[1:])) if P else None",
        "lambda P: ListNode(val=P[0], next=F(P[1:])) if P else None",
        "lambda P: None if not P else ListNode(P[0], F(P[1:]))",
        "lambda P: ListNode(P[0], F(P[1:])) if len(P) > 0 else None",
    ),
    READER: (
        "lambda P: [P.val] + F(P.next) if P else []",
        "lambda P: [] if not P else [P.val] + F(P.next)",
        "lambda P: [P.val] + F(P.next) if P is not None else []",
        "lambda P: [] if P is None else [P.val] + F(P.next)",
    ),
}


class _Rename(ast.NodeTransformer):
    """Rename the helper and its parameter to the templates' F and P."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def visit_Name(self, node: ast.Name) -> ast.Name:
        return ast.Name(id=self.names.get(node.id, node.id), ctx=node.ctx)

    def visit_arg(self, node: ast.arg) -> ast.arg:
        return ast.arg(arg=self.names.get(node.arg, node.arg), annotation=None)


_SHAPES = {kind: {ast.dump(ast.parse(t, mode="eval").body) for t in ts} for kind, ts in _TEMPLATES.items()}


def helper_kind(target: str, value: ast.expr) -> str | None:
    """BUILDER or READER when ``target = value`` defines a known recursive helper."""
    if not isinstance(value, ast.Lambda):
        return None
    args = value.args
    if len(args.args) != 1 or args.posonlyargs or args.kwonlyargs or args.vararg or args.kwarg or args.defaults:
        return None
    names = {target: "F", args.args[0].arg: "P"}
    if any(isinstance(n, ast.Name) and n.id in ("F", "P") and n.id not in names for n in ast.walk(value)):
        return None  # a free name spelled like a placeholder would make two shapes look alike
    try:
        actual = ast.dump(_Rename(names).visit(copy.deepcopy(value)))
    except RecursionError:
        return None
    for kind, shapes in _SHAPES.items():
        if actual in shapes:
            return kind
    return None


class Values:
    """Turns literal expressions of one script into wire values, knowing its helpers."""

    def __init__(self) -> None:
        self.helpers: dict[str, str] = dict(KNOWN_HELPERS)

    def define(self, stmt: ast.stmt) -> bool:
        """Record ``name = lambda ...`` when it is a known helper; False if it is not one."""
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
            return False
        kind = helper_kind(stmt.targets[0].id, stmt.value)
        if kind is None:
            return False
        self.helpers[stmt.targets[0].id] = kind
        return True

    def helper_call(self, node: ast.expr, kind: str) -> ast.expr | None:
        """The single argument of ``helper(x)`` when helper has this kind."""
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and self.helpers.get(node.func.id) == kind
                and len(node.args) == 1 and not node.keywords):
            return node.args[0]
        return None

    def value(self, node: ast.expr) -> Any:
        """A literal, where builder calls stand for their argument; never evaluates code."""
        inner = self.helper_call(node, BUILDER)
        if inner is not None:
            return self.value(inner)
        if isinstance(node, ast.Dict):
            out: dict[Any, Any] = {}
            for k, v in zip(node.keys, node.values):
                if k is None:
                    raise RecordError(f"line {node.lineno}: ** inside a literal dict")
                out[self.value(k)] = self.value(v)
            return out
        if isinstance(node, (ast.List, ast.Tuple)):
            return [self.value(v) for v in node.elts]
        try:
            return ast.literal_eval(node)
        except (ValueError, TypeError, SyntaxError, MemoryError) as exc:
            raise RecordError(f"line {getattr(node, 'lineno', '?')}: not a literal: {ast.unparse(node)[:80]!r}") from exc

    def unwrap_actual(self, node: ast.expr) -> ast.expr:
        """``reader(call)`` → ``call``: the solution's return value is compared as its wire form."""
        inner = self.helper_call(node, READER)
        return inner if inner is not None else node

    def comparison(self, test: ast.expr) -> tuple[ast.Call, ast.expr] | None:
        """(solution call, expected node) of ``call == expected`` or ``is_same_x(call, expected)``."""
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq):
            left = self.unwrap_actual(test.left)
            if isinstance(left, ast.Call):
                return left, test.comparators[0]
        if (isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id in SAME_STRUCTURE
                and len(test.args) == 2 and not test.keywords and isinstance(test.args[0], ast.Call)):
            return test.args[0], test.args[1]
        return None
