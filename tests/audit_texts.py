"""200 synthetic but realistic contest statements for the memorization controls.

Each statement follows the shape of a LeetCode problem (task, examples with
concrete values, constraints) with its own entities, values and bounds drawn
from a seeded generator, so any half of them looks like any other half to a
bag-of-words classifier, while a model trained on one half has seen that half's
exact wording and numbers.
"""

from __future__ import annotations

import random

SUBJECTS = ["array nums", "string s", "list of intervals", "binary tree", "matrix grid", "array prices", "string word",
            "array heights", "list of edges", "array tasks", "string pattern", "array scores"]
GOALS = ["the maximum sum of a contiguous subarray", "the number of distinct substrings", "the length of the longest path",
         "the minimum number of operations", "the smallest missing positive value", "the number of valid pairs",
         "the largest area that can be enclosed", "the earliest day on which every item is collected",
         "the lexicographically smallest result", "the total cost after all merges", "the number of good subsequences",
         "the maximum profit you can achieve"]
OPS = ["choose an index i and increase the value at i by one", "remove any two adjacent equal elements",
       "swap two characters at different positions", "split a segment into two non-empty parts",
       "replace an element with the sum of its neighbours", "reverse any prefix", "delete a leaf node",
       "merge two consecutive intervals that overlap", "rotate a row of the grid to the right",
       "flip the sign of a single element"]
NAMES = ["Alice", "Bob", "a courier", "the robot", "a gardener", "the librarian", "a student", "the merchant"]
PLACES = ["warehouse", "city", "garden", "library", "market", "school", "harbour", "museum"]


def _example(rng: random.Random) -> str:
    values = [rng.randint(-50, 99) for _ in range(rng.randint(3, 7))]
    k = rng.randint(1, 9)
    answer = rng.randint(0, 500)
    return f"Input: nums = [{','.join(map(str, values))}], k = {k}\nOutput: {answer}"


def statement(i: int) -> str:
    rng = random.Random(1000 + i)
    subject, goal, op = rng.choice(SUBJECTS), rng.choice(GOALS), rng.choice(OPS)
    who, where = rng.choice(NAMES), rng.choice(PLACES)
    n_max, v_max = 10 ** rng.randint(3, 5), 10 ** rng.randint(4, 9)
    steps = rng.randint(2, 9)
    lines = [
        f"{who} is working in the {where} and is given a 0-indexed {subject} of length n and an integer k.",
        f"In one operation you may {op}. You may perform at most {steps} operations of this kind, "
        f"and each operation costs {rng.randint(1, 20)} coins.",
        f"Return {goal} after performing the operations optimally. If it is impossible, return -{rng.randint(1, 3)}.",
        "",
        "Example 1:",
        _example(rng),
        f"Explanation: {who} applies the operation {rng.randint(1, steps)} times near index {rng.randint(0, 6)}.",
        "",
        "Example 2:",
        _example(rng),
        "",
        "Constraints:",
        f"1 <= n <= {n_max}",
        f"-{v_max} <= nums[i] <= {v_max}",
        f"1 <= k <= {rng.randint(2, 50)}",
    ]
    return "\n".join(lines)


def statements(count: int = 200) -> list[str]:
    return [statement(i) for i in range(count)]
