"""The user's path through imported datasets: import FILE → judge submit --problem SLUG.

Real records only: a handful of LeetCodeDataset v0.2.0 problems taken from the shared file
(linked list, positional inputs, floats, any-order and multi-answer answers), the real DeepSeek
sample plus a linked-list record in DeepSeek's shape (helper lambdas), and an LCB record whose
private tests are base64 → zlib → pickle.  Everything goes through the real console script,
a real SQLite file and the real Docker judge.
"""

from __future__ import annotations

import base64
import gzip
import json
import pickle
import zlib
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, SHARED_DATA, need_shared_data
from test_cli import cli

LCD_FILE = SHARED_DATA / "leetcodedataset" / "LeetCodeDataset-v0.2.0-train.jsonl.gz"
DEEPSEEK_SAMPLE = SHARED_DATA / "samples" / "deepseek_leetcode_5.jsonl"
# add-two-numbers: linked lists; container-with-most-water: positional inputs in input_output;
# median-of-two-sorted-arrays: a float answer; two-sum: "any order"; gray-code: "return any" (not judged).
LCD_SLUGS = ("add-two-numbers", "container-with-most-water", "median-of-two-sorted-arrays", "two-sum", "gray-code")

WRONG_ADD_TWO = """
class Solution:
    def addTwoNumbers(self, l1, l2):
        return l1  # ignores l2
"""
GOOD_DOUBLE = """
class Solution:
    def doubleIt(self, head: Optional[ListNode]) -> Optional[ListNode]:
        digits = []
        while head:
            digits.append(str(head.val))
            head = head.next
        out = None
        for ch in reversed(str(int("".join(digits)) * 2)):
            out = ListNode(int(ch), out)
        return out
"""
WRONG_DOUBLE = GOOD_DOUBLE.replace("* 2", "* 3")


def _lcd_subset(tmp_path: Path) -> tuple[Path, dict[str, dict[str, Any]]]:
    need_shared_data(LCD_FILE, "LeetCodeDataset v0.2.0 train split")
    records: dict[str, dict[str, Any]] = {}
    with gzip.open(LCD_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["task_id"] in LCD_SLUGS:
                records[rec["task_id"]] = rec
    path = tmp_path / "lcd.jsonl"
    path.write_text("".join(json.dumps(records[s]) + "\n" for s in LCD_SLUGS), encoding="utf-8")
    return path, records


def _import(db: Path, fmt: str, path: Path) -> dict[str, Any]:
    proc = cli("--db", str(db), "import", fmt, str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _submit(db: Path, slug: str, source: str, tmp_path: Path) -> dict[str, Any]:
    sol = tmp_path / f"{slug}.py"
    sol.write_text(source, encoding="utf-8")
    proc = cli("--db", str(db), "judge", "submit", "--problem", slug, "--lang", "python3", str(sol), "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _show(db: Path, slug: str) -> dict[str, Any]:
    proc = cli("--db", str(db), "problems", "show", slug, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_leetcodedataset_import_then_judge(judge, tmp_path: Path) -> None:
    path, records = _lcd_subset(tmp_path)
    db = tmp_path / "store.db"
    summary = _import(db, "leetcodedataset", path)
    assert summary["new"] == len(LCD_SLUGS) and summary["skipped"] == 0
    assert summary["suites"] == {"new": 4, "not_judged": 1}
    assert [n["slug"] for n in summary["not_judged"]] == ["gray-code"] and "multi-answer" in summary["not_judged"][0]["reason"]
    assert summary["compare"] == {"exact": 2, "float": 1, "unordered": 1}
    suites = {s: _show(db, s)["suite"] for s in LCD_SLUGS}
    assert suites["two-sum"]["compare"] == "unordered" and suites["median-of-two-sorted-arrays"]["compare"] == "float"
    assert suites["container-with-most-water"]["tests"] == len(records["container-with-most-water"]["input_output"])
    assert suites["gray-code"] is None

    for slug in ("add-two-numbers", "container-with-most-water", "median-of-two-sorted-arrays"):
        result = _submit(db, slug, records[slug]["completion"], tmp_path)
        assert result["verdict"] == "AC", (slug, result)
    wrong = _submit(db, "add-two-numbers", WRONG_ADD_TWO, tmp_path)
    assert wrong["verdict"] == "WA"

    proc = cli("--db", str(db), "judge", "submit", "--problem", "gray-code", "--lang", "python3", str(tmp_path / "add-two-numbers.py"))
    assert proc.returncode != 0 and "has no test suite" in proc.stderr and "not unique" in proc.stderr


def test_reimport_is_idempotent_and_a_broken_line_loses_nothing(tmp_path: Path) -> None:
    path, _ = _lcd_subset(tmp_path)
    db = tmp_path / "store.db"
    first = _import(db, "leetcodedataset", path)
    again = _import(db, "leetcodedataset", path)
    assert again["new"] == 0 and again["suites"] == {"unchanged": 4, "not_judged": 1} and again["tests_stored"] == 0
    assert _show(db, "two-sum")["suite"]["version"] == 1
    before = _show(db, "add-two-numbers")["suite"]

    broken = tmp_path / "broken.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    broken.write_text(lines[0] + "\n" + lines[1][: len(lines[1]) // 2] + "\n", encoding="utf-8")
    proc = cli("--db", str(db), "import", "leetcodedataset", str(broken), "--json")
    summary = json.loads(proc.stdout)
    assert [r["where"] for r in summary["rejected"]] == ["line 2"] and "bad JSON" in summary["rejected"][0]["reason"]
    assert _show(db, "add-two-numbers")["suite"] == before and _show(db, "container-with-most-water")["suite"]["version"] == 1
    assert first["tests_stored"] > 0


def test_deepseek_linked_list_import_then_judge(judge, tmp_path: Path) -> None:
    sample = need_shared_data(DEEPSEEK_SAMPLE, "DeepSeek-Coder LeetCode sample")
    data = tmp_path / "deepseek.jsonl"
    data.write_text(sample.read_text(encoding="utf-8").splitlines()[0] + "\n"
                    + (FIXTURES / "problems" / "deepseek_linked_list.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "store.db"
    summary = _import(db, "deepseek", data)
    assert summary["new"] == 2 and summary["skipped"] == 0 and summary["suites"] == {"new": 2}
    assert summary["tests_stored"] == 100 + 6
    shown = _show(db, "double-a-number-represented-as-a-linked-list")
    assert shown["metadata"]["params"] == [{"name": "head", "type": "ListNode"}] and shown["suite"]["tests"] == 6

    assert _submit(db, "double-a-number-represented-as-a-linked-list", GOOD_DOUBLE, tmp_path)["verdict"] == "AC"
    assert _submit(db, "double-a-number-represented-as-a-linked-list", WRONG_DOUBLE, tmp_path)["verdict"] == "WA"
    # run uses the imported suite too: a replayed model output is judged AC.
    assert cli("--db", str(db), "models", "add", "m", "--hf-id", "x/m", "--cutoff", "2020-01-01", "--released", "2020-01-01").returncode == 0
    replay = tmp_path / "replay.jsonl"
    replay.write_text(json.dumps({"problem": "double-a-number-represented-as-a-linked-list", "rollout": 0,
                                  "text": f"```python\n{GOOD_DOUBLE}```"}) + "\n", encoding="utf-8")
    proc = cli("--db", str(db), "run", "--model", "m", "--backend", "replay", "--replay-file", str(replay),
               "--contest", "weekly-contest-358", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["judged"] == 1, proc.stderr
    report = json.loads(cli("--db", str(db), "report", str(json.loads(proc.stdout)["run"]), "--json").stdout)
    assert report["by_verdict"] == {"AC": 1}
    pushes = "class Solution:\n    def minimumPushes(self, word: str) -> int:\n        return sum(i // 8 + 1 for i in range(len(word)))\n"
    assert _submit(db, "minimum-number-of-pushes-to-type-word-i", pushes, tmp_path)["verdict"] == "AC"


def _pickled(tests: list[dict[str, str]]) -> str:
    # How LiveCodeBench ships private tests; we only build the bytes here, the importer never unpickles freely.
    return base64.b64encode(zlib.compress(pickle.dumps(json.dumps(tests)))).decode()


def test_lcb_pickled_private_tests_are_stored(tmp_path: Path) -> None:
    public = [{"input": "[1,2,3]\n2", "output": "1", "testtype": "functional"}]
    private = [{"input": "[-1,1,2,3,1]\n2", "output": "3", "testtype": "functional"},
               {"input": "[-6,2,5,-2,-7,-1,3]\n-2", "output": "10", "testtype": "functional"}]
    rec = {"question_title": "Count Pairs Whose Sum is Less than Target", "question_content": "Return the number of pairs.",
           "platform": "leetcode", "question_id": "2824", "contest_id": "biweekly-contest-111",
           "contest_date": "2023-08-19T00:00:00", "difficulty": "easy",
           "starter_code": "class Solution:\n    def countPairs(self, nums: List[int], target: int) -> int:\n        ",
           "public_test_cases": json.dumps(public), "private_test_cases": _pickled(private),
           "metadata": json.dumps({"func_name": "countPairs"})}
    path = tmp_path / "lcb.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    db = tmp_path / "store.db"
    summary = _import(db, "lcb", path)
    assert summary["suites"] == {"new": 1} and summary["tests_stored"] == 3
    suite = _show(db, "count-pairs-whose-sum-is-less-than-target")["suite"]
    assert suite["tests"] == 3 and suite["compare"] == "exact"


@pytest.mark.parametrize("raw, kind", [("Execution timed out", "generator failure"), ("Error: list index out of range", "generator failure"),
                                       ("inf", "non-finite number"), ("float('inf')", "not a literal value")])
def test_flagged_outputs_are_counted_not_stored(tmp_path: Path, raw: str, kind: str) -> None:
    rec = {"task_id": "add-two-integers", "completion": "class Solution:\n    def sum(self, num1: int, num2: int) -> int:\n        return num1 + num2\n",
           "entry_point": "Solution().sum", "meta": {"question_id": 2235, "difficulty": "Easy", "question_title": "Return the sum.",
                                                     "lang_code": "class Solution:\n    def sum(self, num1: int, num2: int) -> int:"},
           "input_output": [{"input": "num1 = 12, num2 = 5", "output": "17"}, {"input": "num1 = 1, num2 = 2", "output": raw}]}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    db = tmp_path / "store.db"
    summary = _import(db, "leetcodedataset", path)
    assert summary["tests_stored"] == 1 and summary["tests_flagged"] == 1 and summary["flagged_by_reason"] == {kind: 1}
    assert summary["flagged_tests"][0]["slug"] == "add-two-integers" and summary["flagged_tests"][0]["test"] == 1
    suite = _show(db, "add-two-integers")["suite"]
    assert suite["tests"] == 1 and suite["origin"] == "imported" and [e["test"] for e in suite["excluded"]] == [1]
