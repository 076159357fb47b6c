"""metaData derived from reference code: Python via ast, Java/C++ signatures, merging."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from contest_eval.problems.metadata import parse_metadata
from contest_eval.problems.signature import merge_metadata, metadata_from_cpp, metadata_from_java, metadata_from_python

from conftest import SHARED_DATA as DATA, missing_shared_data
SUITE = Path(__file__).resolve().parents[1] / "suites" / "leetcode-2026-04-25_2026-05-31"


def _types(doc: dict) -> list[str]:
    return [p["type"] for p in doc["params"]] + [doc["return"]["type"]]


# --------------------------------------------------------------------------- Python

def test_python_scalars_and_lists() -> None:
    code = ("from typing import List\nclass Solution:\n"
            "    def f(self, a: int, s: str, x: float, b: bool, v: List[int], w: list[list[str]]) -> List[List[int]]:\n"
            "        return []\n")
    doc = metadata_from_python(code)
    assert doc == {"name": "f", "params": [
        {"name": "a", "type": "integer"}, {"name": "s", "type": "string"}, {"name": "x", "type": "double"},
        {"name": "b", "type": "boolean"}, {"name": "v", "type": "integer[]"}, {"name": "w", "type": "string[][]"}],
        "return": {"type": "integer[][]"}, "source": "python"}


def test_python_nodes_optional_and_forward_refs() -> None:
    code = ("class Solution:\n"
            "    def g(self, root: Optional[TreeNode], head: 'Optional[ListNode]', t: TreeNode | None,"
            " xs: List[Optional[TreeNode]]) -> Optional[ListNode]:\n        pass\n")
    assert _types(metadata_from_python(code)) == ["TreeNode", "ListNode", "TreeNode", "TreeNode[]", "ListNode"]


def test_python_entry_method_is_the_one_not_called_by_others() -> None:
    code = ("class Helper:\n    def __init__(self, n):\n        self.n = n\n    def query(self, i: int) -> int:\n        return i\n\n"
            "class Solution:\n    def dfs(self, u: int) -> int:\n        return u\n"
            "    def solve(self, n: int) -> int:\n        return self.dfs(n)\n    def _private(self) -> None:\n        pass\n")
    assert metadata_from_python(code) == {"name": "solve", "params": [{"name": "n", "type": "integer"}],
                                          "return": {"type": "integer"}, "source": "python"}


def test_python_in_place_problems() -> None:
    named = ('class Solution:\n    def merge(self, nums1: List[int], m: int, nums2: List[int], n: int) -> None:\n'
             '        """\n        Do not return anything, modify nums2 in-place instead.\n        """\n')
    doc = metadata_from_python(named)
    assert doc["return"] == {"type": "void"} and doc["output"] == {"paramindex": 2}
    first_list = ('class Solution:\n    def rotate(self, k: int, nums: List[int]) -> None:\n'
                  '        """Do not return anything, modify it in-place instead."""\n')
    assert metadata_from_python(first_list)["output"] == {"paramindex": 1}
    plain_void = "class Solution:\n    def f(self, nums: List[int]) -> None:\n        nums.sort()\n"
    doc = metadata_from_python(plain_void)
    assert doc["return"] == {"type": "void"} and "output" not in doc
    parse_metadata(doc)


def test_python_design_class() -> None:
    code = ("class Node:\n    def __init__(self, v):\n        self.v = v\n\n"
            "class Fenwick:\n    def __init__(self, n: int):\n        self.t = [0] * n\n    def add(self, i: int) -> None:\n        pass\n\n"
            "class RangeCounter:\n    def __init__(self, capacity: int):\n        self.f = Fenwick(capacity)\n"
            "    def add(self, key: int, val: str) -> None:\n        pass\n"
            "    def get(self, key: int) -> List[str]:\n        return []\n    def _grow(self) -> None:\n        pass\n")
    doc = metadata_from_python(code)
    assert doc == {"classname": "RangeCounter", "constructor": {"params": [{"name": "capacity", "type": "integer"}]},
                   "methods": [{"name": "add", "params": [{"name": "key", "type": "integer"}, {"name": "val", "type": "string"}],
                                "return": {"type": "void"}},
                               {"name": "get", "params": [{"name": "key", "type": "integer"}], "return": {"type": "string[]"}}],
                   "systemdesign": True, "source": "python"}
    parse_metadata(doc)


@pytest.mark.parametrize("code", [
    "class Solution:\n    def f(self, x: int) -> int\n        return x\n",          # syntax error
    "class Solution:\n    def f(self, x) -> int:\n        return x\n",              # no annotation
    "class Solution:\n    def f(self, x: dict[str, int]) -> int:\n        return 1\n",  # not a LeetCode type
    "class Solution:\n    def f(self, x: int):\n        return x\n",              # no return annotation
    "class Solution:\n    def f(self, *xs: int) -> int:\n        return 1\n",
    "class Solution:\n    def f(self, x: int, x2: List[None]) -> int:\n        return 1\n",
    "class Solution:\n    pass\n",
    "def f(x: int) -> int:\n    return x\n",
    "",
    "\x00",
])
def test_python_returns_none_rather_than_guess(code: str) -> None:
    assert metadata_from_python(code) is None


def test_python_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    code = f"open({str(marker)!r}, 'w').write('x')\nclass Solution:\n    def f(self, n: int) -> int:\n        return n\n"
    assert metadata_from_python(code)["name"] == "f"
    assert not marker.exists()


# --------------------------------------------------------------------------- Java / C++

def test_java_signatures() -> None:
    code = ("class SegmentTree {\n    public long getMax(int a, int b) { return 0; }\n}\n"
            "class Solution {\n    private int helper(int x) { return x; }\n"
            "    public List<List<Integer>> solve(int[] nums, char[][] board, long k, String s, List<String> words) {\n"
            "        return null;\n    }\n}\n")
    assert metadata_from_java(code) == {"name": "solve", "params": [
        {"name": "nums", "type": "integer[]"}, {"name": "board", "type": "character[][]"}, {"name": "k", "type": "long"},
        {"name": "s", "type": "string"}, {"name": "words", "type": "string[]"}], "return": {"type": "integer[][]"},
        "source": "java"}
    assert metadata_from_java("class Foo { }") is None
    assert metadata_from_java("class Solution { public Map<Integer, Integer> f(int x) { } }") is None


def test_cpp_signatures() -> None:
    code = ("class Solution {\npublic:\n    long long solve(vector<int>& nums, vector<vector<char>>& g, const string& s, "
            "char c, TreeNode* root, double d) {\n        if (x) {\n        }\n        return 0;\n    }\n};\n")
    assert _types(metadata_from_cpp(code)) == ["integer[]", "character[][]", "string", "character", "TreeNode", "double", "long"]
    assert metadata_from_cpp("int main() { return 0; }") is None


def test_java_and_cpp_design() -> None:
    java = ("class LRUCache {\n    public LRUCache(int capacity) {\n    }\n"
            "    public int get(int key) {\n        return 0;\n    }\n    public void put(int key, long value) {\n    }\n}\n")
    cpp = ("class LRUCache {\npublic:\n    LRUCache(int capacity) : cap(capacity) {\n    }\n\n"
           "    int get(int key) {\n        return 0;\n    }\n\n    void put(int key, long long value) {\n    }\n};\n")
    for doc in (metadata_from_java(java), metadata_from_cpp(cpp)):
        assert doc["classname"] == "LRUCache"
        assert doc["constructor"] == {"params": [{"name": "capacity", "type": "integer"}]}
        assert [(m["name"], m["return"]["type"]) for m in doc["methods"]] == [("get", "integer"), ("put", "void")]
        assert doc["methods"][1]["params"][1]["type"] == "long"
        parse_metadata(doc)
    # A helper class declared after the design class, and LeetCode's usage comment, are not the design.
    trie = ("class Trie {\n    public Trie() {\n    }\n    public boolean search(String word) {\n        return false;\n    }\n}\n"
            "class Node {\n    Node[] next = new Node[26];\n    Node() {\n    }\n}\n"
            "/**\n * Your Trie object will be instantiated and called as such:\n * class Foo { public Foo(int x) {} public int f() {} }\n */\n")
    doc = metadata_from_java(trie)
    assert doc["classname"] == "Trie" and [m["name"] for m in doc["methods"]] == ["search"]


# --------------------------------------------------------------------------- merging

def test_merge_refines_long_and_character() -> None:
    py = metadata_from_python("class Solution:\n    def f(self, grid: List[List[str]], c: str, n: int) -> List[int]:\n        pass\n")
    java = metadata_from_java("class Solution {\n    public long[] f(char[][] board, char ch, int n) {\n    }\n}\n")
    merged = merge_metadata(py, java)
    # Python's names survive; Java's types refine.
    assert merged == {"name": "f", "params": [{"name": "grid", "type": "character[][]"}, {"name": "c", "type": "character"},
                                              {"name": "n", "type": "integer"}], "return": {"type": "long[]"},
                      "source": "python+java"}
    assert py["params"][0]["type"] == "string[][]"  # inputs are not mutated


def test_merge_cpp_long_long_and_disagreements_ignored() -> None:
    py = metadata_from_python("class Solution:\n    def f(self, s: str, n: int) -> int:\n        pass\n")
    cpp = metadata_from_cpp("class Solution {\npublic:\n    long long f(vector<char>& s, long long n) {\n    }\n};\n")
    # str vs vector<char> is a different shape, not a refinement; long long refines int.
    assert _types(merge_metadata(py, cpp)) == ["string", "long", "long"]
    other_name = metadata_from_java("class Solution {\n    public long g(String s, long n) {\n    }\n}\n")
    assert merge_metadata(py, other_name) == py
    assert merge_metadata(py, None, None) == py


def test_merge_without_python_uses_java_then_cpp() -> None:
    java = metadata_from_java("class Solution {\n    public boolean ok(int[] a) {\n    }\n}\n")
    assert merge_metadata(None, java) == java
    assert merge_metadata(None, None) is None


def test_merge_design_refines_by_method_name() -> None:
    py = metadata_from_python("class Bank:\n    def __init__(self, balance: List[int]):\n        pass\n"
                              "    def withdraw(self, account: int, money: int) -> bool:\n        pass\n")
    java = ("class Bank {\n    public Bank(long[] balance) {\n    }\n"
            "    public boolean withdraw(int account, long money) {\n        return true;\n    }\n}\n")
    merged = merge_metadata(py, metadata_from_java(java))
    assert merged["constructor"]["params"] == [{"name": "balance", "type": "long[]"}]
    assert merged["methods"][0]["params"][1] == {"name": "money", "type": "long"}


# --------------------------------------------------------------------------- real references

def _fences(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for lang, code in re.findall(r"^```(\w*)\n(.*?)^```", text, re.S | re.M):
        if code.strip():
            out.setdefault(lang, code)
    return out


def test_real_references_agree_with_suite_recipes() -> None:
    problems = DATA / "leetcode" / "problems"
    if not problems.exists():
        pytest.skip(missing_shared_data(problems, "doocs LeetCode problem pages"))
    derived = 0
    for folder in sorted(problems.iterdir()):
        code = _fences((folder / "README_EN.md").read_text(encoding="utf-8"))
        if "python" not in code:
            continue
        py = metadata_from_python(code["python"])
        assert py is not None, folder.name
        merged = merge_metadata(py, metadata_from_java(code.get("java", ""), py["name"]),
                                metadata_from_cpp(code.get("cpp", ""), py["name"]))
        parse_metadata(merged)
        derived += 1
        recipe = SUITE / folder.name / "problem.toml"
        if recipe.exists():
            expected = tomllib.loads(recipe.read_text(encoding="utf-8")).get("metadata")
            if expected:
                # The recipe states the signature; the merge also records its sources.
                assert merged.pop("source").startswith("python") and merged == json.loads(expected), folder.name
    # The data README says 22; the files hold 23 (smallest-unique-subarray has a Python-only reference).
    assert derived == 23
    # Python says int; Java/C++ say long: the merge must pick long.
    text = (problems / "maximum-sum-of-alternating-subsequence-with-distance-at-least-k" / "README_EN.md").read_text()
    code = _fences(text)
    merged = merge_metadata(metadata_from_python(code["python"]), metadata_from_java(code["java"]), metadata_from_cpp(code["cpp"]))
    assert merged["return"] == {"type": "long"}
