import random

MAXN = 10**5
MAXV = 10**9


def _check(nums):
    n = len(nums)
    assert 3 <= n <= MAXN
    assert all(isinstance(v, int) and 1 <= v <= MAXV for v in nums)
    p = nums.index(max(nums))
    # strictly increasing up to a single peak, then strictly decreasing;
    # we keep the peak strictly inside so both parts have >= 2 elements
    assert 1 <= p <= n - 2
    assert all(nums[i] < nums[i + 1] for i in range(p))
    assert all(nums[i] > nums[i + 1] for i in range(p, n - 1))
    return {"args": {"nums": nums}}


def _side(rng, cnt, lo, hi):
    """cnt distinct values in [lo, hi], sorted ascending."""
    return sorted(rng.sample(range(lo, hi + 1), cnt))


def _bitonic(rng, n, p, peak, lo=1):
    left = _side(rng, p, lo, peak - 1)
    right = _side(rng, n - 1 - p, lo, peak - 1)[::-1]
    return left + [peak] + right


def _tie(rng, n, p, peak, lo=1):
    """bitonic with sum(left) == sum(right) (peak counted on both sides)."""
    a, b = p, n - 1 - p
    short, long_ = min(a, b), max(a, b)
    half = peak // 2
    hi_long = min(half, max(lo + long_, (short * half) // long_))
    for _ in range(200):
        s = _side(rng, short, lo, half)
        l = _side(rng, long_, lo, hi_long)
        # raise the side with the smaller sum, spreading the difference over all
        # its elements (equal shifts keep it strictly increasing)
        small = s if sum(s) < sum(l) else l
        d = abs(sum(s) - sum(l))
        q, r = divmod(d, len(small))
        for i in range(len(small)):
            small[i] += q + (1 if i >= len(small) - r else 0)
        if small[-1] >= peak:
            continue
        left, right = (s, l) if a == short else (l, s)
        assert sum(left) == sum(right)
        return left + [peak] + right[::-1]
    raise RuntimeError("no tie found")


def _mirror(rng, half, peak):
    left = _side(rng, half, 1, peak - 1)
    return left + [peak] + left[::-1]


def generate(rng: random.Random) -> list[dict]:
    T = []
    # minimum size
    T += [_check([1, 2, 1]), _check([1, 3, 2]), _check([2, 3, 1]), _check([1, 10**9, 1]),
          _check([999999998, 999999999, 1]), _check([1, 10**9, 999999999]), _check([1, 2, 3, 1]),
          _check([3, 4, 2, 1]), _check([1, 5, 3, 2]), _check([1, 4, 3, 2])]
    # tiny random, many ties by construction of small values
    for _ in range(25):
        n = rng.randint(3, 8)
        p = rng.randint(1, n - 2)
        peak = rng.randint(max(p, n - 1 - p) + 1, 12)
        T.append(_check(_bitonic(rng, n, p, peak)))
    # exact ties and off-by-one near-ties, small and medium
    for n in [5, 6, 9, 30, 1000]:
        p = rng.randint(1, n - 2)
        arr = _tie(rng, n, p, rng.randint(n + 5, 10**6))
        T.append(_check(arr))
        near = arr[:]
        if near[0] + 1 < near[1]:
            near[0] += 1
        T.append(_check(near))
        near = arr[:]
        if near[-1] + 1 < near[-2]:
            near[-1] += 1
        T.append(_check(near))
    T.append(_check(_mirror(rng, 7, 100)))
    # medium random, varied peak position and value scale
    for _ in range(14):
        n = rng.randint(10, 5000)
        p = rng.choice([1, n - 2, rng.randint(1, n - 2), n // 2])
        peak = rng.choice([rng.randint(max(p, n - 1 - p) + 1, 10**5), rng.randint(10**8, MAXV), MAXV])
        T.append(_check(_bitonic(rng, n, p, peak)))
    # large sums overflowing 32 bits where the wrapped comparison differs
    T.append(_check(_tie(rng, 20000, 9000, MAXV)))
    T.append(_check(_bitonic(rng, 3000, 1000, MAXV, lo=900000000)))
    T.append(_check(_bitonic(rng, 3000, 2000, MAXV, lo=900000000)))
    # maximum size: peak near the end (slow scans), near the start, exact tie, middle
    T.append(_check(_bitonic(rng, MAXN, MAXN - 2, MAXV)))
    T.append(_check(_bitonic(rng, MAXN, 1, MAXV)))
    T.append(_check(_tie(rng, MAXN, 60000, MAXV)))
    T.append(_check(_bitonic(rng, MAXN, MAXN // 2, MAXV, lo=10**9 - 10**6)))
    inc = list(range(1, MAXN - 1)) + [MAXN + 5, 2]  # long ascent, peak at n-2
    T.append(_check(inc))
    return T
