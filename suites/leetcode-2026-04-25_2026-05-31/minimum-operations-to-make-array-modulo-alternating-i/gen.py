import random

MAXV = 10**9


def _check(nums, k):
    assert 1 <= len(nums) <= 100
    assert all(isinstance(v, int) and 1 <= v <= MAXV for v in nums)
    assert isinstance(k, int) and 2 <= k <= 100
    return {"args": {"nums": nums, "k": k}}


def generate(rng: random.Random) -> list[dict]:
    out = []
    # edge cases
    out.append(_check([1], 2))
    out.append(_check([MAXV], 100))
    out.append(_check([1, 1], 2))
    out.append(_check([2, 4], 2))
    out.append(_check([MAXV, MAXV], 2))
    out.append(_check([5] * 100, 7))
    out.append(_check([MAXV] * 100, 100))
    out.append(_check([1] * 100, 100))
    out.append(_check([1, 2] * 50, 2))
    out.append(_check([1] * 99, 3))
    # same best residue on both parities (forces the second choice)
    for k in (2, 3, 10, 97, 100):
        r = rng.randrange(k)
        nums = [rng.randint(0, (MAXV - 1 - r) // k) * k + r for _ in range(rng.randint(2, 100))]
        out.append(_check([v if v >= 1 else v + k for v in nums], k))
    # small values (below k) where wrapping around the residue circle matters
    for _ in range(8):
        k = rng.randint(2, 100)
        n = rng.randint(1, 100)
        out.append(_check([rng.randint(1, min(k, MAXV)) for _ in range(n)], k))
    # residues concentrated near 0 and k-1
    for _ in range(6):
        k = rng.randint(2, 100)
        n = rng.randint(2, 100)
        nums = []
        for _ in range(n):
            r = rng.choice([0, 1, k - 1, k - 2]) % k
            nums.append(rng.randint(1, (MAXV - r) // k) * k + r)
        out.append(_check(nums, k))
    # random
    for _ in range(30):
        k = rng.randint(2, 100)
        n = rng.randint(1, 100)
        out.append(_check([rng.randint(1, MAXV) for _ in range(n)], k))
    for _ in range(10):
        k = rng.randint(2, 6)
        n = rng.randint(1, 12)
        out.append(_check([rng.randint(1, 20) for _ in range(n)], k))
    # maximum size
    for k in (100, 99, 64, 2):
        out.append(_check([rng.randint(1, MAXV) for _ in range(100)], k))
    return out
