import random

MAXN = 10**5
MAXQ = 10**5
MAXV = 10**9
MAXK = 10**9


def _check(nums, queries):
    n = len(nums)
    assert 1 <= n <= MAXN
    assert all(isinstance(v, int) and 1 <= v <= MAXV for v in nums)
    assert all(nums[i] < nums[i + 1] for i in range(n - 1))
    assert 1 <= len(queries) <= MAXQ
    for q in queries:
        assert isinstance(q, list) and len(q) == 3
        l, r, k = q
        assert 0 <= l <= r < n
        assert 1 <= k <= MAXK
    return {"args": {"nums": nums, "queries": queries}}


def _incr(rng, n, lo, hi):
    return sorted(rng.sample(range(lo, hi + 1), n))


def _k(rng, cap=MAXK):
    r = rng.random()
    if r < 0.3:
        return rng.randint(1, min(cap, 10))
    if r < 0.8:
        return min(cap, int(10 ** rng.uniform(0, 9.0001)) or 1)
    return rng.randint(max(1, cap - 1000), cap)


def _queries(rng, n, q, kcap=MAXK, wide=False):
    out = []
    for _ in range(q):
        if wide:
            l = rng.randint(0, min(n - 1, n // 50))
            r = rng.randint(max(l, n - 1 - n // 50), n - 1)
        else:
            l = rng.randrange(n)
            r = rng.randint(l, n - 1) if rng.random() < 0.7 else min(n - 1, l + rng.randint(0, 5))
        out.append([l, r, _k(rng, kcap)])
    return out


def generate(rng: random.Random) -> list[dict]:
    T = []
    # single element
    for v in [1, 2, 3, 4, MAXV, MAXV - 1]:
        T.append(_check([v], [[0, 0, 1], [0, 0, 2], [0, 0, MAXK], [0, 0, 3]]))
    # dense evens: removals cascade
    T.append(_check([2, 4, 6, 8, 10], [[0, 4, 1], [1, 4, 1], [0, 0, 1], [2, 3, 3], [0, 4, 5], [4, 4, 5], [4, 4, 4]]))
    T.append(_check(list(range(1, 41)), [[l, r, k] for l in range(0, 40, 7) for r in range(l, 40, 9) for k in (1, 2, 5, 11)]))
    # tiny random
    for _ in range(30):
        n = rng.randint(1, 10)
        nums = _incr(rng, n, 1, rng.choice([n, 2 * n, 30]))
        qs = [[l, r, rng.randint(1, 25)] for l, r in
              (sorted((rng.randrange(n), rng.randrange(n))) for _ in range(rng.randint(1, 12)))]
        T.append(_check(nums, qs))
    # large values near the top: answers close to 2 * 10^9
    nums = list(range(MAXV - 2 * 3000 + 2, MAXV + 1, 2))  # 3000 evens ending at 10^9
    T.append(_check(nums, [[0, len(nums) - 1, MAXK], [0, len(nums) - 1, MAXV // 2], [0, len(nums) - 1, MAXV // 2 - 3000],
                           [5, 2000, MAXV // 2 - 2990], [0, 0, MAXK]] + _queries(rng, len(nums), 200)))
    # medium random
    for _ in range(12):
        n = rng.randint(50, 3000)
        hi = rng.choice([2 * n, 3 * n, 10**6, MAXV])
        nums = _incr(rng, n, 1, hi)
        kcap = rng.choice([10, n, MAXK])
        T.append(_check(nums, _queries(rng, n, rng.randint(50, 2000), kcap)))
    # all even / all odd
    T.append(_check(list(range(2, 2 * 2000 + 1, 2)), _queries(rng, 2000, 2000, 3000)))
    T.append(_check(list(range(1, 2 * 2000, 2)), _queries(rng, 2000, 2000, 3000)))
    # maximum size: wide queries (slow per-query scans time out)
    nums = _incr(rng, MAXN, 1, MAXV)
    T.append(_check(nums, _queries(rng, MAXN, MAXQ, MAXK, wide=True)))
    nums = list(range(2, 2 * MAXN + 1, 2))
    T.append(_check(nums, _queries(rng, MAXN, MAXQ, 3 * MAXN, wide=True)))
    nums, v = [], 1
    for _ in range(MAXN):
        v += rng.choice([1, 2, 2, 2, 4])
        nums.append(v)
    T.append(_check(nums, _queries(rng, MAXN, MAXQ, 4 * MAXN, wide=rng.random() < 2)))
    return T
