import random

MAXV = 10**5
MAXN = 10**5


def _check(nums, k):
    n = len(nums)
    assert 1 <= n <= MAXN
    assert all(isinstance(v, int) and 1 <= v <= MAXV for v in nums)
    assert isinstance(k, int) and 1 <= k <= n
    return {"args": {"nums": nums, "k": k}}


def generate(rng: random.Random) -> list[dict]:
    out = []
    # edge cases
    out.append(_check([1], 1))
    out.append(_check([MAXV], 1))
    out.append(_check([3, 3], 1))
    out.append(_check([3, 3], 2))
    out.append(_check([1, 2], 2))
    out.append(_check([2, 1], 1))
    out.append(_check([5, 5, 5, 5], 1))
    out.append(_check([1, 2, 3, 4, 5], 1))
    out.append(_check([5, 1, 5, 1, 5], 2))
    out.append(_check([5, 1, 5, 1, 5], 5))
    out.append(_check([2, 9, 2, 9, 2, 9], 3))
    # small random, many duplicates
    for _ in range(20):
        n = rng.randint(1, 12)
        hi = rng.choice([2, 3, 5, MAXV])
        out.append(_check([rng.randint(1, hi) for _ in range(n)], rng.randint(1, n)))
    # medium random
    for _ in range(12):
        n = rng.randint(13, 3000)
        hi = rng.choice([5, 100, MAXV])
        k = rng.choice([1, 2, rng.randint(1, n), rng.randint(1, max(1, n // 50)), n])
        out.append(_check([rng.randint(1, hi) for _ in range(n)], k))
    # maximum size
    out.append(_check([MAXV if i % 2 == 0 else MAXV - 1 for i in range(MAXN)], 1))   # answer ~ 1e10
    out.append(_check([rng.randint(1, MAXV) for _ in range(MAXN)], 1))
    out.append(_check([rng.randint(1, MAXV) for _ in range(MAXN)], 3))
    out.append(_check([rng.randint(1, MAXV) for _ in range(MAXN)], 1000))
    out.append(_check([rng.randint(1, 10) for _ in range(MAXN)], 2))
    out.append(_check(list(range(1, MAXN + 1)), 1))                                   # increasing
    out.append(_check([MAXV] * MAXN, 1))                                              # all equal
    out.append(_check([rng.randint(1, MAXV) for _ in range(MAXN)], MAXN))             # single element
    out.append(_check([rng.randint(1, MAXV) for _ in range(MAXN)], MAXN // 2))
    return out
