"""`suite draft`: constraints parsed from the real statements, generated inputs checked
against them, and drafted recipes built end to end with the real Docker judge."""

from __future__ import annotations

import importlib.util
import json
import random
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT, SHARED_DATA, need_shared_data
from contest_eval.suite.draft import DraftInput, RefSource, draft_problem
from contest_eval.suite.draft.constraints import StatementError, parse_constraints
from contest_eval.suite.draft.generator import generate
from contest_eval.suite.draft.validity import violations
from contest_eval.suite.recipe import load_problem_recipe, load_suite
from test_cli import cli, one_line_error

SUITE = ROOT / "suites" / "leetcode-2026-04-25_2026-05-31"
ALL = sorted(p.name for p in SUITE.iterdir() if (p / "problem.toml").is_file())


def _model(slug: str):
    raw = tomllib.loads((SUITE / slug / "problem.toml").read_text(encoding="utf-8"))
    return parse_constraints(raw["statement"], json.loads(raw["metadata"]))


def _hand_inputs(slug: str) -> list[dict]:
    raw = tomllib.loads((SUITE / slug / "problem.toml").read_text(encoding="utf-8"))
    spec = importlib.util.spec_from_file_location(f"hand_gen_{slug.replace('-', '_')}", SUITE / slug / "gen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(random.Random(raw.get("seed", 0)))


def test_constraints_of_the_real_statements_parse() -> None:
    unparsed = {slug: m.unparsed for slug in ALL if (m := _model(slug)).unparsed}
    assert len(ALL) == 36 and len(ALL) - len(unparsed) >= 30, unparsed
    # The one we know we cannot read: queries of two shapes ([1, x, y, val] or [2, tot]).
    assert set(unparsed) == {"number-of-pairs-after-increment"}
    assert any("queries[i].length == 2 or 4" in u for u in unparsed["number-of-pairs-after-increment"])


def test_models_say_what_the_statements_say() -> None:
    tree = _model("count-non-adjacent-subsets-in-a-rooted-tree")
    assert tree.rep("len_nums") == tree.rep("len_parent") and tree.fixed == {"at_parent_0": -1}
    assert tree.props["parent"] == ["tree"] and tree.fields["el_parent"].where == ["1", "len_parent - 1"]
    apples = _model("minimum-cost-to-buy-apples-ii")
    assert apples.rep("len_prices") == "n" and apples.width == {"roads": 4}
    assert ["f_roads_0", "!=", "f_roads_1"] in apples.relations and apples.props["roads"] == ["distinct_edges"]
    assert apples.fields["len_roads"].hi == ["min(n * (n - 1) // 2, 2000)"]
    grid = _model("maximum-path-intersection-sum-in-a-grid")
    assert grid.products == [{"ids": ["len_grid", "rowlen_grid"], "lo": ["4"], "hi": ["5 * 10**5"]}]
    assert set(_model("password-strength").alphabet["password"]) == set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$")
    words = _model("count-valid-word-occurrences")
    assert words.words == {"el_queries": ["edge:-", "double:-"]} and words.totals == {"chunks": "10**5", "queries": "10**5"}
    queries = _model("k-th-smallest-remaining-even-integer-in-subarray-queries")
    assert "f_queries_0 + 0" in queries.fields["f_queries_1"].lo or "f_queries_0" in queries.fields["f_queries_1"].lo
    assert queries.props["nums"] == ["increasing"]


@pytest.mark.parametrize("slug", ["count-connected-subgraphs-with-even-node-sum", "minimum-cost-to-buy-apples-ii",
                                  "count-valid-word-occurrences", "compare-sums-of-bitonic-parts",
                                  "minimum-operations-to-sort-a-permutation", "score-validator"])
def test_hand_written_inputs_satisfy_the_parsed_model(slug: str) -> None:
    """The model is not stricter than the statement: every input of our hand-written
    generator (written against the same statement) passes it."""
    model = _model(slug)
    bad = [(i, v) for i, case in enumerate(_hand_inputs(slug)) if (v := violations(model, case["args"]))]
    assert bad == []


@pytest.mark.parametrize("slug", ["count-non-adjacent-subsets-in-a-rooted-tree", "minimum-cost-to-move-between-indices",
                                  "limit-occurrences-in-sorted-array", "sort-vowels-by-frequency"])
def test_generated_inputs_are_valid_varied_and_reach_the_limits(slug: str) -> None:
    model = _model(slug)
    made = generate(model, random.Random(7))
    assert len(made.cases) >= 30 and made.dropped == 0, made.reasons
    assert all(violations(model, c["args"]) == [] for c in made.cases)
    sizes = sorted(max((len(v) for v in c["args"].values() if isinstance(v, (list, str))), default=0) for c in made.cases)
    assert sizes[0] <= 2 and sizes[-1] >= 100  # minimum and maximum sizes are both there (100 is the smallest cap here)
    again = generate(model, random.Random(7))
    assert again.cases == made.cases  # deterministic for a seed


def test_the_checker_rejects_what_the_statement_forbids() -> None:
    tree = _model("count-non-adjacent-subsets-in-a-rooted-tree")
    ok = {"parent": [-1, 0, 1], "nums": [1, 2, 3], "k": 1}
    assert violations(tree, ok) == []
    assert violations(tree, {**ok, "parent": [-1, 2, 0]})  # parent[1] = 2 is not < 1
    assert violations(tree, {**ok, "nums": [1, 2]})  # n == parent.length == nums.length
    assert violations(tree, {**ok, "k": 101})
    apples = _model("minimum-cost-to-buy-apples-ii")
    good = {"n": 3, "prices": [1, 2, 3], "roads": [[0, 1, 5, 2], [1, 2, 5, 2]]}
    assert violations(apples, good) == []
    assert violations(apples, {**good, "roads": [[0, 1, 5, 2], [1, 0, 7, 3]]})  # repeated edge (either direction)
    assert violations(apples, {**good, "roads": [[1, 1, 5, 2]]})  # u_i != v_i
    assert violations(apples, {**good, "prices": [1, 2]})  # prices.length == n
    assert violations(_model("password-strength"), {"password": "ab%"})  # '%' is not in the alphabet
    assert violations(_model("compare-sums-of-bitonic-parts"), {"nums": [1, 2, 3]})  # no descent: not bitonic
    assert violations(_model("limit-occurrences-in-sorted-array"), {"nums": [2, 1], "k": 1})  # not sorted


def test_unparsed_constraint_falls_back_to_a_stub(tmp_path: Path) -> None:
    recipe = load_problem_recipe(SUITE / "number-of-pairs-after-increment")
    d = DraftInput("leetcode", recipe.slug, recipe.title, "function", recipe.metadata, recipe.statement, recipe.examples)
    refs = [RefSource("hand", "hand", s.language, s.code, s.path.stem) for s in recipe.references]
    result = draft_problem(d, tmp_path / "out", refs)
    folder = tmp_path / "out" / recipe.slug
    assert result.recipe_dir is None and result.draft_dir == folder and result.unparsed
    assert "not understood" in (result.waiting or "")
    assert not (folder / "problem.toml").exists() and (folder / "problem.toml.draft").is_file()
    stub = (folder / "gen.py").read_text()
    assert "STUB" in stub and "queries[i].length == 2 or 4" in stub
    _, problems = load_suite(tmp_path / "out")
    assert problems == []  # suite build skips it until someone writes the generator
    # A generator written by hand (no draft mark) survives the next draft.
    (folder / "gen.py").write_text("def generate(rng):\n    return []\n")
    draft_problem(d, tmp_path / "out", refs)
    assert (folder / "gen.py").read_text() == "def generate(rng):\n    return []\n"


def test_statement_without_constraints_is_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(StatementError):
        parse_constraints("<p>Return the sum.</p>", {"name": "f", "params": [], "return": {"type": "integer"}})
    doocs = tmp_path / "doocs" / "sum-it"
    doocs.mkdir(parents=True)
    (doocs / "README_EN.md").write_text(
        "---\ndifficulty: Easy\n---\n\n# [9001. Sum It](https://leetcode.com/problems/sum-it)\n\n"
        "<!-- description:start -->\n<p>Return <code>a + b</code>.</p>\n<!-- description:end -->\n\n"
        "```python\nclass Solution:\n    def sumIt(self, a: int, b: int) -> int:\n        return a + b\n```\n")
    db = tmp_path / "s.db"
    assert cli("--db", str(db), "import", "doocs", str(tmp_path / "doocs")).returncode == 0
    out = tmp_path / "drafts"
    proc = cli("--db", str(db), "suite", "draft", "sum-it", "--out", str(out))
    one_line_error(proc, "sum-it: the statement has no Constraints section")
    assert not (out / "sum-it").exists()
    one_line_error(cli("--db", str(db), "suite", "draft", "no-such-problem", "--out", str(out)), "not in the store")


@pytest.mark.docker
def test_drafted_recipes_build_with_the_real_judge(tmp_path: Path, judge) -> None:
    """Import doocs, draft two problems (doocs references only), build them in Docker, and
    judge our hand-written reference (AC) and wrong solutions (rejected) against them."""
    problems = need_shared_data(SHARED_DATA / "leetcode" / "problems", "doocs LeetCode problem pages")
    db = tmp_path / "d.db"
    assert cli("--db", str(db), "import", "doocs", str(problems)).returncode == 0
    out = tmp_path / "drafted"
    picked = ["valid-digit-number", "minimum-operations-to-sort-a-permutation"]
    drafted = cli("--db", str(db), "suite", "draft", *picked, "smallest-unique-subarray", "--out", str(out),
                  "--doocs", str(problems), "-l", "python3", "-l", "cpp", "--json")
    assert drafted.returncode == 3, drafted.stderr  # one of the three waits
    rows = {r["slug"]: r for r in json.loads(drafted.stdout)}
    assert all(rows[s]["recipe_dir"] and rows[s]["waiting"] is None and rows[s]["unparsed"] == [] for s in picked)
    assert "fewer than 2 independent references" in rows["smallest-unique-subarray"]["waiting"]
    assert (out / "smallest-unique-subarray" / "problem.toml.draft").is_file()
    built = cli("--db", str(db), "suite", "build", str(out), "--json")
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    got = {r["slug"]: r for r in json.loads(built.stdout)["problems"]}
    assert set(got) == set(picked)  # the waiting draft is not built
    assert all(r["status"] == "new" and r["tests"] >= 30 for r in got.values())
    verdicts = {}
    for slug in picked:
        hand = SUITE / slug
        for sol in [hand / "ref.py", hand / "ref.cpp", *sorted((hand / "wrong").iterdir())]:
            if sol.is_file():
                lang = {"py": "python3", "cpp": "cpp"}[sol.suffix.lstrip(".")]
                judged = cli("--db", str(db), "judge", "submit", "--problem", slug, str(sol), "--lang", lang, "--json")
                verdicts[f"{slug}/{sol.parent.name}/{sol.name}"] = json.loads(judged.stdout)["verdict"]
    refs = {k: v for k, v in verdicts.items() if "/wrong/" not in k}
    wrong = {k: v for k, v in verdicts.items() if "/wrong/" in k}
    assert set(refs.values()) == {"AC"}, refs  # our hand-written references pass the drafted suites
    # The target over all 36 is >= 90 % (benchmarks/suite_draft.py); here, 9 wrong solutions.
    assert sum(v != "AC" for v in wrong.values()) >= len(wrong) - 1, wrong
