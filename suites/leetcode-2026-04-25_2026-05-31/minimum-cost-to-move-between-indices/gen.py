"""Inputs for minimum-cost-to-move-between-indices.

2 <= n <= 1e5, -1e9 <= nums[i] <= 1e9 strictly increasing, 1 <= q <= 1e5, 0 <= l, r < n.
"""
import random

N = 10**5
LIM = 10**9


def _check(nums, queries):
    n = len(nums)
    assert 2 <= n <= N
    assert all(isinstance(x, int) and -LIM <= x <= LIM for x in nums)
    assert all(nums[i] < nums[i + 1] for i in range(n - 1))
    assert 1 <= len(queries) <= N
    assert all(len(q) == 2 and 0 <= q[0] < n and 0 <= q[1] < n for q in queries)
    return {"args": {"nums": nums, "queries": queries}}


def _from_gaps(start, gaps):
    out = [start]
    for g in gaps:
        out.append(out[-1] + g)
    return out


def _nums(rng, n, mode):
    if mode == "ties":      # tiny gaps: many equal neighbour distances
        gaps = [rng.randint(1, 3) for _ in range(n - 1)]
        return _from_gaps(rng.randint(-1000, 1000), gaps)
    if mode == "equal":     # all gaps equal: every tie goes to the smaller index
        g = rng.randint(1, 2 * LIM // max(1, n - 1))
        return _from_gaps(-LIM, [g] * (n - 1))
    if mode == "wide":      # spread over the full value range
        vals = sorted(rng.sample(range(-LIM, LIM + 1), n))
        return vals
    if mode == "mixed":     # gaps of very different scales
        gaps = [rng.choice([1, 2, rng.randint(1, 100), rng.randint(1, 10**4)]) for _ in range(n - 1)]
        return _from_gaps(-LIM + rng.randint(0, 1000), gaps)
    raise ValueError(mode)


def _queries(rng, n, q, mode="random"):
    out = []
    for _ in range(q):
        if mode == "far":
            a, b = rng.randint(0, min(n - 1, 50)), rng.randint(max(0, n - 51), n - 1)
            out.append([a, b] if rng.random() < 0.5 else [b, a])
        else:
            r = rng.random()
            if r < 0.05:
                i = rng.randrange(n)
                out.append([i, i])
            elif r < 0.15:
                i = rng.randrange(n - 1)
                out.append([i, i + 1] if rng.random() < 0.5 else [i + 1, i])
            else:
                out.append([rng.randrange(n), rng.randrange(n)])
    return out


def generate(rng: random.Random) -> list[dict]:
    tests = []
    # edge cases
    tests.append(_check([0, 1], [[0, 1], [1, 0], [0, 0], [1, 1]]))
    tests.append(_check([-LIM, LIM], [[0, 1], [1, 0]]))
    tests.append(_check([-LIM, LIM - 1, LIM], [[0, 2], [2, 0], [0, 1], [1, 0], [1, 2], [2, 1]]))
    tests.append(_check([-LIM, -LIM + 1, LIM], [[0, 2], [2, 0], [1, 2], [2, 1]]))
    tests.append(_check([1, 2, 3], [[0, 2], [2, 0], [1, 0], [1, 2]]))            # tie at index 1
    tests.append(_check([0, 5, 10, 15, 20], [[0, 4], [4, 0], [1, 3], [3, 1], [2, 2]]))
    tests.append(_check([0, 1, 3, 6, 10, 15], [[0, 5], [5, 0], [2, 4], [4, 2]]))  # growing gaps
    tests.append(_check([0, 5, 9, 12, 14, 15], [[0, 5], [5, 0], [1, 4], [4, 1]]))  # shrinking gaps
    tests.append(_check([-7, -3, 0, 4, 9], [[i, j] for i in range(5) for j in range(5)]))
    # small random
    for _ in range(20):
        n = rng.randint(2, 10)
        nums = _nums(rng, n, rng.choice(["ties", "ties", "mixed", "wide"]))
        tests.append(_check(nums, [[i, j] for i in range(n) for j in range(n)]))
    # medium random
    for _ in range(14):
        n = rng.randint(10, 3000)
        nums = _nums(rng, n, rng.choice(["ties", "equal", "wide", "mixed"]))
        tests.append(_check(nums, _queries(rng, n, rng.randint(1, 3000))))
    # large
    for mode in ["ties", "wide", "mixed", "equal"]:
        n = rng.randint(5000, 10000)
        tests.append(_check(_nums(rng, n, mode), _queries(rng, n, rng.randint(2000, 5000))))
    # maximum size
    tests.append(_check(_nums(rng, N, "ties"), _queries(rng, N, N)))
    tests.append(_check(_nums(rng, N, "ties"), _queries(rng, N, 50000, "far")))
    tests.append(_check(_nums(rng, N, "wide"), _queries(rng, N, N)))
    tests.append(_check(_nums(rng, N, "equal"), _queries(rng, N, 10000, "far")))
    return tests
