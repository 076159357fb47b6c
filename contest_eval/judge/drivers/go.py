"""Go driver: turns a LeetCode signature and a Go submission into a harness.

LeetCode's Go snippets are package-level functions (design problems: a
``Constructor`` returning the struct and capitalised methods) with no
``package`` clause and, usually, no imports, yet solutions freely use ``sort``,
``strings``, ``container/heap`` … The submission file is therefore completed
with ``package main`` and the standard imports it refers to. The harness
itself lives in separate files whose names all start with ``ce`` (see
``judges/go/runtime/ce_runtime.go``), because everything shares package main.
"""

from __future__ import annotations

import re

from contest_eval.judge.assets import runtime_file
from contest_eval.problems.metadata import DesignMeta, FunctionMeta, Param, TypeRef

SOLUTION_FILE = "solution.go"
MAIN_FILE = "ce_main.go"
RUNTIME_FILE = "ce_runtime.go"
# language.toml's compile_harness names these files explicitly; keep them in sync.
FILES = (SOLUTION_FILE, MAIN_FILE, RUNTIME_FILE)

# Standard packages a LeetCode Go solution may use without importing them:
# local name -> (import path, a package-level use of it). The use is appended
# to the submission so that a false detection (a local variable that happens to
# be called ``list``) cannot become Go's "imported and not used" error.
_STD: dict[str, tuple[str, str]] = {
    "sort": ("sort", "sort.Ints"),
    "strings": ("strings", "strings.Split"),
    "strconv": ("strconv", "strconv.Itoa"),
    "math": ("math", "math.Abs"),
    "bits": ("math/bits", "bits.OnesCount"),
    "rand": ("math/rand", "rand.Intn"),
    "big": ("math/big", "big.NewInt"),
    "heap": ("container/heap", "heap.Init"),
    "list": ("container/list", "list.New"),
    "ring": ("container/ring", "ring.New"),
    "fmt": ("fmt", "fmt.Sprint"),
    "bytes": ("bytes", "bytes.Equal"),
    "unicode": ("unicode", "unicode.IsDigit"),
    "utf8": ("unicode/utf8", "utf8.RuneLen"),
    # Generic functions cannot be mentioned uninstantiated.
    "slices": ("slices", "slices.Sort[[]int]"),
    "maps": ("maps", "maps.Clone[map[int]int]"),
    "cmp": ("cmp", "cmp.Compare[int]"),
    "errors": ("errors", "errors.New"),
    "regexp": ("regexp", "regexp.MustCompile"),
    "time": ("time", "time.Now"),
    "sync": ("sync", "sync.NewCond"),
    "atomic": ("sync/atomic", "atomic.AddInt64"),
    "bufio": ("bufio", "bufio.NewReader"),
    "os": ("os", "os.Exit"),
    "io": ("io", "io.ReadAll"),
    # doocs' accepted make-two-arrays-equal-by-reversing-subarrays calls reflect.DeepEqual unimported.
    "reflect": ("reflect", "reflect.DeepEqual"),
}
# LeetCode's Go also provides github.com/emirpasic/gods, likewise without
# imports (judges/go/Dockerfile installs it on GOPATH).
_GODS = "github.com/emirpasic/gods/"
_STD.update({
    "treemap": (_GODS + "maps/treemap", "treemap.NewWithIntComparator"),
    "treebidimap": (_GODS + "maps/treebidimap", "treebidimap.NewWith"),
    "hashbidimap": (_GODS + "maps/hashbidimap", "hashbidimap.New"),
    "linkedhashmap": (_GODS + "maps/linkedhashmap", "linkedhashmap.New"),
    "redblacktree": (_GODS + "trees/redblacktree", "redblacktree.NewWithIntComparator"),
    "avltree": (_GODS + "trees/avltree", "avltree.NewWithIntComparator"),
    "btree": (_GODS + "trees/btree", "btree.NewWithIntComparator"),
    "binaryheap": (_GODS + "trees/binaryheap", "binaryheap.NewWithIntComparator"),
    "treeset": (_GODS + "sets/treeset", "treeset.NewWithIntComparator"),
    "hashset": (_GODS + "sets/hashset", "hashset.New"),
    "linkedhashset": (_GODS + "sets/linkedhashset", "linkedhashset.New"),
    "arraylist": (_GODS + "lists/arraylist", "arraylist.New"),
    "singlylinkedlist": (_GODS + "lists/singlylinkedlist", "singlylinkedlist.New"),
    "doublylinkedlist": (_GODS + "lists/doublylinkedlist", "doublylinkedlist.New"),
    "arraystack": (_GODS + "stacks/arraystack", "arraystack.New"),
    "linkedliststack": (_GODS + "stacks/linkedliststack", "linkedliststack.New"),
    "utils": (_GODS + "utils", "utils.IntComparator"),
})

_GO_BASE = {
    "integer": "int",
    "long": "int64",
    "double": "float64",
    "boolean": "bool",
    "character": "byte",
    "string": "string",
    "ListNode": "*ListNode",
    "TreeNode": "*TreeNode",
}
_DEC = {"integer": "ceInt", "long": "ceI64", "double": "ceF64", "boolean": "ceBool",
        "character": "ceChar", "string": "ceStr", "ListNode": "ceList", "TreeNode": "ceTree"}
_ENC = {"integer": "ceEncInt", "long": "ceEncI64", "double": "ceEncF64", "boolean": "ceEncBool",
        "character": "ceEncChar", "string": "ceEncStr", "ListNode": "ceEncList", "TreeNode": "ceEncTree"}

_NODE_TYPES = {
    "ListNode": "type ListNode struct {\n\tVal  int\n\tNext *ListNode\n}\n",
    "TreeNode": "type TreeNode struct {\n\tVal   int\n\tLeft  *TreeNode\n\tRight *TreeNode\n}\n",
}

# Comments, interpreted/raw strings and runes, in Go's lexical order of precedence.
_LEXEMES = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|`[^`]*`|\'(?:\\.|[^\'\\\n])*\'', re.S)


def _blank(source: str) -> str:
    """The source with comments and literal contents replaced by spaces.

    Offsets and newlines are preserved so matches map back onto the source,
    and quotes stay so import specs remain recognisable.
    """
    def repl(m: re.Match[str]) -> str:
        text = m.group(0)
        inner = re.sub(r"[^\n]", " ", text)
        if text[0] in "\"`'":
            return text[0] + inner[1:-1] + text[-1]
        return inner
    return _LEXEMES.sub(repl, source)


def _top_level(code: str) -> str:
    """Keep only brace depth 0 of blanked code; function bodies become spaces."""
    out, depth = [], 0
    for ch in code:
        if ch == "}":
            depth -= 1
        out.append(ch if depth <= 0 or ch == "\n" else " ")
        if ch == "{":
            depth += 1
    return "".join(out)


def _declared_names(top: str) -> set[str]:
    names = set(re.findall(r"\b(?:func|type|var|const)\s+([A-Za-z_]\w*)", top))
    for group in re.finditer(r"\b(?:type|var|const)\s*\(([^)]*)\)", top):
        names.update(re.findall(r"(?m)^\s*([A-Za-z_]\w*)", group.group(1)))
    return names


def _imported_names(source: str, code: str) -> set[str]:
    """Names bound by the submission's own imports (alias or last path element)."""
    names: set[str] = set()
    for decl in re.finditer(r'\bimport\s*(\([^)]*\)|[\w.]*\s*"[^"\n]*")', code):
        for spec in re.finditer(r'([\w.]+\s+)?"([^"\n]*)"', decl.group(1)):
            offset = decl.start(1)
            path = source[offset + spec.start(2): offset + spec.end(2)]
            alias = (spec.group(1) or "").strip()
            names.add(alias or path.rsplit("/", 1)[-1])
    return names


def prepare_source(source: str) -> str:
    """Make the submission a compilable file of package main, keeping its line numbers."""
    code = _blank(source)
    top = _top_level(code)
    have = _imported_names(source, code) | _declared_names(top)
    # Package members used from another package are exported, hence capitalised.
    used = set(re.findall(r"(?<![\w.])([a-z]\w*)\.[A-Z]", code))
    missing = sorted(n for n in used if n in _STD and n not in have)
    imports = "".join(f' import "{_STD[n][0]}";' for n in missing)

    # A main() of the submission's own (a local test) would clash with the
    # harness's; it comes after the package clause, so offsets below still hold.
    for m in reversed(list(re.finditer(r"\bfunc\s+(main)\s*\(\s*\)", top))):
        source = source[: m.start(1)] + "ceUserMain" + source[m.end(1):]

    # Everything is added on the package clause's line, so compiler messages and
    # panics point at the submission's own line numbers.
    pkg = re.match(r"\s*(package\s+\w+[ \t]*;?)", code)
    if pkg:
        source = source[: pkg.start(1)] + "package main;" + imports + source[pkg.end(1):]
    else:
        source = "package main;" + imports + " " + source
    if not source.endswith("\n"):
        source += "\n"
    return source + "".join(f"var _ = {_STD[n][1]}\n" for n in missing)


def go_type(t: TypeRef) -> str:
    return "[]" * t.depth + _GO_BASE[t.base]


def _decoder(t: TypeRef) -> str:
    """A Go func(*ceJ) T expression for type t."""
    if t.depth == 0:
        return _DEC[t.base]
    inner = t.element()
    return f"func(v *ceJ) {go_type(t)} {{ return ceArr(v, {_decoder(inner)}) }}"


def _encoder(t: TypeRef) -> str:
    """A Go func(*ceW, T) expression for type t."""
    if t.depth == 0:
        return _ENC[t.base]
    return f"func(w *ceW, x {go_type(t)}) {{ ceEncArr(w, x, {_encoder(t.element())}) }}"


def _decode(t: TypeRef, expr: str) -> str:
    return f"{_decoder(t)}({expr})"


# Every main reads one test per line until stdin ends.
_LOOP_HEAD = ["func main() {", "\tfor {", "\t\tceFirst, ceOk := ceLine()", "\t\tif !ceOk {", "\t\t\treturn", "\t\t}"]


def _function_main(meta: FunctionMeta) -> list[str]:
    n = len(meta.params)
    lines = list(_LOOP_HEAD)
    if n == 0:
        lines.append("\t\t_ = ceFirst")
    # Every line of the test is read and decoded before user code runs.
    for i, p in enumerate(meta.params):
        src = "ceParse(ceFirst)" if i == 0 else "ceNext()"
        lines.append(f"\t\tceA{i} := {_decode(p.type, src)}")
    args = ", ".join(f"ceA{i}" for i in range(n))
    call = f"{meta.name}({args})"
    lines.append("\t\tceOut := &ceW{}")
    if not meta.returns.is_void:
        lines.append(f"\t\t{_encoder(meta.returns)}(ceOut, {call})")
    elif meta.output_param is not None:
        k = meta.output_param
        lines += [f"\t\t{call}", f"\t\t{_encoder(meta.params[k].type)}(ceOut, ceA{k})"]
    else:
        lines += [f"\t\t{call}", "\t\tceNull(ceOut)"]
    lines += ["\t\tceEmit(ceOut)", "\t}", "}"]
    return lines


def _inferred_function_main(meta: FunctionMeta) -> list[str]:
    """metaData inferred from another language: decode and encode by the
    submission's declared types (reflection, ce_runtime.go)."""
    n = len(meta.params)
    reads = ["ceParse(ceFirst)"] + ["ceNext()"] * (n - 1) if n else []
    out = -1 if meta.output_param is None else meta.output_param
    return _LOOP_HEAD + [
        "\t\t_ = ceFirst",
        f"\t\tceArgs := []*ceJ{{{', '.join(reads)}}}",
        "\t\tceOut := &ceW{}",
        f"\t\tceCallFunc(ceOut, {meta.name}, {_go_string(meta.name)}, ceArgs, {_go_string(str(meta.result_type))}, {out})",
        "\t\tceEmit(ceOut)",
        "\t}",
        "}",
    ]


def _args(params: tuple[Param, ...]) -> str:
    return ", ".join(_decode(p.type, f"ceX[{i}]") for i, p in enumerate(params))


def _design_main(meta: DesignMeta) -> list[str]:
    lines = _LOOP_HEAD + [
        "\t\tceNames := ceArr(ceParse(ceFirst), ceStr)",
        "\t\tceCalls := ceArr(ceNext(), func(v *ceJ) []*ceJ { return ceArr(v, func(x *ceJ) *ceJ { return x }) })",
        "\t\tif len(ceNames) == 0 || len(ceCalls) != len(ceNames) {",
        '\t\t\tceFail("design test needs as many argument lists as calls")',
        "\t\t}",
        "\t\tceX := ceCalls[0]",
        "\t\tceOut := &ceW{}",
        '\t\tceEncRaw(ceOut, "[null")',
        # LeetCode's Go design API: Constructor returns the struct; whether the
        # methods take a pointer or value receiver, calls on a variable work.
        "\t\tceObj := ceConstruct(Constructor, ceX)" if meta.inferred else f"\t\tceObj := Constructor({_args(meta.constructor)})",
        "\t\tfor ceI := 1; ceI < len(ceNames); ceI++ {",
        "\t\t\tceX = ceCalls[ceI]",
        "\t\t\tceEncSep(ceOut, false)",
        "\t\t\tswitch ceNames[ceI] {",
    ]
    for m in meta.methods:
        call = f"ceObj.{m.name[:1].upper()}{m.name[1:]}({_args(m.params)})"
        lines.append(f"\t\t\tcase {_go_string(m.name)}:")
        if meta.inferred:
            upper = _go_string(m.name[:1].upper() + m.name[1:])
            lines.append(f"\t\t\t\tceCallMethod(ceOut, ceObj, {upper}, ceX, {_go_string(str(m.returns))})")
        elif m.returns.is_void:
            lines += [f"\t\t\t\t{call}", "\t\t\t\tceNull(ceOut)"]
        else:
            lines.append(f"\t\t\t\t{_encoder(m.returns)}(ceOut, {call})")
    lines += [
        "\t\t\tdefault:",
        '\t\t\t\tceFail("unknown method " + ceNames[ceI])',
        "\t\t\t}",
        "\t\t}",
        "\t\t_ = ceX",
        '\t\tceEncRaw(ceOut, "]")',
        "\t\tceEmit(ceOut)",
        "\t}",
        "}",
    ]
    return lines


def _go_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _node_types(source: str) -> list[str]:
    """LeetCode predefines ListNode and TreeNode; a submission that (re)defines
    one keeps its own rather than failing with a redeclaration."""
    top = _top_level(_blank(source))
    return [decl for name, decl in _NODE_TYPES.items()
            if not re.search(rf"\btype\s+{name}\b", top)]


def render(meta: FunctionMeta | DesignMeta, source: str) -> dict[str, str]:
    """Files of the harness, keyed by name relative to the compile directory."""
    if isinstance(meta, DesignMeta):
        body = _design_main(meta)
    else:
        body = _inferred_function_main(meta) if meta.inferred else _function_main(meta)
    main = "\n".join(
        ["// Generated by contest_eval.judge.drivers.go; see judges/PROTOCOL.md.", "package main", ""]
        + _node_types(source) + body
    ) + "\n"
    return {
        SOLUTION_FILE: prepare_source(source),
        MAIN_FILE: main,
        RUNTIME_FILE: runtime_file("go", RUNTIME_FILE),
    }
