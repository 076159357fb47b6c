"""Java harness generator for function and design problems.

The generated ``Main`` is deliberately thin: the test loop, the JSON codec and
the conversions live in ``judges/java/runtime/CeHarness.java``, which converts
arguments according to the user's *declared* Java signature (found by
reflection).  metaData cannot tell ``int[]`` from ``List<Integer>`` once parsed
(``list<T>`` is normalised to ``T[]``), and LeetCode users write either, so a
statically typed call would turn correct solutions into compile errors.

What the generated code still does statically is reference the user's class,
constructor and methods, so a missing or misnamed method is a compile error,
as it is on LeetCode, instead of a runtime error on the first test.

``language.toml`` compiles with ``javac ... @sources.txt``; the argument file
lists exactly the files rendered here, because the user's file name depends on
the problem (``Solution.java`` or ``<DesignClass>.java``: javac requires a
``public`` top-level class to live in a file of the same name).
"""

from __future__ import annotations

import json
import re
from contest_eval.judge.assets import runtime_file
from contest_eval.problems.metadata import DesignMeta, FunctionMeta, Param, TypeRef

# Placed on the user's first line rather than above it, so that compiler and
# stack-trace line numbers match the code the model wrote.
IMPORTS = (
    "import java.util.*; import java.util.stream.*; import java.util.function.*; "
    "import java.math.*; "
)

# Argument expressions used only in the never-called signature check.  Each
# one is accepted by every Java type a user may declare for that metaData type
# (`0` fits int/long/double/Integer, `0L` fits long/Long/double, `null` fits
# arrays, lists, strings and nodes alike).
_PROBE = {
    "integer": "0",
    "long": "0L",
    "double": "0.0",
    "boolean": "false",
    "character": "'a'",
}

_PACKAGE = re.compile(r"^(\s*)package\s+[\w.]+\s*;", re.MULTILINE)
_JAVAFX_IMPORT = re.compile(r"^[ \t]*import\s+javafx\.util\.(?:Pair|\*)\s*;", re.MULTILINE)


def render(meta: FunctionMeta | DesignMeta, source: str) -> dict[str, str]:
    """Return {file name: content} for the harness around ``source``."""
    if isinstance(meta, DesignMeta):
        user_file = f"{meta.classname}.java"
        main = _design_main(meta)
    else:
        user_file = "Solution.java"
        main = _function_main(meta)
    files = {"Main.java": main, user_file: _user_source(source)}
    runtime = ["CeHarness.java"]
    defined = _top_level_classes(source)
    # LeetCode shows ListNode/TreeNode commented out; some users paste them in
    # for real (or write their own Pair), and a second definition would not compile.
    runtime += [f"{name}.java" for name in ("ListNode", "TreeNode", "Pair") if name not in defined]
    for name in runtime:
        files[name] = runtime_file("java", name)
    files["sources.txt"] = "".join(f"{name}\n" for name in sorted(n for n in files if n.endswith(".java")))
    return files


def _user_source(source: str) -> str:
    # The harness lives in the unnamed package; a stray package declaration
    # would hide the user's class from it.  Blanked, not removed, to keep lines.
    source = _PACKAGE.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), source, count=1)
    # javafx.util.Pair is replaced by the runtime's Pair (see runtime/Pair.java).
    source = _JAVAFX_IMPORT.sub(lambda m: " " * len(m.group(0)), source)
    return IMPORTS + source


def _top_level_classes(source: str) -> set[str]:
    """Names of classes declared at brace depth 0, ignoring comments and literals."""
    code = _strip_comments_and_literals(source)
    names: set[str] = set()
    depth = 0
    for m in re.finditer(r"[{}]|\b(?:class|interface|record|enum)\s+([A-Za-z_$][\w$]*)", code):
        token = m.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            names.add(m.group(1))
    return names


def _strip_comments_and_literals(source: str) -> str:
    out: list[str] = []
    i, n = 0, len(source)
    while i < n:
        if source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
        elif source.startswith("/*", i):
            j = source.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif source.startswith('"""', i):
            j = source.find('"""', i + 3)
            i = n if j < 0 else j + 3
            out.append('""')
        elif source[i] in "\"'":
            quote, j = source[i], i + 1
            while j < n and source[j] != quote and source[j] != "\n":
                j += 2 if source[j] == "\\" else 1
            i = j + 1
            out.append(quote * 2)
        else:
            out.append(source[i])
            i += 1
    return "".join(out)


def _hint(t: TypeRef) -> str:
    return _java_string(str(t))


def _java_string(text: str) -> str:
    # JSON string syntax is valid Java string syntax for identifiers and type names.
    return json.dumps(text)


def _probe_args(params: tuple[Param, ...], inferred: bool = False) -> str:
    if inferred:
        # Inferred metaData cannot tell char from String or long from int: any declared type fits.
        return ", ".join("CeHarness.any()" for _ in params)
    return ", ".join(_PROBE.get(p.type.base, "null") if p.type.depth == 0 else "null" for p in params)


def _hints(params: tuple[Param, ...]) -> str:
    return "".join(f", {_hint(p.type)}" for p in params)


_MAIN_HEAD = """\
// Generated by contest_eval.judge.drivers.java; see judges/PROTOCOL.md.
public class Main {
"""

_MAIN_TAIL = """\
    public static void main(String[] args) throws Throwable {
        // Opened before the user's class is even initialised.
        CeHarness harness = CeHarness.open();
%s
    }
}
"""


def _function_main(meta: FunctionMeta) -> str:
    output = -1 if meta.output_param is None else meta.output_param
    check = (
        "    // Never called: makes a missing or misnamed method a compile error, as on LeetCode.\n"
        "    @SuppressWarnings(\"unused\")\n"
        f"    private static void signatureCheck(Solution s) {{ s.{meta.name}({_probe_args(meta.params, meta.inferred)}); }}\n\n"
    )
    call = (
        f"        harness.runFunction(Solution.class, Solution::new, {_java_string(meta.name)}, "
        f"{_hint(meta.result_type)}, {output}{_hints(meta.params)});"
    )
    return _MAIN_HEAD + check + _MAIN_TAIL % call


def _design_main(meta: DesignMeta) -> str:
    cls = meta.classname
    lines = [f"        {cls} o = new {cls}({_probe_args(meta.constructor, meta.inferred)});"]
    lines += [f"        o.{m.name}({_probe_args(m.params, meta.inferred)});" for m in meta.methods]
    check = (
        "    // Never called: makes a missing or misnamed method a compile error, as on LeetCode.\n"
        "    @SuppressWarnings(\"unused\")\n"
        "    private static void signatureCheck() {\n" + "\n".join(lines) + "\n    }\n\n"
    )
    calls = [
        f"        harness.designMethod({_java_string(m.name)}, {_hint(m.returns)}{_hints(m.params)});"
        for m in meta.methods
    ]
    calls.append(f"        harness.runDesign({cls}.class{_hints(meta.constructor)});")
    return _MAIN_HEAD + check + _MAIN_TAIL % "\n".join(calls)
