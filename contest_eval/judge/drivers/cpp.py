"""C++ harness generator: one ``main.cpp`` holding runtime, submission and driver.

Layout of the generated file, in this order:

1. ``#include <bits/stdc++.h>`` and ``using namespace std;``, as LeetCode's
   prelude, so the submission compiles with no includes of its own;
2. the runtime (``judges/cpp/runtime/*.hpp``): JSON codecs in namespace
   ``ce_judge_rt``, plus ``ListNode``/``TreeNode`` when the signature uses them.
   It comes *before* the submission so user macros (``#define ll``, ``#define
   int long long``) and helpers cannot change it;
3. the submission, under ``#line 1 "solution.cpp"`` so compile errors point at
   the user's own line numbers;
4. the driver: a ``run_one`` per test and ``main``.  Every name it uses is
   qualified (``::Solution``, ``ce_judge_rt::...``) so user globals called
   ``parse``, ``Node`` or ``Reader`` can neither shadow it nor join overload
   resolution.

One translation unit keeps the compile command trivial and lets the compiler
inline the codecs into the driver.
"""

from __future__ import annotations

from pathlib import Path

from contest_eval.problems.metadata import DesignMeta, FunctionMeta, Param, TypeRef

MAIN_FILE = "main.cpp"
NS = "ce_judge_rt"

_SCALARS = {
    "integer": "int",
    "long": "long long",
    "double": "double",
    "boolean": "bool",
    "character": "char",
    "string": "std::string",
    "ListNode": "::ListNode*",
    "TreeNode": "::TreeNode*",
}


def _runtime_text(name: str) -> str:
    # Prefer the package's asset locator (wheels, CONTEST_EVAL_JUDGES); fall
    # back to the source tree so the driver also works before judges/ is complete.
    try:
        from contest_eval.judge.assets import runtime_file

        return runtime_file("cpp", name)
    except Exception:  # noqa: BLE001 - any failure there means "use the checkout"
        path = Path(__file__).resolve().parents[3] / "judges" / "cpp" / "runtime" / name
        return path.read_text(encoding="utf-8")


def cpp_type(t: TypeRef) -> str:
    """The C++ type LeetCode's C++ signatures use for ``t``."""
    text = _SCALARS[t.base]
    for _ in range(t.depth):
        text = f"std::vector<{text}>"
    return text


def _all_types(meta: FunctionMeta | DesignMeta) -> list[TypeRef]:
    if isinstance(meta, FunctionMeta):
        return [p.type for p in meta.params] + [meta.returns]
    types = [p.type for p in meta.constructor]
    for m in meta.methods:
        types += [p.type for p in m.params] + [m.returns]
    return types


def _read_args(params: tuple[Param, ...], indent: str, listed: bool, inferred: bool = False) -> tuple[list[str], str]:
    """Statements that parse ``params`` into locals ``a0, a1, ...``.

    Arguments are read into named locals before the call: C++ leaves the order
    of evaluation of call arguments unspecified, and LeetCode signatures take
    containers by non-const reference, which needs lvalues.  ``listed`` means
    the values sit inside a JSON array (design calls) rather than on lines.
    """
    lines = []
    for i, p in enumerate(params):
        if listed and i:
            lines.append(f"{indent}in.expect(',');")
        if inferred:
            # Types inferred from another language: the declared parameter type decides (any_arg.hpp).
            lines.append(f"{indent}{NS}::Arg a{i}({NS}::read_raw(in));  // {p.name}: {p.type}")
        else:
            lines.append(f"{indent}{cpp_type(p.type)} a{i} = {NS}::read<{cpp_type(p.type)}>(in);  // {p.name}")
    return lines, ", ".join(f"a{i}" for i in range(len(params)))


def _function_driver(meta: FunctionMeta) -> list[str]:
    ind = "  "
    lines = [f"static void run_one({NS}::Reader& in, std::string& out) {{"]
    reads, args = _read_args(meta.params, ind, listed=False, inferred=meta.inferred)
    lines += reads
    # Heap, not stack: solutions often keep big member arrays (int dp[N][M]).
    lines.append(f"{ind}::Solution* sol = new ::Solution();")
    call = f"sol->{meta.name}({args})"
    if meta.output_param is not None:
        put = f"a{meta.output_param}.put(out)" if meta.inferred else f"{NS}::put(out, a{meta.output_param})"
        lines += [f"{ind}{call};", f"{ind}{put};"]
    elif meta.returns.is_void:
        lines += [f"{ind}{call};", f'{ind}out += "null";']
    else:
        # Encode by the type the user actually returned (auto), not the
        # metadata's: a `long long` answer to an `integer` problem still prints.
        lines += [f"{ind}{{", f"{ind}  auto&& result = {call};", f"{ind}  {NS}::put(out, result);", f"{ind}}}"]
    # Serialise before delete: the answer may point into the Solution's members.
    lines += [f"{ind}delete sol;", "}"]
    return lines


def _design_call(params: tuple[Param, ...], call_prefix: str, returns: TypeRef | None, ind: str,
                 inferred: bool) -> list[str]:
    reads, args = _read_args(params, ind, listed=True, inferred=inferred)
    lines = [f"{ind}in.expect('[');"] + reads + [f"{ind}in.expect(']');"]
    if returns is None:  # constructor
        lines += [f"{ind}delete obj;", f"{ind}obj = new {call_prefix}({args});", f'{ind}out += "null";']
    elif returns.is_void:
        lines += [f"{ind}{call_prefix}({args});", f'{ind}out += "null";']
    else:
        lines += [f"{ind}{{", f"{ind}  auto&& result = {call_prefix}({args});", f"{ind}  {NS}::put(out, result);", f"{ind}}}"]
    return lines


def _design_driver(meta: DesignMeta) -> list[str]:
    cls = f"::{meta.classname}"
    ind = "      "
    lines = [
        f"static void run_one({NS}::Reader& in, std::string& out) {{",
        f"  std::vector<std::string> names = {NS}::read<std::vector<std::string>>(in);",
        f"  {cls}* obj = nullptr;",
        "  in.expect('[');",
        "  out += '[';",
        "  for (std::size_t i = 0; i < names.size(); ++i) {",
        "    in.sep(i);",
        "    if (i) out += ',';",
        "    const std::string& method = names[i];",
        # The first call is the constructor whatever it is called (LeetCode
        # names it after the class); later calls dispatch on the method name.
        "    if (i == 0) {",
    ]
    lines += _design_call(meta.constructor, cls, None, ind, meta.inferred)
    for m in meta.methods:
        lines.append(f'    }} else if (method == "{m.name}") {{')
        lines += _design_call(m.params, f"obj->{m.name}", m.returns, ind, meta.inferred)
    lines += [
        "    } else {",
        f"      {NS}::bad_input();",
        "    }",
        "  }",
        "  in.expect(']');",
        "  out += ']';",
        "  delete obj;",
        "}",
    ]
    return lines


def render(meta: FunctionMeta | DesignMeta, source: str) -> dict[str, str]:
    """Files of the C++ function/design harness for ``source``: just ``main.cpp``."""
    types = _all_types(meta)
    parts = [
        "// Generated by contest-eval (contest_eval/judge/drivers/cpp.py). Do not edit.",
        "#include <bits/stdc++.h>",
        "#include <unistd.h>",
        "using namespace std;",
        '#line 1 "judge_core.hpp"',
        _runtime_text("judge_core.hpp"),
    ]
    for base, header in (("ListNode", "list_node.hpp"), ("TreeNode", "tree_node.hpp")):
        if any(t.base == base for t in types):
            parts += [f'#line 1 "{header}"', _runtime_text(header)]
    if meta.inferred:
        parts += ['#line 1 "any_arg.hpp"', _runtime_text("any_arg.hpp")]
    parts += ['#line 1 "solution.cpp"', source.rstrip("\n"), '#line 1 "harness.cpp"']
    if isinstance(meta, DesignMeta):
        body = _design_driver(meta)
        per_line = False
    else:
        body = _function_driver(meta)
        # A test of a zero-parameter function is a single empty line.
        per_line = not meta.params
    parts.append(f"namespace {NS}_driver {{")
    parts += body
    parts.append(f"}}  // namespace {NS}_driver")
    # `signed`, not `int`: a submission's `#define int long long` (common in
    # competitive code) must not turn this into an ill-formed `long long main`.
    parts.append(
        f"signed main() {{ return {NS}::main_loop(&{NS}_driver::run_one, {'true' if per_line else 'false'}); }}"
    )
    return {MAIN_FILE: "\n".join(parts) + "\n"}
