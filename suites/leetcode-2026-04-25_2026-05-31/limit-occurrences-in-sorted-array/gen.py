import random


def _t(nums, k):
    n = len(nums)
    assert 1 <= n <= 100
    assert all(1 <= x <= 100 for x in nums)
    assert all(nums[i] <= nums[i + 1] for i in range(n - 1))
    assert 1 <= k <= n
    return {"args": {"nums": list(nums), "k": k}}


def _sorted_runs(rng, n, distinct, maxv=100):
    vals = sorted(rng.sample(range(1, maxv + 1), distinct))
    cuts = sorted(rng.sample(range(1, n), distinct - 1)) if distinct > 1 else []
    out = []
    prev = 0
    for i, c in enumerate(cuts + [n]):
        out += [vals[i]] * (c - prev)
        prev = c
    return out


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _t([1], 1),
        _t([100], 1),
        _t([5, 5], 1),
        _t([5, 5], 2),
        _t([1, 2], 1),
        _t([7] * 100, 1),
        _t([7] * 100, 100),
        _t([7] * 100, 99),
        _t([7] * 100, 50),
        _t(list(range(1, 101)), 1),
        _t(list(range(1, 101)), 100),
        _t([1, 1, 1, 2, 2, 3], 3),
        _t([1, 1, 1, 2, 2, 3], 1),
        _t([1, 2, 2, 2, 3, 3, 3, 3], 3),
        _t([1] * 50 + [100] * 50, 49),
        _t([1] * 50 + [100] * 50, 51),
        _t([3] * 10 + [4] * 9 + [5] * 11, 10),
    ]
    for _ in range(30):
        n = rng.randint(1, 100)
        distinct = rng.randint(1, min(n, 100))
        nums = _sorted_runs(rng, n, distinct)
        k = rng.choice([1, 2, 3, rng.randint(1, n), n, max(1, n // distinct)])
        tests.append(_t(nums, min(k, n)))
    for _ in range(6):
        # few distinct values with long runs
        nums = _sorted_runs(rng, 100, rng.randint(1, 5))
        tests.append(_t(nums, rng.randint(1, 40)))
    # maximum size
    tests.append(_t(_sorted_runs(rng, 100, 10), 7))
    tests.append(_t(sorted(rng.randint(1, 100) for _ in range(100)), 2))
    tests.append(_t(_sorted_runs(rng, 100, 3), 34))
    return tests
