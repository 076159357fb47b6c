"""Python 3 function/design harness (judges/PROTOCOL.md).

Runs the submission in a namespace that looks like LeetCode's: the usual
modules and names are there without imports, and no builtin is shadowed.
Everything the harness itself needs is bound before user code runs, so a
submission that rebinds ``json`` or ``print`` only affects itself.

The harness is also the syntax check (no separate compiler process): it
compiles the submission before running any of it and says how that went in
the first line on fd 3, the header (PROTOCOL.md, "Syntax header").  Only
the harness writes that line: the submission's code runs after it.
"""

import builtins
import json
import os
import sys

_dumps = json.dumps
_loads = json.loads
_out = os.fdopen(3, "w", encoding="utf-8", newline="\n")
_stdin = sys.stdin.buffer
_exit = os._exit
sys.setrecursionlimit(100000)


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def _namespace():
    import bisect, collections, copy, datetime, functools, heapq, itertools, math, operator, random, re, string, typing  # noqa: E401
    ns = {"__name__": "solution", "__builtins__": builtins}
    # LeetCode's Python environment star-imports these (string included:
    # accepted solutions use a bare ascii_lowercase).
    for mod in (typing, collections, itertools, functools, heapq, bisect, operator, math, string):
        for name in getattr(mod, "__all__", None) or dir(mod):
            if name.startswith("_") or hasattr(builtins, name):
                continue  # math.pow must not replace the three-argument pow
            ns[name] = getattr(mod, name)
    for mod in (bisect, collections, copy, datetime, functools, heapq, itertools, math, operator, random, re, string, typing, sys, os, json):
        ns[mod.__name__] = mod
    ns.update(inf=math.inf, ListNode=ListNode, TreeNode=TreeNode)
    try:
        import sortedcontainers
        ns.update(sortedcontainers=sortedcontainers, SortedList=sortedcontainers.SortedList,
                  SortedDict=sortedcontainers.SortedDict, SortedSet=sortedcontainers.SortedSet)
    except ImportError:
        pass
    return ns


def _to_list(head):
    out = []
    while head is not None:
        out.append(head.val)
        head = head.next
    return out


def _from_list(vals):
    head = None
    for v in reversed(vals):
        head = ListNode(v, head)
    return head


def _from_tree(vals):
    if not vals or vals[0] is None:
        return None
    root = TreeNode(vals[0])
    queue, i = [root], 1
    for node in queue:
        if i >= len(vals):
            break
        for side in ("left", "right"):
            if i < len(vals) and vals[i] is not None:
                child = TreeNode(vals[i])
                setattr(node, side, child)
                queue.append(child)
            i += 1
    return root


def _to_tree(root):
    out, queue = [], [root]
    for node in queue:
        if node is None:
            out.append(None)
        else:
            out.append(node.val)
            queue.append(node.left)
            queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


def _decode(value, t):
    base, depth = t
    if value is None:
        return None
    if depth:
        return [_decode(v, (base, depth - 1)) for v in value]
    if base == "ListNode":
        return _from_list(value)
    if base == "TreeNode":
        return _from_tree(value)
    if base == "double":
        return float(value)
    return value


def _encode(value, t):
    base, depth = t
    if value is None:
        return [] if base in ("ListNode", "TreeNode") and depth == 0 else None
    if depth:
        return [_encode(v, (base, depth - 1)) for v in value]
    if base == "ListNode":
        return _to_list(value)
    if base == "TreeNode":
        return _to_tree(value)
    if base == "boolean":
        return bool(value)
    if base in ("integer", "long") and isinstance(value, float) and value.is_integer():
        return int(value)
    if base == "double":
        value = float(value)
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, (bytes, bytearray)):
        return value.decode("utf-8", "replace")
    return value


def _emit(value):
    _out.write(_dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n")
    _out.flush()


def _lines():
    for raw in _stdin:
        yield raw.decode("utf-8").rstrip("\r\n")


def _header(compiled, output=""):
    _out.write(_dumps({"compiled": compiled, "output": output}, ensure_ascii=True) + "\n")
    _out.flush()


def main():
    with open("signature.json", encoding="utf-8") as f:
        sig = _loads(f.read())
    # Bytes, as py_compile reads them: a coding cookie is honoured and bad
    # UTF-8 is a SyntaxError (a compile error), not a crash of the harness.
    with open("solution.py", "rb") as f:
        source = f.read()
    try:
        code = builtins.compile(source, "solution.py", "exec", dont_inherit=True)
    except Exception as exc:  # SyntaxError, ValueError (NUL bytes), RecursionError, MemoryError: all CE
        import traceback
        # The tail, as the supervisor keeps of a compiler's output: one huge
        # source line must not make a huge header.
        _header(False, "".join(traceback.format_exception_only(exc))[-65536:])
        return
    ns = _namespace()
    _header(True)
    exec(code, ns)
    lines = _lines()
    typ = lambda raw: (raw["base"], raw["depth"])  # noqa: E731
    if sig["kind"] == "function":
        params = [typ(p) for p in sig["params"]]
        for first in lines:
            raw = [first] + [next(lines) for _ in params[1:]] if params else []
            args = [_decode(_loads(r), t) for r, t in zip(raw, params)]
            method = getattr(ns["Solution"](), sig["name"])
            result = method(*args)
            if sig["output_param"] is not None:
                _emit(_encode(args[sig["output_param"]], params[sig["output_param"]]))
            else:
                _emit(_encode(result, typ(sig["returns"])))
    else:
        cls = ns[sig["classname"]]
        ctor = [typ(p) for p in sig["constructor"]]
        methods = {m["name"]: m for m in sig["methods"]}
        for first in lines:
            names, arglists = _loads(first), _loads(next(lines))
            obj = cls(*[_decode(v, t) for v, t in zip(arglists[0], ctor)])
            results = [None]
            for name, args in zip(names[1:], arglists[1:]):
                m = methods[name]
                value = getattr(obj, name)(*[_decode(v, typ(p)) for v, p in zip(args, m["params"])])
                results.append(None if m["returns"]["base"] == "void" else _encode(value, typ(m["returns"])))
            _emit(results)


main()
# Every answer is on fd 3 (flushed per line) and stdout/stderr are unbuffered
# (-u): the interpreter's own teardown (~7 ms of freeing modules) would change
# nothing but the time.  A submission's exception or sys.exit() never gets
# here: it ends the process as before.
_exit(0)
