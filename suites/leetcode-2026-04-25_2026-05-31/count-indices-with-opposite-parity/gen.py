import random


def _check(nums):
    assert 1 <= len(nums) <= 100
    assert all(isinstance(v, int) and 1 <= v <= 100 for v in nums)
    return {"args": {"nums": nums}}


def generate(rng: random.Random) -> list[dict]:
    out = []
    # edge cases
    for nums in ([1], [2], [100], [1, 2], [2, 1], [1, 1], [2, 2], [1, 3, 5], [2, 4, 6],
                 [1] * 100, [100] * 100, [1, 2] * 50, [2, 1] * 50, [1] * 50 + [2] * 50,
                 [2] * 50 + [1] * 50, [99] + [100] * 99, [100] * 99 + [99]):
        out.append(_check(list(nums)))
    # random small
    for _ in range(25):
        n = rng.randint(1, 10)
        out.append(_check([rng.randint(1, 100) for _ in range(n)]))
    # random medium, biased parities
    for _ in range(15):
        n = rng.randint(11, 99)
        p = rng.random()
        out.append(_check([rng.randrange(1, 101, 2) if rng.random() < p else rng.randrange(2, 101, 2) for _ in range(n)]))
    # maximum size
    for _ in range(5):
        out.append(_check([rng.randint(1, 100) for _ in range(100)]))
    return out
