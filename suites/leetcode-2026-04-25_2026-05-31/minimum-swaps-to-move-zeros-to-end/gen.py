import random


def _check(nums):
    assert 1 <= len(nums) <= 100
    assert all(isinstance(v, int) and 0 <= v <= 100 for v in nums)
    return {"args": {"nums": nums}}


def generate(rng: random.Random) -> list[dict]:
    out = []
    # edge cases
    for nums in ([0], [7], [100], [0, 0], [0, 5], [5, 0], [0, 0, 1], [1, 0, 0],
                 [0] * 100, [100] * 100, [1] * 99 + [0], [0] + [1] * 99,
                 [0] * 50 + [3] * 50, [3] * 50 + [0] * 50, [0, 1] * 50, [1, 0] * 50):
        out.append(_check(list(nums)))
    # random small and medium
    for _ in range(40):
        n = rng.randint(1, 12)
        p = rng.random()
        out.append(_check([0 if rng.random() < p else rng.randint(1, 100) for _ in range(n)]))
    for _ in range(25):
        n = rng.randint(13, 99)
        p = rng.random()
        out.append(_check([0 if rng.random() < p else rng.randint(0, 100) for _ in range(n)]))
    # maximum size
    for p in (0.1, 0.3, 0.5, 0.7, 0.9):
        out.append(_check([0 if rng.random() < p else rng.randint(1, 100) for _ in range(100)]))
    # zeros clustered at the front with a non-zero tail
    for _ in range(4):
        z = rng.randint(1, 99)
        nums = [0] * z + [rng.randint(1, 100) for _ in range(100 - z)]
        out.append(_check(nums))
    return out
