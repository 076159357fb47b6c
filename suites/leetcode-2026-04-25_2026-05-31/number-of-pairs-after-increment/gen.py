import random

MAXN = 5 * 10**4
MAXQ = 5 * 10**4
MAXV = 10**5
MAXT = 10**9


class _Fenwick:
    # range add / point query, to know current nums2 values while generating
    def __init__(self, n):
        self.n = n
        self.t = [0] * (n + 1)

    def _add(self, i, v):
        i += 1
        while i <= self.n:
            self.t[i] += v
            i += i & -i

    def range_add(self, l, r, v):
        self._add(l, v)
        if r + 1 < self.n:
            self._add(r + 1, -v)

    def point(self, i):
        i += 1
        s = 0
        while i > 0:
            s += self.t[i]
            i -= i & -i
        return s


def _check(nums1, nums2, queries):
    assert 1 <= len(nums1) <= 5 and 1 <= len(nums2) <= MAXN
    assert all(1 <= x <= MAXV for x in nums1) and all(1 <= x <= MAXV for x in nums2)
    assert 1 <= len(queries) <= MAXQ
    n = len(nums2)
    for q in queries:
        assert len(q) in (2, 4)
        if q[0] == 1:
            assert len(q) == 4 and 0 <= q[1] <= q[2] < n and 1 <= q[3] <= MAXV
        else:
            assert q[0] == 2 and len(q) == 2 and 1 <= q[1] <= MAXT
    return {"args": {"nums1": list(nums1), "nums2": list(nums2), "queries": [list(q) for q in queries]}}


def _make(rng, nums1, nums2, nq, p_update, max_len, max_val, p_hit=0.7):
    n = len(nums2)
    fw = _Fenwick(n)
    qs = []
    for _ in range(nq):
        if rng.random() < p_update:
            ln = rng.randint(1, min(max_len, n))
            x = rng.randint(0, n - ln)
            v = rng.randint(1, max_val)
            qs.append([1, x, x + ln - 1, v])
            fw.range_add(x, x + ln - 1, v)
        else:
            if rng.random() < p_hit:
                k = rng.randrange(n)
                tot = nums2[k] + fw.point(k) + rng.choice(nums1)
                if tot > MAXT:
                    tot = rng.randint(1, MAXT)
            else:
                tot = rng.randint(2, 2 * MAXV + 100)
            qs.append([2, tot])
    return _check(nums1, nums2, qs)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _check([1], [1], [[2, 2]]),
        _check([1], [1], [[2, 1]]),
        _check([1], [1], [[1, 0, 0, 1], [2, 3], [2, 2]]),
        _check([MAXV] * 5, [MAXV] * 3, [[2, 2 * MAXV], [1, 1, 1, MAXV], [2, 2 * MAXV], [2, 3 * MAXV]]),
        _check([1, 1, 2], [1, 2, 3], [[2, 3], [1, 0, 2, 1], [2, 3], [2, 4]]),
        _check([5, 5, 5, 5, 5], [1] * 10, [[2, 6], [1, 0, 9, 1], [2, 7], [2, 6]]),
    ]
    for _ in range(30):
        n1 = rng.randint(1, 5)
        n2 = rng.randint(1, 12)
        mv = rng.choice([3, 10, MAXV])
        nums1 = [rng.randint(1, mv) for _ in range(n1)]
        nums2 = [rng.randint(1, mv) for _ in range(n2)]
        tests.append(_make(rng, nums1, nums2, rng.randint(1, 20), rng.random(), n2, rng.choice([1, 3, mv])))
    for _ in range(10):
        n2 = rng.randint(100, 3000)
        mv = rng.choice([50, 1000, MAXV])
        nums1 = [rng.randint(1, mv) for _ in range(rng.randint(1, 5))]
        nums2 = [rng.randint(1, mv) for _ in range(n2)]
        tests.append(_make(rng, nums1, nums2, rng.randint(100, 3000), rng.choice([0.2, 0.5, 0.8]),
                           rng.choice([10, n2]), rng.choice([1, 5, 100])))
    # int32 overflow: every value passes 2^32 and wraps onto a reachable total
    n = 2000
    nums1 = [1, 2, 3, 4, 5]
    nums2 = [rng.randint(1, 1000) for _ in range(n)]
    qs = []
    for i in range(42950):
        qs.append([1, 0, n - 1, MAXV] if i % 7 else [1, rng.randrange(n // 2), n - 1 - rng.randrange(n // 2), MAXV])
    fw = _Fenwick(n)
    for q in qs:
        fw.range_add(q[1], q[2], q[3])
    for _ in range(MAXQ - len(qs)):
        k = rng.randrange(n)
        wrapped = (nums2[k] + fw.point(k)) % (1 << 32)
        tot = wrapped + rng.choice(nums1)
        qs.append([2, tot if 1 <= tot <= MAXT else rng.randint(1, MAXT)])
    tests.append(_check(nums1, nums2, qs))
    # maximum size
    nums1 = [rng.randint(1, 100) for _ in range(5)]
    tests.append(_make(rng, nums1, [rng.randint(1, 200) for _ in range(MAXN)], MAXQ, 0.5, MAXN, 20))
    tests.append(_make(rng, [7, 7, 7, 7, 7], [rng.randint(1, MAXV) for _ in range(MAXN)], MAXQ, 0.3, MAXN, MAXV))
    tests.append(_make(rng, [1, 2, 3, 4, 5], [rng.randint(1, 10) for _ in range(MAXN)], MAXQ, 0.0, 1, 1))
    tests.append(_make(rng, [rng.randint(1, MAXV) for _ in range(5)], [rng.randint(1, MAXV) for _ in range(MAXN)],
                       MAXQ // 3, 0.7, MAXN, MAXV))
    return tests
