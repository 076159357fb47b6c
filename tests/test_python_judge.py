"""The Python 3 judge checks syntax inside the harness (no py_compile process).

Real Docker judge.  The claims: a syntax error is still CE (alone and in a
trusted batch, with the compiler's message), a submission cannot forge the
harness's syntax header, the header of a harness restarted after a crash is
not taken for a result, LeetCode's preloaded names and sortedcontainers are
there, and numpy can be imported (as on LeetCode) without being preloaded.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import load_problem, stdin_problem
from test_batch_judge import TWO_SUM_OK

pytestmark = pytest.mark.docker

SYNTAX_ERROR = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1\n"
# Not UTF-8: py_compile called it a SyntaxError, so must the harness.
BAD_BYTES = "class Solution:\n    def twoSum(self, nums, target):\n        return '\udcff'\n"
NUL_BYTE = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]\n\x00\n"
# Writes what a failed header looks like to the result channel before
# anything else: it is its first answer (WA), never a compile error.
FORGED_HEADER = """
import os
os.write(3, b'{"compiled": false, "output": "forged"}\\n')
""" + TWO_SUM_OK
# Crashes on the second test only: the harness restarts, and the restart's
# header must not be read as the answer to the third test.
CRASH_ON_SECOND = """
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        if nums == [3, 2, 4]:
            raise ValueError("second")
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
"""
# Preloaded as on LeetCode (no imports), plus sortedcontainers and numpy by import.
ENVIRONMENT = """
import numpy
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        assert isinstance(deque(), collections.deque) and inf == math.inf and gcd(4, 6) == 2
        assert SortedList([3, 1, 2])[0] == 1 and ascii_lowercase[0] == "a" and accumulate and heappush
        assert "numpy" not in sys.modules or numpy.__name__ == "numpy"
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return numpy.array([seen[target - x], i], dtype=numpy.int64).tolist()
            seen[x] = i
"""
NUMPY_NOT_PRELOADED = 'assert "numpy" not in sys.modules, "numpy was preloaded"\n' + TWO_SUM_OK


@pytest.mark.parametrize("src", [SYNTAX_ERROR, BAD_BYTES, NUL_BYTE], ids=["syntax", "bad-utf8", "nul"])
def test_syntax_error_is_ce_alone_and_in_a_batch(judge: Any, src: str) -> None:
    spec = load_problem("fn_twosum")
    alone = judge.judge(spec, "python3", src)
    assert alone.verdict.value == "CE", (alone.verdict, alone.message, [t.message for t in alone.tests])
    assert "SyntaxError" in alone.compile_output and not alone.tests
    batch = judge.judge_trusted([(spec, "python3", TWO_SUM_OK, None), (spec, "python3", src, None),
                                 (spec, "python3", TWO_SUM_OK, None)])
    assert [r.verdict.value for r in batch] == ["AC", "CE", "AC"]
    assert batch[1].compile_output == alone.compile_output
    if src is SYNTAX_ERROR:
        assert 'File "solution.py", line 3' in alone.compile_output and "never closed" in alone.compile_output


def test_stdin_syntax_error_is_still_ce(judge: Any) -> None:
    spec = stdin_problem([("1 2", "3")])
    for result in (judge.judge(spec, "python3", "print(1 +\n"),
                   judge.judge_trusted([(spec, "python3", "print(1 +\n", None)])[0]):
        assert result.verdict.value == "CE" and "SyntaxError" in result.compile_output


def test_submission_cannot_forge_the_syntax_header(judge: Any) -> None:
    spec = load_problem("fn_twosum")
    result = judge.judge(spec, "python3", FORGED_HEADER)
    assert result.verdict.value == "WA", (result.verdict, result.compile_output)
    assert result.tests[0].verdict.value == "WA" and "forged" not in result.compile_output


def test_restarted_harness_header_is_not_a_result(judge: Any) -> None:
    spec = load_problem("fn_twosum")
    result = judge.judge(spec, "python3", CRASH_ON_SECOND)
    assert [t.verdict.value for t in result.tests] == ["AC", "RE", "AC", "AC", "AC"], [t.message for t in result.tests]
    assert "second" in result.tests[1].message


def test_leetcode_environment_and_lazy_numpy(judge: Any) -> None:
    spec = load_problem("fn_twosum")
    for src in (ENVIRONMENT, NUMPY_NOT_PRELOADED):
        result = judge.judge(spec, "python3", src)
        assert result.verdict.value == "AC", (result.verdict, [t.message for t in result.tests])
