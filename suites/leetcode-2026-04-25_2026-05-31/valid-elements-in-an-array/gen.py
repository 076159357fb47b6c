import random


def _check(nums):
    assert 1 <= len(nums) <= 100
    assert all(isinstance(v, int) and 1 <= v <= 100 for v in nums)
    return {"args": {"nums": nums}}


def generate(rng: random.Random) -> list[dict]:
    T = []
    for arr in [[1], [100], [1, 1], [1, 2], [2, 1], [5, 5, 5], [1, 2, 1], [2, 1, 2], [3, 1, 2],
                [1, 3, 3, 1], [3, 3, 1, 1], [1, 1, 3, 3], [2, 1, 1, 2], [1, 5, 2, 5, 1], [100, 1, 100],
                list(range(1, 101)), list(range(100, 0, -1)), [100] * 100, [1] * 100,
                [7, 9, 9, 3, 9, 9, 7]]:
        T.append(_check(arr))
    # random of every size and value range (small ranges give many equal values)
    for _ in range(40):
        n = rng.randint(1, 100)
        hi = rng.choice([2, 3, 5, 10, 100])
        T.append(_check([rng.randint(1, hi) for _ in range(n)]))
    # mountains and valleys
    for _ in range(6):
        n = rng.randint(3, 100)
        p = rng.randrange(n)
        left = sorted(rng.randint(1, 100) for _ in range(p))
        right = sorted((rng.randint(1, 100) for _ in range(n - p - 1)), reverse=True)
        T.append(_check(left + [100] + right))
        T.append(_check([101 - v for v in left + [100] + right]))
    # maximum size
    for hi in [100, 4, 50]:
        T.append(_check([rng.randint(1, hi) for _ in range(100)]))
    return T
