"""The jsonl dataset importers (DeepSeek-Coder, LeetCodeDataset, LiveCodeBench):
real samples parse into the expected records; hostile lines become Rejected."""

from __future__ import annotations

import base64
import gzip
import json
import os
import pickle
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pytest

from contest_eval.problems._jsonl import RecordError, function_signature
from contest_eval.problems.deepseek import parse_deepseek
from contest_eval.problems.lcb import decode_private_tests, parse_lcb
from contest_eval.problems.leetcodedataset import parse_leetcodedataset
from contest_eval.problems.record import ProblemRecord, Rejected

from conftest import SHARED_DATA as DATA, missing_shared_data
SAMPLES = DATA / "samples"
DEEPSEEK = SAMPLES / "deepseek_leetcode_5.jsonl"
LCD = SAMPLES / "leetcodedataset_v0.3.1_5.jsonl"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(missing_shared_data(path, "recorded dataset sample"))
    return path


def _split(items):
    items = list(items)
    return [r for r in items if isinstance(r, ProblemRecord)], [r for r in items if isinstance(r, Rejected)]


def _write(tmp_path: Path, lines: list[str | bytes], name: str = "in.jsonl") -> Path:
    p = tmp_path / name
    p.write_bytes(b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines) + b"\n")
    return p


# --- DeepSeek-Coder ---------------------------------------------------------------------------

def test_deepseek_sample():
    records, rejected = _split(parse_deepseek(_need(DEEPSEEK)))
    assert rejected == []
    assert [r.slug for r in records] == [
        "minimum-number-of-pushes-to-type-word-i",
        "count-the-number-of-houses-at-a-certain-distance-i",
        "minimum-number-of-pushes-to-type-word-ii",
        "count-the-number-of-houses-at-a-certain-distance-ii",
        "divide-an-array-into-subarrays-with-minimum-cost-i",
    ]
    assert [len(r.tests) for r in records] == [100] * 5
    houses = records[1]
    assert houses.contest_slug == "weekly-contest-381" and houses.frontend_id == "3015" and houses.difficulty == "Medium"
    assert houses.release_time == datetime(2024, 1, 21, 2, 30, tzinfo=timezone.utc)  # Sunday 02:30 UTC
    assert houses.metadata == {"name": "countOfPairs", "params": [{"name": "n", "type": "integer"}, {"name": "x", "type": "integer"},
                                                                {"name": "y", "type": "integer"}], "return": {"type": "integer[]"}, "source": "python"}
    # test_input = { "n": 3, "x": 1, "y": 3 }  /  == [6,0,0]
    assert houses.tests[0].input == "3\n1\n3" and houses.tests[0].output == "[6,0,0]"
    assert houses.examples[0].input == "3\n1\n3" and houses.examples[0].output == "[6,0,0]"
    assert houses.statement_text.startswith("You are given three positive integers n, x, and y.")
    assert houses.starter_code["python3"].startswith("class Solution:\n    def countOfPairs(self, n: int, x: int, y: int) -> List[int]:")
    biweekly = records[4]
    assert biweekly.contest_slug == "biweekly-contest-122"
    assert biweekly.release_time == datetime(2024, 1, 20, 14, 30, tzinfo=timezone.utc)  # Saturday 14:30 UTC
    assert records[0].tests[0].input == '"abcde"' and records[0].tests[0].output == "5"


def _deepseek_line(test: str, signature: str = "def f(self, a: int, s: str) -> List[int]:") -> str:
    return json.dumps({"task_id": "weekly-contest-1-x", "meta": {"titleSlug": "x", "title": "X", "difficulty": "Easy"},
                       "prompt": f'"""\nStatement.\n"""\nclass Solution:\n    {signature}\n        ', "test": test})


def test_deepseek_keyword_and_positional_asserts(tmp_path):
    test = ("\nmy_solution = Solution()\n\nassert my_solution.f(s = \"null, a = 2\", a = 1) == [1, 2]\n"
            "assert my_solution.f(3, \"q\") == (4,)\ntest_input = {\"s\": \"z\", \"a\": -1}\nassert my_solution.f(**test_input) == []\n")
    [rec] = parse_deepseek(_write(tmp_path, [_deepseek_line(test)]))
    assert isinstance(rec, ProblemRecord), rec
    assert [(t.input, t.output) for t in rec.tests] == [('1\n"null, a = 2"', "[1,2]"), ('3\n"q"', "[4]"), ('-1\n"z"', "[]")]


def test_deepseek_hostile_lines(tmp_path):
    marker = tmp_path / "pwned"
    deep = "[" * 100_000 + "]" * 100_000
    lines = [
        '{"task_id": "weekly-contest-1-x", "meta": {"titleSlug": "x"',  # truncated JSON
        "",
        json.dumps({"task_id": "t", "meta": {"title": "no slug"}, "prompt": "", "test": ""}),  # missing field
        _deepseek_line(f"assert my_solution.f(a=1, s='') == __import__('os').system('touch {marker}')"),
        _deepseek_line(f"import os\nos.system('touch {marker}')\nassert my_solution.f(a=1, s='') == [1]"),
        _deepseek_line("test_input = {\"a\": [1, 2, \"s\": \"\"}\nassert my_solution.f(**test_input) == [1]"),  # unbalanced
        _deepseek_line(f"test_input = {{\"a\": {deep}, \"s\": \"\"}}\nassert my_solution.f(**test_input) == [1]"),  # huge nesting
        _deepseek_line("assert my_solution.f(b=1, s='') == [1]"),  # wrong argument name
        _deepseek_line("assert my_solution.f(a=1, s='') == {1, 2}"),  # a set has no JSON form
        b"\xff\xfe not utf-8",
        "[1, 2]",
        _deepseek_line("assert my_solution.f(a=1, s='ok') == [1]"),  # still parsed after all of the above
    ]
    out = list(parse_deepseek(_write(tmp_path, lines)))
    assert not marker.exists()
    records, rejected = _split(out)
    assert [r.slug for r in records] == ["x"]
    assert [r.where for r in rejected] == [f"line {n}" for n in (1, 3, 4, 5, 6, 7, 8, 9, 10, 11)]
    reasons = [r.reason for r in rejected]
    assert "bad JSON" in reasons[0] and "missing field 'meta'" not in reasons[1] and "titleSlug" in reasons[1]
    assert "not a literal" in reasons[2] and "unsupported statement" in reasons[3]
    assert "does not parse" in reasons[4] and "does not parse" in reasons[5]
    assert "do not match the signature" in reasons[6] and "set" in reasons[7]
    assert "UTF-8" in reasons[8] and "JSON object" in reasons[9]


# --- LeetCodeDataset --------------------------------------------------------------------------

LL_SIG = "def f(self, head: Optional[ListNode], k: int) -> Optional[ListNode]:"


@pytest.mark.parametrize("builder, reader", [
    ("_f1 = lambda lst: ListNode(lst[0], _f1(lst[1:])) if lst else None", "_f2 = lambda node: [node.val] + _f2(node.next) if node else []"),
    ("mk = lambda xs: None if not xs else ListNode(xs[0], mk(xs[1:]))", "rd = lambda n: [] if n is None else [n.val] + rd(n.next)"),
])
def test_deepseek_linked_list_helpers_recognised_by_shape(tmp_path, builder, reader):
    b, r = builder.split(" =")[0], reader.split(" =")[0]
    test = (f"my_solution = Solution()\n{builder}\n{reader}\n\ntest_input = {{ \"head\": {b}([1,2,3]), \"k\": 2 }}\n"
            f"assert {r}(my_solution.f(**test_input)) == [2,1,3]\nassert {r}(my_solution.f({b}([]), 1)) == []\n")
    [rec] = parse_deepseek(_write(tmp_path, [_deepseek_line(test, LL_SIG)]))
    assert isinstance(rec, ProblemRecord), rec
    assert rec.metadata["params"][0]["type"] == "ListNode"
    assert [(t.input, t.output) for t in rec.tests] == [("[1,2,3]\n2", "[2,1,3]"), ("[]\n1", "[]")]


@pytest.mark.parametrize("helper", [
    "_f1 = lambda lst: __import__('os').system('touch {marker}')",  # not a helper shape: refused, never run
    "_f1 = lambda lst: ListNode(lst[0], other(lst[1:])) if lst else None",  # recursion through another name
    "_f1 = lambda lst, x=__import__('os'): ListNode(lst[0], _f1(lst[1:])) if lst else None",  # extra default argument
])
def test_deepseek_unknown_helpers_are_refused(tmp_path, helper):
    marker = tmp_path / "pwned"
    test = f"my_solution = Solution()\n{helper.format(marker=marker)}\nassert my_solution.f(_f1([1]), 1) == [1]\n"
    [rej] = parse_deepseek(_write(tmp_path, [_deepseek_line(test, LL_SIG)]))
    assert isinstance(rej, Rejected) and ("unsupported statement" in rej.reason or "not a literal" in rej.reason)
    assert not marker.exists()


def test_comparison_policies_from_statements():
    from contest_eval.problems.answers import comparison_for, comparison_for_stdin, output_flag

    assert comparison_for("Return the answer. You can return the answer in any order.", "integer[]").compare == "unordered"
    assert comparison_for("You can order the deck in any order you want. Return an ordering.", "integer[]").compare == "exact"
    assert comparison_for("Return the median of the two sorted arrays.", "double").compare == "float"
    multi = comparison_for("If there are multiple answers, return any of them.", "integer[]")
    assert multi.compare is None and multi.flag and multi.flag.startswith("multi-answer")
    assert comparison_for("If there are multiple answers, return the lexicographically smallest one.", "string").compare == "exact"
    assert comparison_for("Modify nums in-place. Return any of them.", "void").compare == "exact"
    assert comparison_for_stdin("If there are multiple answers, print any of them.").compare is None
    assert comparison_for_stdin("Print the sum.").compare == "tokens"
    assert output_flag("Execution timed out").startswith("generator failure")
    assert output_flag("[1, inf]").startswith("non-finite") and output_flag('["inf"]') is None and output_flag("[1, 2]") is None


def test_leetcodedataset_positional_and_python_inputs(tmp_path):
    io = [{"input": '"a", [1,null,2]', "output": '"x"'}, {"input": "s = 'b', root = []", "output": "'y'"},
          {"input": "s = 'c', root = [1]", "output": "Execution timed out"}]
    [rec] = parse_leetcodedataset(_write(tmp_path, [_lcd_line(io)]))
    assert isinstance(rec, ProblemRecord), rec
    assert [(t.input, t.output) for t in rec.tests] == [('"a"\n[1,null,2]', '"x"'), ('"b"\n[]', '"y"')]
    assert [(e.index, e.reason.split(":")[0]) for e in rec.excluded_tests] == [(2, "generator failure")]


def test_leetcodedataset_sample():
    records, rejected = _split(parse_leetcodedataset(_need(LCD)))
    assert rejected == []
    assert [r.slug for r in records] == [
        "shortest-distance-after-road-addition-queries-i", "shortest-distance-after-road-addition-queries-ii",
        "number-of-subsequences-with-odd-sum", "snake-in-matrix", "count-the-number-of-good-nodes",
    ]
    # Same counts as upstream's own `check(candidate)` asserts: cases whose stored output is
    # "Execution timed out" / "Error: ..." are generator failures, not tests.
    assert [len(r.tests) for r in records] == [70, 37, 88, 81, 46]
    first = records[0]
    assert first.frontend_id == "3243" and first.difficulty == "Medium"
    assert first.tags == ["Breadth-First Search", "Graph", "Array"]
    assert first.release_time == datetime(2024, 8, 4, tzinfo=timezone.utc)
    assert first.tests[0].input == "7\n[[0,5],[1,6],[2,4]]" and first.tests[0].output == "[2,2,2]"
    assert first.metadata == {"name": "shortestDistanceAfterQueries", "params": [{"name": "n", "type": "integer"},
                              {"name": "queries", "type": "integer[][]"}], "return": {"type": "integer[]"}, "source": "python"}
    for r in records:
        assert [(ref.language, ref.origin) for ref in r.references] == [("python3", "leetcodedataset")]
        assert "class Solution" in r.references[0].code and r.starter_code["python3"].startswith("class Solution")
        assert r.examples, r.slug


def test_leetcodedataset_gz(tmp_path):
    gz = tmp_path / "lcd.jsonl.gz"
    gz.write_bytes(gzip.compress(_need(LCD).read_bytes()))
    plain = list(parse_leetcodedataset(LCD))
    assert list(parse_leetcodedataset(gz)) == plain


def _lcd_line(io: list[dict], starter: str = "class Solution:\n    def f(self, s: str, root: Optional[TreeNode]) -> str:\n        ") -> str:
    return json.dumps({"task_id": "t", "question_id": 1, "difficulty": "Easy", "tags": [], "problem_description": "P",
                       "starter_code": starter, "estimated_date": "2024-01-01", "completion": "class Solution: pass",
                       "input_output": io})


def test_leetcodedataset_literals_survive(tmp_path):
    io = [
        {"input": 's = "null", root = [1,null,2]', "output": "'null'"},
        {"input": 's = "a, root = [3]", root = []', "output": '"x, y = 1"'},
        {"input": 'root = [1,2], s = "say \\"hi\\", s = 1"', "output": "'it\\'s'"},  # order follows the signature
    ]
    [rec] = parse_leetcodedataset(_write(tmp_path, [_lcd_line(io)]))
    assert isinstance(rec, ProblemRecord), rec
    assert [(t.input, t.output) for t in rec.tests] == [
        ('"null"\n[1,null,2]', '"null"'),
        ('"a, root = [3]"\n[]', '"x, y = 1"'),
        ('"say \\"hi\\", s = 1"\n[1,2]', '"it\'s"'),
    ]


@pytest.mark.parametrize("ret,raw,expected", [
    ("bool", "True", "true"), ("bool", "False", "false"), ("Optional[TreeNode]", "None", "null"),
    ("List[int]", "[1, 2]", "[1,2]"), ("List[int]", "(1, 2)", "[1,2]"), ("float", "2.5", "2.5"),
    ("List[str]", "['a', \"b\"]", '["a","b"]'), ("Optional[TreeNode]", "[1, None, 2, None, None]", "[1,null,2]"),
])
def test_leetcodedataset_python_repr_outputs(tmp_path, ret, raw, expected):
    starter = f"class Solution:\n    def f(self, x: int) -> {ret}:\n        "
    [rec] = parse_leetcodedataset(_write(tmp_path, [_lcd_line([{"input": "x = 1", "output": raw}], starter)]))
    assert isinstance(rec, ProblemRecord), rec
    assert rec.tests[0].output == expected


def test_leetcodedataset_hostile_lines(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    good = [{"input": 's = "a", root = [1]', "output": "'a'"}]
    lines = [
        _lcd_line(good)[:50],  # truncated JSON
        json.dumps({"question_id": 1, "input_output": good, "starter_code": "class Solution:\n    def f(self, s: str) -> str:\n  "}),
        _lcd_line([{"input": 's = "a", root = [1,2', "output": "'a'"}]),  # unbalanced bracket
        _lcd_line([{"input": f's = "a", root = {deep}', "output": "'a'"}]),  # huge nesting (JSON)
        _lcd_line([{"input": 's = "a", root = [1]', "output": "(" * 100_000 + ")" * 100_000}]),  # huge nesting (repr)
        _lcd_line([{"input": 's = "a", root = [1] * 10', "output": "'a'"}]),  # code, not a literal
        _lcd_line([{"input": 's = "a", root = [1]', "output": "__import__('os')"}]),
        _lcd_line([{"input": 's = "a"', "output": "'a'"}]),  # missing argument
        _lcd_line([{"input": 's = "a", root = [1]', "output": "Execution timed out"}]),  # nothing usable left
        _lcd_line(good, starter="def f(x): pass"),  # no class Solution
        _lcd_line(good),
    ]
    records, rejected = _split(parse_leetcodedataset(_write(tmp_path, lines)))
    assert len(records) == 1 and records[0].tests[0].input == '"a"\n[1]'
    assert [r.where for r in rejected] == [f"line {n}" for n in range(1, 11)]
    assert "task_id" in rejected[1].reason and "nested too deeply" in rejected[3].reason
    assert "nested too deeply" in rejected[4].reason and "Solution" in rejected[9].reason


# --- LiveCodeBench ----------------------------------------------------------------------------

def _compress(obj) -> str:
    return base64.b64encode(zlib.compress(pickle.dumps(obj))).decode()


def _lcb_leetcode(private: str) -> dict:
    public = [{"input": "[1, 2, 3]\n2", "output": "1", "testtype": "functional"}]
    return {"question_title": "Count Pairs Whose Sum is Less than Target", "question_content": "Given nums...",
            "platform": "leetcode", "question_id": "2824", "contest_id": "biweekly-contest-111",
            "contest_date": "2023-08-19T00:00:00", "difficulty": "easy",
            "starter_code": "class Solution:\n    def countPairs(self, nums: List[int], target: int) -> int:\n        ",
            "public_test_cases": json.dumps(public), "private_test_cases": private,
            "metadata": json.dumps({"func_name": "countPairs"})}


def test_lcb_leetcode_with_compressed_private_tests(tmp_path):
    private = [{"input": "[-1, 1, 2, 3, 1]\n2", "output": "3", "testtype": "functional"},
               {"input": "[-6,2,5,-2,-7,-1,3]\n-2", "output": "10", "testtype": "functional"}]
    rec_line = json.dumps(_lcb_leetcode(_compress(json.dumps(private))))
    [rec] = parse_lcb(_write(tmp_path, [rec_line]))
    assert isinstance(rec, ProblemRecord), rec
    assert rec.platform == "leetcode" and rec.slug == "count-pairs-whose-sum-is-less-than-target" and rec.kind == "function"
    assert rec.contest_slug == "biweekly-contest-111" and rec.difficulty == "Easy"
    assert rec.release_time == datetime(2023, 8, 19, tzinfo=timezone.utc)
    assert rec.metadata == {"name": "countPairs", "params": [{"name": "nums", "type": "integer[]"}, {"name": "target", "type": "integer"}],
                            "return": {"type": "integer"}, "source": "python"}
    assert [(t.input, t.output) for t in rec.tests] == [("[1,2,3]\n2", "1"), ("[-1,1,2,3,1]\n2", "3"), ("[-6,2,5,-2,-7,-1,3]\n-2", "10")]
    assert [(e.input, e.output) for e in rec.examples] == [("[1,2,3]\n2", "1")]


def test_lcb_stdin_problem(tmp_path):
    line = json.dumps({"question_title": "Piling Up", "question_content": "...", "platform": "atcoder", "question_id": "abc315_f",
                       "contest_id": "abc315", "contest_date": "2023-08-19T12:00:00+00:00", "difficulty": "hard", "starter_code": "",
                       "public_test_cases": json.dumps([{"input": "3\n1 2\n", "output": "3\n", "testtype": "stdin"}]),
                       "private_test_cases": json.dumps([{"input": "1\n", "output": "1\n", "testtype": "stdin"}]), "metadata": "{}"})
    [rec] = parse_lcb(_write(tmp_path, [line]))
    assert isinstance(rec, ProblemRecord), rec
    assert (rec.kind, rec.slug, rec.contest_index, rec.metadata) == ("stdin", "abc315_f", "F", None)
    assert [(t.input, t.output) for t in rec.tests] == [("3\n1 2\n", "3\n"), ("1\n", "1\n")]


class _Evil:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_lcb_hostile_lines(tmp_path):
    marker = tmp_path / "pwned"
    good = _lcb_leetcode(_compress(json.dumps([])))
    lines = [
        json.dumps(_lcb_leetcode(base64.b64encode(zlib.compress(pickle.dumps(_Evil(str(marker))))).decode())),
        json.dumps(_lcb_leetcode(_compress(["not", {"a": {1, 2}}]))),  # a set inside the pickle
        json.dumps(_lcb_leetcode("%%% not base64 %%%")),
        json.dumps(_lcb_leetcode(base64.b64encode(b"not zlib").decode())),
        json.dumps({**good, "platform": "topcoder"}),
        json.dumps({k: v for k, v in good.items() if k != "question_title"}),
        json.dumps({**good, "public_test_cases": json.dumps([{"input": "[1, 2\n2", "output": "1", "testtype": "functional"}])}),
        json.dumps({**good, "public_test_cases": json.dumps([{"input": "[1]", "output": "1", "testtype": "functional"}])}),
        json.dumps({**good, "public_test_cases": json.dumps([{"input": "[1]\n2", "output": "1", "testtype": "stdin"}])}),
        json.dumps({**good, "public_test_cases": "[" * 100_000 + "]" * 100_000}),
        json.dumps({**good, "metadata": "{}"}),
        json.dumps(good),
    ]
    records, rejected = _split(parse_lcb(_write(tmp_path, lines)))
    assert not marker.exists()
    assert len(records) == 1
    assert [r.where for r in rejected] == [f"line {n}" for n in range(1, 12)]
    assert "refused" in rejected[0].reason and "system" in rejected[0].reason
    assert "func_name" in rejected[10].reason
    assert "refused" in rejected[1].reason and "set" in rejected[1].reason
    assert "base64" in rejected[2].reason and "zlib" in rejected[3].reason
    assert "topcoder" in rejected[4].reason and "question_title" in rejected[5].reason
    assert "1 input lines for 2 parameters" in rejected[7].reason and "testtype" in rejected[8].reason


def test_lcb_private_tests_inflation_cap():
    with pytest.raises(RecordError, match="inflates past"):
        decode_private_tests(_compress(json.dumps([{"input": "x" * 10_000, "output": ""}])), max_bytes=1000)


# --- files that cannot be read ----------------------------------------------------------------

@pytest.mark.parametrize("parse", [parse_deepseek, parse_leetcodedataset, parse_lcb])
def test_unopenable_file_is_one_rejected(tmp_path, parse):
    out = list(parse(tmp_path / "missing.jsonl"))
    assert len(out) == 1 and isinstance(out[0], Rejected) and "cannot open" in out[0].reason
    assert list(parse(tmp_path)) and isinstance(list(parse(tmp_path))[0], Rejected)  # a directory


def test_truncated_gzip_rejects_instead_of_raising(tmp_path):
    data = gzip.compress(_need(LCD).read_bytes())
    bad = tmp_path / "cut.jsonl.gz"
    bad.write_bytes(data[: len(data) // 2])
    records, rejected = _split(parse_leetcodedataset(bad))
    assert len(rejected) == 1 and "read error" in rejected[0].reason
    assert len(records) < 5


def test_blank_lines_are_skipped(tmp_path):
    p = _write(tmp_path, ["", "   ", "\t"])
    assert list(parse_lcb(p)) == []


def test_signatures_from_starters_with_empty_bodies():
    """Starters are not valid Python (empty method body); the signature still comes out, via ast only."""
    starter = "class Solution:\n    def f(self, root: Optional[TreeNode], words: List[str]) -> List[List[int]]:\n        "
    sig = function_signature(starter)
    assert (sig.name, sig.params, sig.types, sig.returns) == ("f", ["root", "words"], ["TreeNode", "string[]"], "integer[][]")
    with pytest.raises(RecordError, match="entry point"):
        function_signature(starter, "g")
    with pytest.raises(RecordError, match="design"):
        function_signature("class LRUCache:\n    def __init__(self, capacity: int):\n\n    def get(self, key: int) -> int:\n")
    with pytest.raises(RecordError, match="no usable Python signature"):
        function_signature("class Solution:\n    def f(self, d: Dict[int, int]) -> int:\n")
