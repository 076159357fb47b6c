"""JavaScript (Node.js) driver for function and design problems.

The generated harness is ``main.js``: the runtime in
``judges/javascript/runtime/harness.js`` followed by one call carrying the
problem's signature as JSON.  The submission is shipped unchanged as
``solution.js`` and evaluated by the harness as a classic script, which is what
LeetCode's ``var twoSum = function(...)`` style relies on (top-level
declarations become globals).  Keeping it a separate file means stack traces and
syntax errors point at the submission's own line numbers, and ``main.js
--check`` (``compile_harness``) can reject a syntax error as CE with the same
parser that will run it.
"""

from __future__ import annotations

import json
from typing import Literal, TypedDict, Union

from contest_eval.judge.assets import runtime_file
from contest_eval.problems.metadata import DesignMeta, FunctionMeta, MetadataError, Param, TypeRef

MAIN = "main.js"
SOLUTION = "solution.js"
RUNTIME = "harness.js"

# The harness finds the entry point by evaluating its name as an expression in
# the submission's global scope, so a reserved word could never be resolved
# (the lookup itself would be a syntax error).
_RESERVED = frozenset(
    """break case catch class const continue debugger default delete do else enum
    export extends false finally for function if import in instanceof new null
    return super switch this throw true try typeof var void while with""".split()
)

# Globals the harness installs before the submission runs.  An entry point with
# one of these names would be found even when the submission forgot to define
# it, turning "not defined" into a confusing wrong answer.
_HARNESS_GLOBALS = frozenset({"ListNode", "TreeNode", "require", "module", "exports"})


# The JSON document handed to runHarness(); harness.js reads exactly these keys.
# A type travels as [base, depth] (e.g. ["integer", 2] for integer[][]), and a
# result type of None means void: the harness prints null whatever is returned.
WireType = tuple[str, int]


class WireMethod(TypedDict):
    params: list[WireType]
    returns: WireType | None


class FunctionSpec(TypedDict):
    kind: Literal["function"]
    name: str
    params: list[WireType]
    returns: WireType | None
    output: int | None


class DesignSpec(TypedDict):
    kind: Literal["design"]
    classname: str
    ctor: list[WireType]
    methods: dict[str, WireMethod]


Spec = Union[FunctionSpec, DesignSpec]


def _type(t: TypeRef) -> WireType:
    return (t.base, t.depth)


def _result(t: TypeRef) -> WireType | None:
    return None if t.is_void else _type(t)


def _params(params: tuple[Param, ...]) -> list[WireType]:
    return [_type(p.type) for p in params]


def _entry_name(name: str) -> str:
    if name in _RESERVED:
        raise MetadataError(f"{name!r} is a JavaScript reserved word and cannot be an entry point")
    if name in _HARNESS_GLOBALS:
        raise MetadataError(f"{name!r} is predefined by the JavaScript harness and cannot be an entry point")
    return name


def _method_name(name: str) -> str:
    # Methods are looked up as properties, so reserved words are fine there, but
    # "constructor" would name the class itself rather than a method.
    if name == "constructor":
        raise MetadataError("a design method cannot be named 'constructor' in JavaScript")
    return name


def spec(meta: FunctionMeta | DesignMeta) -> Spec:
    """The signature as the harness consumes it."""
    if isinstance(meta, DesignMeta):
        return DesignSpec(
            kind="design",
            classname=_entry_name(meta.classname),
            ctor=_params(meta.constructor),
            methods={
                _method_name(m.name): WireMethod(params=_params(m.params), returns=_result(m.returns))
                for m in meta.methods
            },
        )
    return FunctionSpec(
        kind="function",
        name=_entry_name(meta.name),
        params=_params(meta.params),
        returns=_result(meta.returns),
        output=meta.output_param,
    )


def render(meta: FunctionMeta | DesignMeta, source: str) -> dict[str, str]:
    """Files for the sandbox: the harness and the untouched submission."""
    # ASCII-only, so method names can never change how main.js is decoded.
    call = json.dumps(spec(meta), ensure_ascii=True, separators=(",", ":"))
    harness = runtime_file("javascript", RUNTIME).rstrip("\n") + f"\n\nrunHarness({call});\n"
    return {MAIN: harness, SOLUTION: source}
