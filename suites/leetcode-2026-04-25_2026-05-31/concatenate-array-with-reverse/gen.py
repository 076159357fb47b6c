"""Inputs for concatenate-array-with-reverse: 1 <= n <= 100, 1 <= nums[i] <= 100."""
import random


def _check(nums):
    assert 1 <= len(nums) <= 100
    assert all(isinstance(x, int) and 1 <= x <= 100 for x in nums)
    return {"args": {"nums": nums}}


def generate(rng: random.Random) -> list[dict]:
    tests = []
    # edge cases
    tests.append(_check([1]))
    tests.append(_check([100]))
    tests.append(_check([1, 100]))
    tests.append(_check([100, 1]))
    tests.append(_check([7, 7]))
    tests.append(_check([5] * 100))
    tests.append(_check(list(range(1, 101))))
    tests.append(_check(list(range(100, 0, -1))))
    tests.append(_check([1, 2, 1]))  # palindrome
    tests.append(_check([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]))
    # random, every size class
    for _ in range(30):
        n = rng.randint(1, 100)
        tests.append(_check([rng.randint(1, 100) for _ in range(n)]))
    for n in range(2, 12):
        tests.append(_check([rng.randint(1, 100) for _ in range(n)]))
    # maximum size
    for _ in range(4):
        tests.append(_check([rng.randint(1, 100) for _ in range(100)]))
    return tests
