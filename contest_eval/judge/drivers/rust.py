"""Rust harness generator for function and design problems.

The output is a single ``main.rs`` compiled by ``judges/rust/language.toml``'s
``compile_harness``.  Layout of the generated crate::

    <runtime/header.rs>       crate attributes, LeetCode's `use` lines
    mod user {
        <submission>          first, so its inner attributes stay legal
        use super::*;         a glob: the submission's own `use`s shadow it
        pub(crate) mod __judge { use super::*; <nodes.rs>? fn run() }
    }
    <runtime/prelude.rs>      Solution, ListNode, TreeNode
    mod __rt { <json.rs> }    codec, fd-3 channel, argument adapter
    fn main() { user::__judge::run() }

The test loop lives inside ``user`` because LeetCode's design starter code
declares the class and its methods without ``pub``: only ``user`` and its
descendants can see them.
"""

from __future__ import annotations

import re

from contest_eval.judge.assets import runtime_file
from contest_eval.problems.metadata import DesignMeta, FunctionMeta, Method, Param, TypeRef

_SCALAR_TYPES = {
    "integer": "i32",
    "long": "i64",
    "double": "f64",
    "boolean": "bool",
    "character": "char",
    "string": "String",
    "ListNode": "Option<Box<ListNode>>",
    "TreeNode": "Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>",
}

# Strict and reserved keywords that cannot name a method without `r#`.
_RUST_KEYWORDS = frozenset(
    "as break const continue crate else enum extern false fn for if impl in let loop match mod "
    "move mut pub ref return self Self static struct super trait true type unsafe use where while "
    "async await dyn abstract become box do final macro override priv typeof unsized virtual "
    "yield try gen".split()
)

def snake_case(name: str) -> str:
    """``twoSum`` → ``two_sum``, ``isValidBST`` → ``is_valid_bst``, ``largest1BorderedSquare``
    → ``largest1_bordered_square``: the names LeetCode's Rust starter code uses."""
    words: list[str] = []
    for part in name.split("_"):
        # An upper-case run is one word, except that its last letter starts the
        # next word when a lower-case letter follows ("BSTIterator" → bst, iterator).
        words.extend(w.lower() for w in re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]*[a-z0-9]+|[A-Z]+", part))
    ident = "_".join(w for w in words if w) or name.lower()
    if ident[0].isdigit():
        ident = "_" + ident
    return "r#" + ident if ident in _RUST_KEYWORDS and ident not in ("self", "Self", "super", "crate") else ident


def rust_type(t: TypeRef) -> str:
    if t.is_void:
        raise ValueError("void has no Rust value type")
    out = _SCALAR_TYPES[t.base]
    for _ in range(t.depth):
        out = f"Vec<{out}>"
    return out


def _uses_nodes(types: list[TypeRef]) -> bool:
    return any(t.base in ("ListNode", "TreeNode") for t in types)


def _rust_str(s: str) -> str:
    """A Rust string literal; metaData names are identifiers, but stay safe."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _bind_args(params: tuple[Param, ...], source: str, indent: str) -> list[str]:
    """``let mut __aN: T = from_json(source[N]);`` for each parameter."""
    return [
        f"{indent}let mut __a{i}: {rust_type(p.type)} = crate::__rt::FromJson::from_json(&{source}[{i}]);"
        for i, p in enumerate(params)
    ]


def _call_args(params: tuple[Param, ...]) -> str:
    return ", ".join(f"crate::__rt::adapt(&mut __a{i})" for i in range(len(params)))


def _disposals(params: tuple[Param, ...], indent: str) -> list[str]:
    return [
        f"{indent}crate::__rt::Dispose::dispose(__a{i});"
        for i, p in enumerate(params)
        if p.type.base in ("ListNode", "TreeNode")
    ]


def _function_run(meta: FunctionMeta) -> list[str]:
    ind = " " * 8
    lines = [
        "    pub(crate) fn run() {",
        "        let mut __out = crate::__rt::Channel::open();",
        "        let mut __inp = crate::__rt::Input::from_stdin();",
        f"        while let Some(__t) = __inp.next_test({len(meta.params)}) {{",
    ]
    lines += _bind_args(meta.params, "__t", ind)
    call = f"super::Solution::{snake_case(meta.name)}({_call_args(meta.params)})"
    if meta.output_param is not None:
        lines.append(f"{ind}let _ = {call};")
        lines.append(f"{ind}let __line = crate::__rt::to_json(&__a{meta.output_param});")
    elif meta.returns.is_void:
        lines.append(f"{ind}let _ = {call};")
        lines.append(f'{ind}let __line = String::from("null");')
    else:
        # The return type is left to inference: a submission returning, say,
        # usize where LeetCode says i32 is judged on its values, not rejected.
        lines.append(f"{ind}let __r = {call};")
        lines.append(f"{ind}let __line = crate::__rt::to_json(&__r);")
        if meta.returns.base in ("ListNode", "TreeNode"):
            lines.append(f"{ind}crate::__rt::Dispose::dispose(__r);")
    lines.append(f"{ind}__out.send(__line);")
    lines += _disposals(meta.params, ind)
    lines += ["        }", "    }"]
    return lines


def _method_arm(m: Method) -> list[str]:
    ind = " " * 20
    lines = [f"                {_rust_str(m.name)} => {{"]
    lines += _bind_args(m.params, "__args", ind)
    call = f"__obj.{snake_case(m.name)}({_call_args(m.params)})"
    if m.returns.is_void:
        lines.append(f"{ind}let _ = {call};")
        lines.append(f'{ind}__line.push_str("null");')
    else:
        lines.append(f"{ind}let __r = {call};")
        lines.append(f"{ind}crate::__rt::ToJson::write_json(&__r, &mut __line);")
        if m.returns.base in ("ListNode", "TreeNode"):
            lines.append(f"{ind}crate::__rt::Dispose::dispose(__r);")
    lines += _disposals(m.params, ind)
    lines.append("                }")
    return lines


def _design_run(meta: DesignMeta) -> list[str]:
    lines = [
        "    pub(crate) fn run() {",
        "        let mut __out = crate::__rt::Channel::open();",
        "        let mut __inp = crate::__rt::Input::from_stdin();",
        "        while let Some(__t) = __inp.next_test(2) {",
        "            let __names = crate::__rt::items(&__t[0]);",
        "            let __calls = crate::__rt::items(&__t[1]);",
        "            let __args = crate::__rt::items(&__calls[0]);",
    ]
    lines += _bind_args(meta.constructor, "__args", " " * 12)
    # `let mut` serves methods taking `&self` and `&mut self` alike.
    lines.append(f"            let mut __obj = super::{meta.classname}::new({_call_args(meta.constructor)});")
    lines += _disposals(meta.constructor, " " * 12)
    lines += [
        '            let mut __line = String::from("[null");',
        "            for __k in 1..__names.len() {",
        "                let __args = crate::__rt::items(&__calls[__k]);",
        '                __line.push(\',\');',
        "                match crate::__rt::text(&__names[__k]) {",
    ]
    for m in meta.methods:
        lines += _method_arm(m)
    lines += [
        '                    __other => panic!("judge harness: unknown method {}", __other),',
        "                }",
        "            }",
        "            __line.push(']');",
        "            drop(__obj);",
        "            __out.send(__line);",
        "        }",
        "    }",
    ]
    return lines


def _read(name: str) -> str:
    return runtime_file("rust", name)


def render(meta: FunctionMeta | DesignMeta, source: str) -> dict[str, str]:
    """Files of the harness crate for ``meta`` around the submission ``source``."""
    if isinstance(meta, DesignMeta):
        types = [p.type for p in meta.constructor]
        for m in meta.methods:
            types += [p.type for p in m.params] + [m.returns]
        run = _design_run(meta)
    else:
        types = [p.type for p in meta.params] + [meta.returns]
        run = _function_run(meta)
    judge_mod = ["    #![allow(unused, unused_mut, non_snake_case)]", "    use super::*;"]
    if _uses_nodes(types):
        judge_mod.append(_read("nodes.rs"))
    parts = [
        # Crate attributes and LeetCode's `use` lines (4 lines), then the
        # submission at once, so rustc's line numbers are its own plus 5.
        _read("header.rs").rstrip("\n"),
        "mod user {",
        # First in its module, so that inner attributes (`#![allow]`, `//!`)
        # stay where Rust requires them.
        source.rstrip("\n"),
        "",
        "#[allow(unused_imports)]",
        "use super::*;",
        "",
        "pub(crate) mod __judge {",
        *judge_mod,
        *run,
        "}",
        "}",
        "",
        _read("prelude.rs"),
        "mod __rt {",
        _read("json.rs"),
        "}",
        "",
        "fn main() {",
        "    user::__judge::run();",
        "}",
        "",
    ]
    return {"main.rs": "\n".join(parts)}
