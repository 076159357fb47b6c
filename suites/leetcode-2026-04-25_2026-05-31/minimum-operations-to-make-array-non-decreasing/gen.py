import random

MAXV = 10**9
MAXN = 10**5


def _check(nums):
    assert 1 <= len(nums) <= MAXN
    assert all(isinstance(v, int) and 1 <= v <= MAXV for v in nums)
    return {"args": {"nums": nums}}


def generate(rng: random.Random) -> list[dict]:
    out = []
    # edge cases
    for nums in ([1], [MAXV], [1, 1], [2, 1], [MAXV, 1], [1, MAXV], [3, 3, 3],
                 [5, 4, 3, 2, 1], [1, 2, 3, 4, 5], [3, 1, 3, 1, 3], [1, 3, 2, 4, 3, 5],
                 [MAXV, 1, MAXV, 1], [2, 2, 1, 1, 2, 2]):
        out.append(_check(list(nums)))
    # small random
    for _ in range(20):
        n = rng.randint(1, 10)
        hi = rng.choice([3, 10, MAXV])
        out.append(_check([rng.randint(1, hi) for _ in range(n)]))
    # medium random, some nearly sorted
    for _ in range(10):
        n = rng.randint(11, 5000)
        a = [rng.randint(1, MAXV) for _ in range(n)]
        if rng.random() < 0.5:
            a.sort()
            for _ in range(rng.randint(1, 10)):
                i = rng.randrange(n)
                a[i] = rng.randint(1, MAXV)
        out.append(_check(a))
    # maximum size
    out.append(_check([MAXV if i % 2 == 0 else 1 for i in range(MAXN)]))       # answer ~ 5e13
    out.append(_check([MAXV - i for i in range(MAXN)]))                          # strictly decreasing
    out.append(_check([rng.randint(1, MAXV) for _ in range(MAXN)]))
    out.append(_check(sorted(rng.randint(1, MAXV) for _ in range(MAXN))))       # answer 0
    out.append(_check([rng.randint(1, 100) for _ in range(MAXN)]))
    out.append(_check([MAXV] * MAXN))
    out.append(_check(sorted((rng.randint(1, MAXV) for _ in range(MAXN)), reverse=True)))
    return out
