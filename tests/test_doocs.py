"""doocs README folders and LeetCode's contests.json: the 36 real problems, the
real schedule, and hostile input that must become Rejected, never an exception."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from contest_eval.problems.doocs import parse_problem_dir, parse_tree
from contest_eval.problems.metadata import parse_metadata
from contest_eval.problems.record import ContestRecord, ProblemRecord, Rejected
from contest_eval.problems.schedule import parse_contests_json

from conftest import SHARED_DATA as DATA, missing_shared_data
PROBLEMS = DATA / "leetcode" / "problems"
CONTESTS = DATA / "leetcode" / "contests.json"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(missing_shared_data(path, "doocs LeetCode problem pages / contest schedule"))
    return path


@pytest.fixture(scope="module")
def records() -> dict[str, ProblemRecord]:
    parsed = list(parse_tree(_need(PROBLEMS)))
    bad = [r for r in parsed if isinstance(r, Rejected)]
    assert not bad, bad
    return {r.slug: r for r in parsed}


# --------------------------------------------------------------------------- the 36 real problems

def test_all_36_parse(records: dict[str, ProblemRecord]) -> None:
    assert len(records) == 36
    assert sorted(records) == sorted(p.name for p in PROBLEMS.iterdir())
    for r in records.values():
        assert r.platform == "leetcode" and r.source == "doocs" and r.release_time is None
        assert r.difficulty in ("Easy", "Medium", "Hard")
        assert r.rating and 1000 < r.rating < 3000
        assert r.contest_slug and r.contest_slug.split("-contest-")[0] in ("weekly", "biweekly")
        assert r.contest_index in ("Q1", "Q2", "Q3", "Q4")
        assert r.frontend_id and r.frontend_id.isdigit() and r.title
        assert "<!--" not in r.statement_html and r.statement_text
        assert len(r.examples) >= 2, r.slug


def test_password_strength(records: dict[str, ProblemRecord]) -> None:
    r = records["password-strength"]
    assert (r.title, r.frontend_id, r.difficulty, r.rating) == ("Password Strength", "3941", "Medium", 1284)
    assert (r.contest_slug, r.contest_index) == ("weekly-contest-503", "Q2")
    assert r.tags == ["Hash Table", "String"]
    assert r.kind == "function"
    assert r.metadata == {"name": "passwordStrength", "params": [{"name": "password", "type": "string"}],
                          "return": {"type": "integer"}, "source": "python+java+cpp"}
    assert [(e.input, e.output) for e in r.examples] == [('"aA1!"', "11"), ('"bbB11#"', "11")]
    assert r.examples[0].explanation.startswith("- The distinct characters are")
    assert [(c.language, c.origin, c.name) for c in r.references] == [
        ("python3", "doocs", "doocs"), ("java", "doocs", "doocs"), ("cpp", "doocs", "doocs"),
        ("go", "doocs", "doocs"), ("typescript", "doocs", "doocs")]
    assert r.references[0].code.startswith("class Solution:\n    def passwordStrength(self, password: str) -> int:")
    assert r.statement_text.startswith("You are given a string password.")
    assert r.statement_html.startswith("<p>You are given a string <code>password</code>.</p>")


def test_multi_argument_examples_in_param_order(records: dict[str, ProblemRecord]) -> None:
    assert [(e.input, e.output) for e in records["valid-digit-number"].examples] == [
        ("101\n0", "true"), ("232\n2", "false"), ("5\n1", "false")]
    ex = records["count-valid-word-occurrences"].examples[0]
    assert (ex.input, ex.output) == ('["hello wor","ld hello"]\n["hello","world","wor"]', "[2,1,0]")
    apples = records["minimum-cost-to-buy-apples-ii"]  # no reference: statement order, metadata None
    assert apples.metadata is None and apples.references == []
    assert apples.examples[0].input == "2\n[8,3]\n[[0,1,1,2]]" and apples.examples[0].output == "[6,3]"


def test_counts_of_references_metadata_and_examples(records: dict[str, ProblemRecord]) -> None:
    with_refs = [r for r in records.values() if r.references]
    # The data README says 22; the files hold 23 non-empty sets (smallest-unique-subarray: Python only).
    assert len(with_refs) == 23
    assert [c.language for c in records["smallest-unique-subarray"].references] == ["python3"]
    assert len(records["valid-digit-number"].references) == 6  # includes Rust
    assert all(r.metadata for r in with_refs)
    assert not any(r.metadata for r in records.values() if not r.references)
    for r in with_refs:
        parse_metadata(r.metadata)
        # every statement example fits the derived signature
        assert all(e.input.count("\n") + 1 == len(r.metadata["params"]) for e in r.examples), r.slug
    # every one of the 95 example blocks in the 36 statements becomes a wire example
    assert sum(len(r.examples) for r in records.values()) == 95


def test_long_refined_from_java(records: dict[str, ProblemRecord]) -> None:
    for slug in ("maximum-sum-of-alternating-subsequence-with-distance-at-least-k", "minimum-operations-to-make-array-non-decreasing"):
        assert records[slug].metadata["return"] == {"type": "long"}


def test_contest_slugs_match_schedule(records: dict[str, ProblemRecord]) -> None:
    contests = {c.slug: c for c in parse_contests_json(_need(CONTESTS)) if isinstance(c, ContestRecord)}
    for r in records.values():
        slugs = contests[r.contest_slug].problem_slugs
        assert slugs[int(r.contest_index[1:]) - 1] == r.slug


# --------------------------------------------------------------------------- hostile READMEs

GOOD = """---
difficulty: Easy
rating: 1200
source: Biweekly Contest 7 Q3
tags:
    - Array
---

# [12. Add Them](https://leetcode.com/problems/add-them)

## Description

<!-- description:start -->
<p>Add.</p>
<div class="example-block"><p><strong>Input:</strong> <span class="example-io">a = [1,2, b = 3</span></p>
<p><strong>Output:</strong> <span class="example-io">3</span></p></div>
<div class="example-block"><p><strong>Input:</strong> <span class="example-io">a = [1,2], b = 3</span></p>
<p><strong>Output:</strong> <span class="example-io">6</span></p></div>
<!-- description:end -->

## Solutions

```python
{python}
```

```java

```
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True)
    (folder / "README_EN.md").write_text(text, encoding="utf-8")
    return folder


def test_unbalanced_example_is_skipped_not_fatal(tmp_path: Path) -> None:
    code = "class Solution:\n    def add(self, a: List[int], b: int) -> int:\n        return sum(a) + b"
    r = parse_problem_dir(_write(tmp_path, "p", GOOD.replace("{python}", code)))
    assert isinstance(r, ProblemRecord)
    assert (r.slug, r.frontend_id, r.contest_slug, r.contest_index) == ("add-them", "12", "biweekly-contest-7", "Q3")
    assert [(e.input, e.output) for e in r.examples] == [("[1,2]\n3", "6")]
    assert [c.language for c in r.references] == ["python3"]  # the empty java block is no reference


def test_python_syntax_error_gives_no_metadata(tmp_path: Path) -> None:
    r = parse_problem_dir(_write(tmp_path, "p", GOOD.replace("{python}", "class Solution:\n    def add(self, a: int -> int:")))
    assert isinstance(r, ProblemRecord)
    assert r.metadata is None and r.kind == "function" and len(r.references) == 1
    assert r.examples[0].input == "[1,2]\n3"  # statement order without a signature


@pytest.mark.parametrize("text, reason", [
    (GOOD.replace("# [12. Add Them](https://leetcode.com/problems/add-them)", "# Add Them"), "heading"),
    (GOOD.replace("---\n\n# [", "\n# [", 1), "front matter"),
    (GOOD.replace("rating: 1200", "rating 1200"), "front matter line 3"),
    ("---\ndifficulty: Easy\n", "front matter"),
    ("", "front matter"),
    (GOOD.replace("<!-- description:end -->", ""), "statement"),
    (GOOD.replace("    - Array", "- Array").replace("tags:\n", ""), "list item"),
])
def test_malformed_readmes_are_rejected(tmp_path: Path, text: str, reason: str) -> None:
    folder = _write(tmp_path, "bad", text)
    r = parse_problem_dir(folder)
    assert isinstance(r, Rejected), r
    assert r.where == str(folder) and reason in r.reason and "\n" not in r.reason


def test_missing_or_binary_readme(tmp_path: Path) -> None:
    assert isinstance(parse_problem_dir(tmp_path / "nowhere"), Rejected)
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "README_EN.md").write_bytes(b"\xff\xfe\x00bad")
    assert isinstance(parse_problem_dir(folder), Rejected)


def test_design_problem_and_clone_layout(tmp_path: Path) -> None:
    design = GOOD.replace("a = [1,2, b = 3", "[&quot;Counter&quot;,&quot;add&quot;]<br />[[],[2]]") \
                 .replace("a = [1,2], b = 3", "[&quot;Counter&quot;,&quot;add&quot;,&quot;add&quot;]<br />[[],[2],[5]]") \
                 .replace(">3<", ">[null,2]<").replace(">6<", ">[null,2,7]<")
    code = ("class Counter:\n    def __init__(self):\n        self.t = 0\n\n"
            "    def add(self, x: int) -> int:\n        self.t += x\n        return self.t")
    solution = tmp_path / "solution"
    _write(solution / "0000-0099", "0012.Add Them", design.replace("{python}", code))
    _write(solution / "0000-0099", "0013.Broken", "no front matter")
    (solution / "README_EN.md").write_text("# LeetCode index, not a problem\n", encoding="utf-8")
    (solution / "0000-0099" / "0012.Add Them" / "images").mkdir()
    out = list(parse_tree(solution))
    assert len(out) == 2
    rec, rej = out
    assert isinstance(rec, ProblemRecord) and isinstance(rej, Rejected) and rej.where.endswith("0013.Broken")
    assert rec.kind == "design"
    assert rec.metadata == {"classname": "Counter", "constructor": {"params": []},
                            "methods": [{"name": "add", "params": [{"name": "x", "type": "integer"}],
                                         "return": {"type": "integer"}}], "systemdesign": True, "source": "python"}
    assert [(e.input, e.output) for e in rec.examples] == [
        ('["Counter","add"]\n[[],[2]]', "[null,2]"), ('["Counter","add","add"]\n[[],[2],[5]]', "[null,2,7]")]


def test_several_references_per_language_are_numbered(tmp_path: Path) -> None:
    text = GOOD.replace("{python}", "class Solution:\n    def add(self, a: List[int], b: int) -> int:\n        return 0") \
        + "\n```python\nclass Solution:\n    pass\n```\n\n```js\nvar add = function(a, b) {};\n```\n"
    r = parse_problem_dir(_write(tmp_path, "p", text))
    assert [(c.language, c.name) for c in r.references] == [("python3", "doocs"), ("python3", "doocs-2"), ("javascript", "doocs")]
    assert r.metadata["name"] == "add"


# --------------------------------------------------------------------------- contests.json

def test_real_contests_json() -> None:
    parsed = list(parse_contests_json(_need(CONTESTS)))
    assert len(parsed) == 622 and all(isinstance(c, ContestRecord) for c in parsed)
    by_slug = {c.slug: c for c in parsed}
    w503 = by_slug["weekly-contest-503"]
    assert w503.start_time == datetime(2026, 5, 24, 2, 30, tzinfo=timezone.utc)
    assert w503.start_time.tzinfo is not None and w503.duration_s == 5400
    assert (w503.title, w503.platform, w503.source) == ("Weekly Contest 503", "leetcode", "contests.json")
    assert by_slug["biweekly-contest-181"].problem_slugs == [
        "valid-digit-number", "compare-sums-of-bitonic-parts", "count-connected-subgraphs-with-even-node-sum",
        "k-th-smallest-remaining-even-integer-in-subarray-queries"]
    assert by_slug["biweekly-contest-181"].start_time == datetime(2026, 4, 25, 14, 30, tzinfo=timezone.utc)
    assert sum(c.slug.startswith("weekly") for c in parsed) == 433
    assert sum(c.slug.startswith("biweekly") for c in parsed) == 189


def test_malformed_contest_entries_are_rejected(tmp_path: Path) -> None:
    good = {"contest_title_en": "Weekly Contest 1", "contest_title_slug": "weekly-contest-1",
            "contest_start_time": 1779589800, "contest_duration": 5400, "question_slugs": ["a", "b"]}
    entries = [good, {**good, "contest_start_time": None}, {"contest_title_slug": "x"}, "junk",
               {**good, "question_slugs": "a,b"}, {**good, "contest_start_time": True},
               {**good, "contest_duration": "long"}, {**good, "contest_start_time": 10**20}]
    path = tmp_path / "contests.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    out = list(parse_contests_json(path))
    assert isinstance(out[0], ContestRecord) and out[0].problem_slugs == ["a", "b"]
    assert [r.where for r in out[1:]] == [f"contests.json[{i}]" for i in range(1, 8)]
    assert all(isinstance(r, Rejected) and r.reason for r in out[1:])


@pytest.mark.parametrize("content", ["{not json", '{"a": 1}', ""])
def test_unreadable_contests_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "contests.json"
    path.write_text(content, encoding="utf-8")
    (r,) = list(parse_contests_json(path))
    assert isinstance(r, Rejected) and r.where == "contests.json"
    (missing,) = list(parse_contests_json(tmp_path / "absent.json"))
    assert isinstance(missing, Rejected)
