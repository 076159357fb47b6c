import random

MAXV = 10**9


def _check(parent, nums, k):
    n = len(parent)
    assert 1 <= n <= 1000 and len(nums) == n
    assert parent[0] == -1
    assert all(isinstance(parent[i], int) and 0 <= parent[i] < i for i in range(1, n))
    assert all(isinstance(v, int) and 1 <= v <= MAXV for v in nums)
    assert isinstance(k, int) and 1 <= k <= 100
    return {"args": {"parent": parent, "nums": nums, "k": k}}


def _tree(rng, n, shape):
    p = [-1]
    for i in range(1, n):
        if shape == "random":
            p.append(rng.randrange(i))
        elif shape == "chain":
            p.append(i - 1)
        elif shape == "star":
            p.append(0)
        elif shape == "deep":
            p.append(rng.randint(max(0, i - 3), i - 1))
        elif shape == "binary":
            p.append((i - 1) // 2)
        elif shape == "caterpillar":
            spine = max(1, n // 3)
            p.append(i - 1 if i < spine else rng.randrange(spine))
        elif shape == "broom":
            p.append(i - 1 if i < n // 2 else n // 2 - 1)
        else:
            raise ValueError(shape)
    return p


SHAPES = ["random", "chain", "star", "deep", "binary", "caterpillar", "broom"]


def _nums(rng, n, k, mode):
    if mode == "big":
        return [rng.randint(1, MAXV) for _ in range(n)]
    if mode == "small":
        return [rng.randint(1, 10) for _ in range(n)]
    if mode == "multiple":  # every value divisible by k: counts every independent set
        return [k * rng.randint(1, MAXV // k) for _ in range(n)]
    return [rng.choice([1, MAXV, k, k + 1, 2 * k - 1]) for _ in range(n)]


def generate(rng: random.Random) -> list[dict]:
    out = []
    # edge cases
    out.append(_check([-1], [1], 1))
    out.append(_check([-1], [7], 7))
    out.append(_check([-1], [7], 3))
    out.append(_check([-1], [MAXV], 100))
    out.append(_check([-1, 0], [3, 3], 3))
    out.append(_check([-1, 0], [1, 1], 1))
    out.append(_check([-1, 0, 0], [MAXV, MAXV, MAXV], 100))
    out.append(_check(_tree(rng, 1000, "chain"), [1] * 1000, 1))
    out.append(_check(_tree(rng, 1000, "star"), [1] * 1000, 1))
    out.append(_check(_tree(rng, 1000, "star"), [MAXV] * 1000, 100))
    out.append(_check(_tree(rng, 1000, "chain"), [MAXV] * 1000, 7))
    # small random
    for _ in range(20):
        n = rng.randint(1, 14)
        k = rng.randint(1, 12)
        out.append(_check(_tree(rng, n, rng.choice(SHAPES)), _nums(rng, n, k, rng.choice(["big", "small", "special"])), k))
    # medium
    for _ in range(15):
        n = rng.randint(15, 400)
        k = rng.randint(1, 100)
        out.append(_check(_tree(rng, n, rng.choice(SHAPES)), _nums(rng, n, k, rng.choice(["big", "small", "special", "multiple"])), k))
    # maximum size: n = 1000, k = 100 (and a few other large k)
    for shape in SHAPES:
        out.append(_check(_tree(rng, 1000, shape), _nums(rng, 1000, 100, "big"), 100))
    for shape, k, mode in (("random", 97, "small"), ("chain", 100, "multiple"), ("star", 100, "special"),
                           ("deep", 99, "big"), ("binary", 64, "big"), ("random", 1, "big")):
        out.append(_check(_tree(rng, 1000, shape), _nums(rng, 1000, k, mode), k))
    return out
