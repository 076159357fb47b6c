"""Inputs for maximize-fixed-points-after-deletions: 1 <= n <= 1e5, 0 <= nums[i] <= 1e5."""
import random

N = 10**5
V = 10**5


def _check(nums):
    assert 1 <= len(nums) <= N
    assert all(isinstance(x, int) and 0 <= x <= V for x in nums)
    return {"args": {"nums": nums}}


def _planted(rng, n, junk_rate, vmax=V):
    """Fixed-point runs 0, 1, 2, ... with junk inserted; deleting the junk restores them."""
    out, v = [], 0
    while len(out) < n:
        if rng.random() < junk_rate:
            out.append(rng.randint(0, vmax))
        else:
            out.append(min(v, vmax))
            v += 1
            if rng.random() < 0.02:
                v += rng.randint(1, 5)  # a gap that must be bridged by kept junk
    return out


def _below_index(rng, n, spread):
    """nums[i] close below i: many candidates whose required deletions vary."""
    return [max(0, i - rng.randint(0, spread)) if i <= V else rng.randint(0, V) for i in range(n)]


def generate(rng: random.Random) -> list[dict]:
    tests = []
    # edge cases
    tests += [_check([0]), _check([1]), _check([V]), _check([0, 0]), _check([1, 1]), _check([1, 0]),
              _check([0, 1]), _check([2, 2, 2]), _check([0, 0, 0, 0]), _check([3, 2, 1, 0]),
              _check([1, 2, 3, 4]), _check([0, 2, 2, 1, 3]), _check([5, 0, 5, 1, 5, 2]), _check([1, 0, 2, 1, 3, 2]),
              _check([0, 3, 1, 4, 2, 5])]
    # small random
    for _ in range(12):
        n = rng.randint(1, 12)
        tests.append(_check([rng.randint(0, rng.choice([3, 8, 12])) for _ in range(n)]))
    # medium random of several shapes
    for _ in range(6):
        n = rng.randint(50, 3000)
        tests.append(_check(_planted(rng, n, rng.choice([0.1, 0.3, 0.6]))))
    for _ in range(5):
        n = rng.randint(50, 3000)
        tests.append(_check(_below_index(rng, n, rng.choice([3, 20, 500]))))
    for _ in range(4):
        n = rng.randint(50, 3000)
        tests.append(_check([rng.randint(0, min(V, n)) for _ in range(n)]))
    # maximum size
    tests.append(_check(list(range(N))))                      # identity: n fixed points
    tests.append(_check([0] * N))                             # only one fixed point possible
    tests.append(_check([V] * N))                             # none possible
    tests.append(_check(list(range(N - 1, -1, -1))))          # decreasing
    tests.append(_check(_planted(rng, N, 0.3)))
    tests.append(_check(_planted(rng, N, 0.7)))
    tests.append(_check(_below_index(rng, N, 10)))
    tests.append(_check(_below_index(rng, N, 2000)))
    tests.append(_check([rng.randint(0, i) for i in range(N)]))  # every element is a candidate
    tests.append(_check([rng.randint(0, V) for _ in range(N)]))
    return tests
