"""`suite draft` for stdin problems: Input sections parsed into a format model, generated
inputs re-read against it, and one drafted recipe built end to end with the real Docker judge.

Statements: the recorded scraper fixtures (Codeforces 118A, AtCoder abc096_a) go through the
real scrapers' parse functions; the others are HAND-WRITTEN in the platforms' HTML shape
(tests/fixtures/draft_stdin/README.md, and the inline ones below)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import FIXTURES
from contest_eval.problems.record import Example, ProblemRecord, Rejected
from contest_eval.scrape.atcoder import parse_task_page
from contest_eval.scrape.codeforces import parse_problem_page
from contest_eval.suite.draft import DraftError, DraftInput, RefSource, draft_problem
from contest_eval.suite.draft.stdin_generator import generate
from contest_eval.suite.draft.stdin_model import StdinModel
from contest_eval.suite.draft.stdin_recipe import parse_statement, stdin_compare
from contest_eval.suite.draft.stdin_terms import normalise
from contest_eval.suite.draft.stdin_validity import violations
from contest_eval.suite.recipe import load_suite
from test_cli import cli

HERE = FIXTURES / "draft_stdin"


def _cf_page() -> str:
    page = parse_problem_page((FIXTURES / "scrape" / "codeforces" / "118A.html").read_text(encoding="utf-8"), "118A")
    assert not isinstance(page, Rejected)
    return page.statement_html


def _atcoder_page() -> ProblemRecord:
    rec = parse_task_page((FIXTURES / "scrape" / "atcoder" / "abc096_a.html").read_text(encoding="utf-8"), "abc096", "abc096_a")
    assert isinstance(rec, ProblemRecord)
    return rec


def _model(name: str) -> StdinModel:
    model = parse_statement((HERE / name).read_text(encoding="utf-8"))
    assert model is not None
    return model


def _kinds(model: StdinModel) -> list[tuple[str, list[str], str | None, str]]:
    return [(ln.kind, ln.names, ln.count, ln.scope) for ln in model.lines]


# Hand-written Codeforces-shaped statements (inline: each is one Input section).
def _cf(*paragraphs: str, output: str = "Print the answer.") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<div class="legend"><p>Hand-written test statement.</p></div><div class="input-specification">'
            f'<div class="section-title">Input</div>{body}</div><div class="output-specification">'
            f'<div class="section-title">Output</div><p>{output}</p></div>')


def test_math_spellings_are_one() -> None:
    assert normalise("$$$1 \\le n \\le 2 \\cdot 10^5$$$") == "1 <= n <= 2*10^5"
    assert normalise("1 ≤ a_i ≤ 10^{9}") == "1 <= a_i <= 10^9"
    assert normalise("1 \\leq N \\leq 2\\times 10^5") == "1 <= N <= 2*10^5"
    assert normalise("$$$u_i \\ne v_i$$$, $$$250\\,000$$$") == "u_i != v_i, 250000"
    assert normalise("$$$a_1, a_2, \\ldots, a_n$$$") == "a_1, a_2, ..., a_n"


def test_recorded_codeforces_page() -> None:
    """118A: "The first line is the input string, of length from 1 to 100 inclusive"; the
    characters come from the legend ("uppercase and lowercase Latin letters")."""
    model = parse_statement(_cf_page())
    assert model is not None and model.unparsed == []
    assert _kinds(model) == [("string", ["s"], None, "head")]
    assert (model.bounds["len_s"].lo, model.bounds["len_s"].hi) == (["1"], ["100"])
    assert set(model.alphabet["s"]) == set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    made = generate(model, random.Random(5))
    lengths = [len(c["stdin"]) - 1 for c in made.cases]
    assert made.dropped == 0 and len(made.cases) >= 30 and min(lengths) == 1 and max(lengths) == 100


def test_recorded_atcoder_page_parses_but_waits_for_its_date_rule(tmp_path: Path) -> None:
    """abc096_a: `a b` with bounds is understood; "2018-a-b is a valid date" is not, so the
    draft is a stub with a waiting reason (never a generator that makes Feb 30)."""
    rec = _atcoder_page()
    model = parse_statement(rec.statement_html)
    assert model is not None and _kinds(model) == [("ints", ["a", "b"], None, "head")]
    assert model.bounds["a"].hi == ["12"] and model.bounds["b"].hi == ["31"]
    assert len(model.unparsed) == 1 and "valid date" in model.unparsed[0]
    d = DraftInput("atcoder", rec.slug, rec.title, "stdin", None, rec.statement_html,
                   [{"input": e.input, "output": e.output} for e in rec.examples], time_limit_ms=rec.time_limit_ms,
                   memory_limit_mb=rec.memory_limit_mb)
    refs = [RefSource("hand", "hand", "python3", "a,b=map(int,input().split())\nprint(a-1+(b>=a))\n", "py"),
            RefSource("hand", "other", "cpp", "#include <cstdio>\nint main(){int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a-1+(b>=a));}\n", "cpp")]
    result = draft_problem(d, tmp_path / "out", refs)
    folder = tmp_path / "out" / "abc096_a"
    assert result.recipe_dir is None and "not understood" in (result.waiting or "")
    assert (folder / "problem.toml.draft").is_file() and not (folder / "problem.toml").exists()
    stub = (folder / "gen.py").read_text()
    assert "STUB" in stub and "valid date" in stub
    assert json.loads((folder / "draft.json").read_text())["unparsed"] == result.unparsed
    assert load_suite(tmp_path / "out")[1] == []  # suite build skips it


def test_codeforces_multitest_array_with_sum() -> None:
    model = _model("cf_multitest_array.html")
    assert model.unparsed == [] and model.cases == "t"
    assert _kinds(model) == [("ints", ["t"], None, "head"), ("ints", ["n", "k"], None, "case"), ("array", ["a"], "n", "case")]
    assert model.bounds["k"].hi == ["n"] and model.bounds["a"].hi == ["10**9"]
    assert model.sums == [{"ids": ["n"], "cap": "2*10**5"}]


def test_codeforces_tree_string_grid_permutation() -> None:
    tree = _model("cf_tree.html")
    assert tree.unparsed == [] and _kinds(tree)[1:] == [("string", ["s"], None, "head"), ("rows", ["u", "v"], "n-1", "head")]
    assert tree.props == {"u": ["tree"]} and ["u", "!=", "v"] in tree.relations and tree.bounds["len_s"].hi == ["n"]
    grid = _model("cf_grid_perm.html")
    assert grid.unparsed == [] and ("grid", ["grid"], "n", "case") in _kinds(grid)
    assert grid.alphabet["grid"] == "#." and grid.props["p"] == ["permutation"]
    assert grid.sums == [{"ids": ["n", "m"], "cap": "250000"}] and grid.bounds["m"].hi == ["500"]


def test_atcoder_layout_and_constraints() -> None:
    model = _model("atcoder_graph.html")
    assert model.unparsed == []
    assert _kinds(model) == [("ints", ["N", "M"], None, "head"), ("array", ["A"], "N", "head"),
                             ("rows", ["u", "v"], "M", "head"), ("string", ["S"], None, "head")]
    assert ["u", "<", "v"] in model.relations and set(model.props["u"]) == {"distinct_edges", "connected"}
    assert model.bounds["u"].hi == ["N"] and model.bounds["v"].lo == ["1"] and model.alphabet["S"] == "abcdefghijklmnopqrstuvwxyz"


def test_more_atcoder_constraint_phrasings() -> None:
    """Hand-written AtCoder-shaped Constraints list: absolute values, "X, Y are integers",
    "i ≠ j ⇒ A_i ≠ A_j", the ≦ sign, powers, "All values … except for S are integers"."""
    html = ('<div class="part"><section><h3>Constraints</h3><ul>'
            '<li><var>1 \\leq K \\leq N \\leq 2\\times 10^5</var></li><li><var>|A_i| \\leq 10^9</var></li>'
            '<li><var>N, K</var> are integers.</li><li><var>i \\neq j \\Rightarrow A_i \\neq A_j</var></li>'
            '<li><var>1 ≦ M ≦ N^2</var></li><li>All values in the input except for <var>S</var> are integers.</li>'
            '<li><var>S</var> is a string of length <var>N</var> consisting of <code>a</code> and <code>b</code>.</li></ul></section></div>'
            '<div class="part"><section><h3>Input</h3><p>The input is given from Standard Input in the following format:</p>'
            '<pre><var>N</var> <var>K</var> <var>M</var>\n<var>A_1</var> <var>\\ldots</var> <var>A_N</var>\n<var>S</var>\n</pre></section></div>')
    model = parse_statement(html)
    assert model is not None and model.unparsed == []
    assert model.bounds["A"].lo == ["-(10**9)"] and model.props == {"A": ["distinct"]} and model.bounds["M"].hi == ["N**2"]
    assert model.bounds["K"].hi == ["N"] and model.alphabet["S"] == "ab" and model.bounds["len_S"].hi == ["N"]
    made = generate(model, random.Random(3))
    assert len(made.cases) >= 30 and made.dropped == 0 and all(violations(model, c["stdin"]) == [] for c in made.cases)
    assert violations(model, "2 1 4\n5 5\nab\n")  # A_i repeat


def test_more_codeforces_phrasings() -> None:
    model = parse_statement(_cf(
        "The first line contains three integers n, m and q (1 ≤ n, m ≤ 1000, 1 ≤ q ≤ 10^{5}).",
        "The second line contains n distinct integers b_1, b_2, …, b_n (0 ≤ b_i < 2^{30}).",
        "The third line contains a binary string s of length m.",
        "Then q lines follow, each containing two integers l_i and r_i (1 ≤ l_i ≤ r_i ≤ m)."))
    assert model is not None and model.unparsed == [], model.unparsed
    assert _kinds(model) == [("ints", ["n", "m", "q"], None, "head"), ("array", ["b"], "n", "head"),
                             ("string", ["s"], None, "head"), ("rows", ["l", "r"], "q", "head")]
    assert model.props["b"] == ["distinct"] and model.bounds["b"].hi == ["(2**30) - 1"] and model.alphabet["s"] == "01"
    assert ["l", "<=", "r"] in model.relations and model.bounds["l"].hi == ["m"]
    made = generate(model, random.Random(2))
    assert made.dropped == 0 and len(made.cases) >= 30
    big = parse_statement(_cf(
        "Each test consists of several test cases. The first line contains a single integer $$$t$$$ ($$$1 \\le t \\le 10^4$$$) "
        "— the number of test cases. Then follow the descriptions of the test cases.",
        "The first and only line of each test case contains integers $$$a$$$, $$$b$$$, $$$m$$$ ($$$1 \\le a, b, m \\le 10^{18}$$$)."))
    assert big is not None and big.unparsed == [] and _kinds(big)[1] == ("ints", ["a", "b", "m"], None, "case")
    values = [int(v) for c in generate(big, random.Random(2)).cases for line in c["stdin"].split("\n")[1:] for v in line.split()]
    assert max(values) == 10**18 and min(values) == 1


def test_graph_matrix_and_older_phrasings() -> None:
    graph = parse_statement(_cf(
        "The first line contains two integers $$$n$$$ and $$$m$$$ ($$$2 \\le n \\le 2 \\cdot 10^5$$$, $$$n - 1 \\le m \\le 2 \\cdot 10^5$$$).",
        "Then $$$m$$$ lines follow. The $$$i$$$-th of them contains three integers $$$u_i$$$, $$$v_i$$$ and $$$w_i$$$ "
        "($$$1 \\le u_i, v_i \\le n$$$, $$$1 \\le w_i \\le 10^9$$$) — an edge of weight $$$w_i$$$.",
        "It is guaranteed that the graph is connected and has no self-loops or multiple edges."))
    assert graph is not None and graph.unparsed == []
    assert _kinds(graph)[1] == ("rows", ["u", "v", "w"], "m", "head") and set(graph.props["u"]) == {"connected", "simple"}
    assert "(n) * ((n) - 1) // 2" in graph.bounds["m"].hi  # implied by distinct edges: the sampler never dead-ends
    matrix = parse_statement(_cf(
        "The first line contains integers n, m, k (1 ≤ n, m ≤ 300, 0 ≤ k ≤ 10^9).",
        "Each of the next $$$n$$$ lines contains $$$m$$$ integers $$$a_{i,1}, a_{i,2}, \\ldots, a_{i,m}$$$ ($$$-10^9 \\le a_{i,j} \\le 10^9$$$)."))
    assert matrix is not None and matrix.unparsed == [] and _kinds(matrix)[1] == ("matrix", ["a"], "n", "head")
    assert matrix.bounds["a"].lo == ["-10**9"]
    old = parse_statement(_cf("The first line contains integer n (1 ≤ n ≤ 100).",
                              "The second line contains n space-separated integers a1, a2, ..., an (1 ≤ ai ≤ 1000)."))
    assert old is not None and old.unparsed == [] and old.bounds["a"].hi == ["1000"]
    perm = parse_statement(_cf(
        "The first line contains the number of test cases $$$t$$$ ($$$1 \\le t \\le 1000$$$).",
        "The first line of each test case contains one integer $$$n$$$ ($$$1 \\le n \\le 50$$$).",
        "The second line of each test case contains $$$n$$$ integers $$$p_1, p_2, \\dots, p_n$$$ ($$$1 \\le p_i \\le n$$$, "
        "all $$$p_i$$$ are distinct) — the permutation."))
    assert perm is not None and perm.unparsed == [] and perm.cases == "t"
    assert perm.props["p"] == ["distinct"] and perm.bounds["p"].hi == ["n"]
    for model in (graph, matrix, old, perm):
        made = generate(model, random.Random(4))
        assert len(made.cases) >= 30 and made.dropped == 0, made.reasons
        assert all(violations(model, c["stdin"]) == [] for c in made.cases)


def test_sums_min_bounds_and_quoted_characters() -> None:
    two = parse_statement(_cf(
        "The first line contains a single integer $$$t$$$ ($$$1 \\le t \\le 10^4$$$) — the number of test cases.",
        "The first line of each test case contains three integers $$$n$$$, $$$m$$$ and $$$k$$$ ($$$1 \\le n, m \\le 2 \\cdot 10^5$$$, "
        "$$$1 \\le k \\le \\min(n, 100)$$$).",
        "The second line of each test case contains $$$n$$$ integers $$$a_1, a_2, \\ldots, a_n$$$ ($$$1 \\le a_i \\le 10^9$$$).",
        "The third line of each test case contains $$$m$$$ integers $$$b_1, b_2, \\ldots, b_m$$$ ($$$1 \\le b_i \\le 10^9$$$).",
        "It is guaranteed that the sum of $$$n$$$ and the sum of $$$m$$$ over all test cases do not exceed $$$2 \\cdot 10^5$$$."))
    assert two is not None and two.unparsed == [] and two.bounds["k"].hi == ["min(n, 100)"]
    assert two.sums == [{"ids": ["n"], "cap": "2*10**5"}, {"ids": ["m"], "cap": "2*10**5"}]
    strings = parse_statement(_cf(
        "The first line contains a single integer $$$t$$$ ($$$1 \\le t \\le 10^4$$$) — the number of test cases.",
        "The only line of each test case contains a string $$$s$$$ ($$$1 \\le |s| \\le 2 \\cdot 10^5$$$), consisting of characters «A» and «B».",
        "It is guaranteed that $$$\\sum |s| \\le 2 \\cdot 10^5$$$."))
    assert strings is not None and strings.unparsed == [] and strings.alphabet == {"s": "AB"}
    assert strings.sums == [{"ids": ["len_s"], "cap": "2*10**5"}]
    for model in (two, strings):
        made = generate(model, random.Random(8))
        assert len(made.cases) >= 30 and made.dropped == 0 and all(violations(model, c["stdin"]) == [] for c in made.cases)


def test_product_bounded_grid_and_bare_names() -> None:
    model = parse_statement(_cf(
        "The first line contains $$$t$$$ ($$$1 \\leq t \\leq 1000$$$)  — the number of test cases.",
        "The first line of each test case contains $$$n$$$ and $$$m$$$ ($$$1 \\leq n \\cdot m \\leq 2 \\cdot 10^5$$$) — the height and width.",
        "The next $$$n$$$ lines contains $$$m$$$ characters '.' or '#'. If the character is '#', the cell is blocked.",
        "It is guaranteed the sum of $$$n \\cdot m$$$ over all test cases does not exceed $$$2 \\cdot 10^5$$$."))
    assert model is not None and model.unparsed == [] and model.cases == "t"
    assert model.products == [{"ids": ["n", "m"], "lo": "1", "hi": "2*10**5"}] and model.bounds["m"].hi == ["2*10**5"]
    made = generate(model, random.Random(6))
    assert len(made.cases) >= 30 and made.dropped == 0 and all(violations(model, c["stdin"]) == [] for c in made.cases)
    assert violations(model, "1\n2 3\n...\n.#.\n") == []
    assert violations(model, "1\n1 200001\n" + "." * 200001 + "\n")  # n*m over its bound


def test_atcoder_multitest_grid_and_words() -> None:
    model = _model("atcoder_multitest.html")
    assert model.unparsed == [] and model.cases == "T"
    assert _kinds(model)[1:] == [("ints", ["H", "W"], None, "case"), ("grid", ["S"], "H", "case"), ("ints", ["K"], None, "case"),
                                 ("words", ["X"], "K", "case")]
    assert model.alphabet["S"] == "#." and model.props["X"] == ["distinct"] and model.sums == [{"ids": ["H", "W"], "cap": "3*10**5"}]
    assert violations(model, "1\n1 2\n.#\n2\nab\nb\n") == []
    assert violations(model, "1\n1 2\n.#\n2\nab\nab\n")  # X_i repeat
    assert violations(model, "1\n1 2\n.#\n1\nabcdef\n")  # |X_i| <= 5


def test_unknown_lines_and_guarantees_are_listed_not_guessed() -> None:
    model = parse_statement(_cf(
        "The first line contains two integers n and q (1 ≤ n, q ≤ 2·10^5).",
        "Each of the next q lines contains a query of the form «1 x» or «2 l r».",
        "It is guaranteed that there is at least one query of the second type."))
    assert model is not None and len(model.unparsed) == 2
    assert "query" in model.unparsed[0] and "at least one query" in model.unparsed[1]
    page = parse_problem_page((FIXTURES / "scrape" / "codeforces" / "pre_plain.html").read_text(encoding="utf-8"), "1644A")
    assert not isinstance(page, Rejected)
    hallway = parse_statement(page.statement_html)  # "Each of the next t lines is a hallway map."
    assert hallway is not None and hallway.cases == "t" and len(hallway.unparsed) == 1 and "hallway" in hallway.unparsed[0]
    bounded = parse_statement(_cf("The first line contains a single integer n."))
    assert bounded is not None and any("n: no" in u for u in bounded.unparsed)
    # No constraint word, but it speaks of a_i: not passed over as description (vertex numbering is).
    even = parse_statement(_cf("The first line contains a single integer $$$n$$$ ($$$1 \\le n \\le 10$$$).",
                               "The second line contains $$$n$$$ integers $$$a_1, a_2, \\ldots, a_n$$$ ($$$1 \\le a_i \\le 10$$$).",
                               "Vertices are numbered from 1 to n.", "All $$$a_i$$$ are even."))
    assert even is not None and len(even.unparsed) == 1 and "speaks of a" in even.unparsed[0]
    pairwise = parse_statement(_cf("The first line contains a single integer $$$n$$$ ($$$1 \\le n \\le 10$$$).",
                                   "The second line contains $$$n$$$ integers $$$b_1, b_2, \\ldots, b_n$$$ ($$$1 \\le b_i \\le 10$$$).",
                                   "The third line contains $$$n$$$ integers $$$a_1, a_2, \\ldots, a_n$$$ ($$$1 \\le a_i \\le b_i$$$)."))
    assert pairwise is not None and any("not fields of one row" in u for u in pairwise.unparsed)  # a_i <= b_i: not sampled
    words = parse_statement(_cf("The first line contains a single integer $$$n$$$ ($$$1 \\le n \\le 10$$$).",
                                "The second line contains $$$n$$$ distinct strings."))
    assert words is not None and any("not an array" in u or "not understood" in u for u in words.unparsed)


def test_codeforces_lines_of_strings() -> None:
    model = parse_statement(_cf(
        "The first line contains a single integer $$$n$$$ ($$$1 \\le n \\le 1000$$$).",
        "Each of the next $$$n$$$ lines contains a string $$$s_i$$$ ($$$1 \\le |s_i| \\le 10$$$) consisting of lowercase Latin letters.",
        "All strings $$$s_i$$$ are distinct."))
    assert model is not None and model.unparsed == [] and _kinds(model)[1] == ("words", ["s"], "n", "head")
    assert model.props == {"s": ["distinct"]} and model.bounds["len_s"].hi == ["10"]
    made = generate(model, random.Random(1))
    assert len(made.cases) >= 30 and made.dropped == 0 and all(violations(model, c["stdin"]) == [] for c in made.cases)
    assert violations(model, "2\nab\nab\n") and violations(model, "1\nabcdefghijk\n")


def test_sorted_arrays_from_chains() -> None:
    model = parse_statement(_cf("The first line contains a single integer $$$n$$$ ($$$1 \\le n \\le 10^5$$$).",
                                "The second line contains $$$n$$$ integers $$$a_1, a_2, \\ldots, a_n$$$ "
                                "($$$1 \\le a_1 < a_2 < \\ldots < a_n \\le 10^9$$$)."))
    assert model is not None and model.unparsed == [] and model.props == {"a": ["sorted", "distinct"]}
    assert (model.bounds["a"].lo, model.bounds["a"].hi) == (["1"], ["10**9"])
    made = generate(model, random.Random(9))
    assert len(made.cases) >= 30 and made.dropped == 0 and all(violations(model, c["stdin"]) == [] for c in made.cases)
    assert violations(model, "3\n1 3 2\n") and violations(model, "2\n4 4\n")


def test_comparison_policy_from_the_output_section() -> None:
    assert stdin_compare(_cf("x", output="Print one integer.")) == ("tokens", "")
    assert stdin_compare(_cf("x", output="If there are multiple answers, print any of them."))[0] is None
    assert stdin_compare(_cf("x", output="Print YES or NO. You can output the answer in any case (upper or lower)."))[0] == "tokens_nocase"
    policy, _ = stdin_compare(_cf("x", output="Your answer is accepted if its absolute or relative error does not exceed $$$10^{-6}$$$."))
    assert policy == "float(abs=1e-6,rel=1e-6)"


@pytest.mark.parametrize("name", ["cf_multitest_array.html", "cf_tree.html", "cf_grid_perm.html", "atcoder_graph.html",
                                  "atcoder_multitest.html"])
def test_generated_inputs_validate_and_reach_the_limits(name: str) -> None:
    model = _model(name)
    made = generate(model, random.Random(11))
    assert len(made.cases) >= 30 and made.dropped == 0, made.reasons
    texts = [c["stdin"] for c in made.cases]
    assert all(violations(model, t) == [] for t in texts)
    assert max(len(t) for t in texts) <= 6_000_000 and len(set(texts)) == len(texts)
    firsts = [list(map(int, t.split("\n", 1)[0].split())) for t in texts]
    size = {"cf_multitest_array.html": None, "cf_tree.html": (2, 200_000), "cf_grid_perm.html": None,
            "atcoder_graph.html": (2, 200_000), "atcoder_multitest.html": False}[name]
    if size is False:  # many test cases in one input, and one case as large as the sum allows
        counts = [f[0] for f in firsts]
        assert min(counts) == 1 and max(counts) >= 1000
    elif size is not None:  # the first number is n: the minimum and the maximum are both generated
        assert min(f[0] for f in firsts) == size[0] and max(f[0] for f in firsts) == size[1]
    else:  # multi-test: t = 1 and a single case at the summed maximum; and many test cases in one input
        totals = [_case_sizes(model, t) for t in texts]
        assert max(sum(s) for s in totals) == (200_000 if name == "cf_multitest_array.html" else 250_000)
        assert min(min(s) for s in totals) == 1 and max(len(s) for s in totals) >= 1000
    if name == "cf_grid_perm.html":  # (the quickest to generate twice)
        assert generate(model, random.Random(11)).cases == made.cases  # deterministic for the seed


def _case_sizes(model: StdinModel, text: str) -> list[int]:
    """Per test case, the product of the summed ids (read with the model's layout)."""
    lines = text.split("\n")
    t, pos, out = int(lines[0]), 1, []
    for _ in range(t):
        n, m = map(int, lines[pos].split()[:2])
        pos += 2 if model.cases and model.line_of("a") else 1 + n + 1
        out.append(n if model.line_of("a") else n * m)
    return out


def test_the_checker_rejects_what_the_statement_forbids() -> None:
    multi = _model("cf_multitest_array.html")
    assert violations(multi, "2\n3 3\n1 2 3\n1 1\n5\n") == []
    assert violations(multi, "1\n3 4\n1 2 3\n")  # k > n
    assert violations(multi, "1\n3 3\n1 2\n")  # too few values
    assert violations(multi, "1\n2 1\n0 5\n")  # a_i < 1
    assert violations(multi, "2\n3 3\n1 2 3\n")  # a test case is missing
    assert violations(multi, "1\n1 1\n5\nextra\n")  # lines after the end
    assert violations(multi, "1\n1 1\n05\n") and violations(multi, "1\n1 1\n5")  # integer syntax, final newline
    big = "2\n" + "".join(f"150000 1\n{' '.join(['1'] * 150000)}\n" for _ in range(2))
    assert any("sum of n" in v for v in violations(multi, big))
    tree = _model("cf_tree.html")
    assert violations(tree, "3\nabc\n1 2\n2 3\n") == []
    assert violations(tree, "3\nabc\n1 2\n1 2\n")  # not a tree
    assert violations(tree, "3\nabc\n1 1\n2 3\n")  # u_i != v_i
    assert violations(tree, "3\nabC\n1 2\n2 3\n") and violations(tree, "3\nab\n1 2\n2 3\n")  # characters, |s| = n
    grid = _model("cf_grid_perm.html")
    assert violations(grid, "1\n2 2\n.#\n#.\n2 1\n") == []
    assert violations(grid, "1\n2 2\n.#\n#.\n1 1\n")  # not a permutation
    assert violations(grid, "1\n2 2\n.x\n#.\n2 1\n") and violations(grid, "1\n2 2\n.#\n#\n2 1\n")
    graph = _model("atcoder_graph.html")
    assert violations(graph, "3 2\n1 2 3\n1 2\n2 3\nab\n") == []
    assert violations(graph, "3 2\n1 2 3\n2 1\n2 3\nab\n")  # u_i < v_i
    assert violations(graph, "4 2\n1 2 3 4\n1 2\n3 4\nab\n")  # not connected
    assert violations(graph, "3 3\n1 2 3\n1 2\n2 3\n1 2\nab\n")  # a repeated edge


# Hand-written statements in the plain-text shape imports (LiveCodeBench) store, without HTML.
ATCODER_TEXT = """You are given N integers A_1, \\ldots, A_N and a string S.

Input

The input is given from Standard Input in the following format:
N
A_1 A_2 \\ldots A_N
S

Output

Print the answer.

Constraints


- 1 \\leq N \\leq 2\\times 10^5
- 1 \\leq A_i \\leq 10^9
- S is a string of length N consisting of lowercase English letters.
- All input values except S are integers.
"""
CODEFORCES_TEXT = """You are given an array of n integers.

-----Input-----

The first line contains a single integer $t$ ($1 \\le t \\le 10^4$) — the number of test cases.

The first line of each test case contains one integer $n$ ($1 \\le n \\le 2 \\cdot 10^5$).

The second line of each test case contains $n$ integers $a_1, a_2, \\dots, a_n$ ($1 \\le a_i \\le 10^9$).

It is guaranteed that the sum of $n$ over all test cases does not exceed $2 \\cdot 10^5$.

-----Output-----

For each test case, print one integer.
"""


@pytest.mark.parametrize("text", [ATCODER_TEXT, CODEFORCES_TEXT], ids=["atcoder", "codeforces"])
def test_statements_stored_as_text_are_drafted(tmp_path: Path, text: str) -> None:
    refs = [RefSource("hand", "a", "python3", "print(0)\n", "a"), RefSource("hand", "b", "cpp", "int main(){}\n", "b")]
    d = DraftInput("atcoder", "t1", "T1", "stdin", None, "", statement_text=text, time_limit_ms=2000)
    result = draft_problem(d, tmp_path / "out", refs)
    assert result.unparsed == [] and result.waiting is None and result.tests >= 30, (result.unparsed, result.waiting)
    (recipe,) = load_suite(tmp_path / "out")[1]
    inputs = recipe.generate()
    assert recipe.kind == "stdin" and recipe.compare == "tokens" and len(inputs) == result.tests


def test_an_example_that_does_not_fit_the_model_stops_the_generator(tmp_path: Path) -> None:
    """The statement's examples are read back against the model: a misread format never becomes a generator."""
    html = (HERE / "cf_multitest_array.html").read_text(encoding="utf-8")
    refs = [RefSource("hand", "a", "python3", "print(0)\n", "a"), RefSource("hand", "b", "cpp", "int main(){}\n", "b")]
    good = draft_problem(DraftInput("codeforces", "g1", "G", "stdin", None, html,
                                    [{"input": "2\n3 3\n1 2 3\n1 1\n5\n", "output": "3\n1\n"}]), tmp_path / "out", refs)
    assert good.waiting is None and "example 1 fits the parsed input format" in good.parsed
    bad = draft_problem(DraftInput("codeforces", "g2", "G", "stdin", None, html,
                                   [{"input": "1\n3 3\n1 2 3 4\n", "output": "3\n"}]), tmp_path / "out", refs)
    assert bad.recipe_dir is None and any(u.startswith("example 1 does not fit") for u in bad.unparsed)
    assert "STUB" in (tmp_path / "out" / "g2" / "gen.py").read_text()


def test_what_cannot_be_drafted_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="no statement stored"):
        draft_problem(DraftInput("codeforces", "1A", "A", "stdin", None, ""), tmp_path, [])
    with pytest.raises(DraftError, match="no Input section"):
        draft_problem(DraftInput("codeforces", "1A", "A", "stdin", None, "<p>Just a story.</p>"), tmp_path, [])
    with pytest.raises(DraftError, match="only function and stdin"):
        draft_problem(DraftInput("leetcode", "x", "X", "design", None, "<p>x</p>"), tmp_path, [])
    assert not any(tmp_path.iterdir())


@pytest.mark.docker
def test_stored_stdin_problem_drafted_built_and_used(tmp_path: Path, judge) -> None:
    """Store a Codeforces-shaped problem (real SQLite), draft it with two hand-written
    references (C++ and Python, different authors), `suite build` it with the real Docker
    judge, then judge a correct and a wrong solution against the stored suite."""
    from contest_eval.db.catalog import find_problem, upsert_problem
    from contest_eval.db.engine import session_scope
    from contest_eval.suite.draft import draft_recipe

    db, out, sols = str(tmp_path / "s.db"), tmp_path / "drafted", HERE / "subarrays"
    with session_scope(db) as s:
        upsert_problem(s, ProblemRecord(
            platform="codeforces", slug="9999Z", title="Divisible Subarrays", source="codeforces", kind="stdin",
            contest_slug="9999", contest_index="Z", statement_html=(HERE / "cf_multitest_array.html").read_text(encoding="utf-8"),
            statement_text="hand-written", examples=[Example("2\n3 3\n1 2 3\n1 1\n5\n", "3\n1\n")],
            time_limit_ms=2000, memory_limit_mb=256))
    with session_scope(db) as s:
        row = find_problem(s, "9999Z", "codeforces")
        refs = [RefSource("codeforces", "codeforces:alice", "cpp", (sols / "ref.cpp").read_text(), "alice-101"),
                RefSource("codeforces", "codeforces:bob", "python3", (sols / "ref.py").read_text(), "bob-202")]
        result = draft_recipe(s, row, out, extra_references=refs)
    assert result.waiting is None and result.recipe_dir == out / "9999Z" and result.tests >= 30
    toml = (out / "9999Z" / "problem.toml").read_text()
    assert 'kind = "stdin"' in toml and 'compare = "tokens"' in toml and "time_limit_ms = 2000" in toml and "metadata" not in toml
    assert sorted(p.name for p in (out / "9999Z").glob("ref_*")) == ["ref_codeforces_alice-101.cpp", "ref_codeforces_bob-202.py"]
    built = cli("--db", db, "suite", "build", str(out), "--json")
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (row_out,) = json.loads(built.stdout)["problems"]
    assert row_out["status"] == "new" and row_out["tests"] >= 30
    assert {v["verdict"] for v in row_out["references"].values()} == {"AC"}
    verdicts = {}
    for name in ("ref.py", "wrong.py"):
        judged = cli("--db", db, "judge", "submit", "--problem", "9999Z", str(sols / name), "--lang", "python3", "--json")
        verdicts[name] = json.loads(judged.stdout)["verdict"]
    assert verdicts == {"ref.py": "AC", "wrong.py": "WA"}
