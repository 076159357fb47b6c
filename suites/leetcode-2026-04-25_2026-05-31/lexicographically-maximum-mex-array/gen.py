import random

MAXN = 10**5
MAXV = 10**5


def _t(nums):
    assert 1 <= len(nums) <= MAXN
    assert all(isinstance(x, int) and 0 <= x <= MAXV for x in nums)
    return {"args": {"nums": list(nums)}}


def _blocks(rng, n, k, shuffle=True):
    out = []
    while len(out) < n:
        b = list(range(k))
        if shuffle:
            rng.shuffle(b)
        out += b
    return out[:n]


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _t([0]), _t([1]), _t([MAXV]), _t([0, 0]), _t([1, 0]), _t([0, 1]), _t([2, 2]),
        _t([0, 1, 2, 0, 1, 0]), _t([1, 1, 0, 0]), _t([0, 2, 1, 0, 1]), _t([3, 0, 1, 2, 0, 0, 1]),
        _t([5, 4, 3, 2, 1, 0]), _t([0, 5, 0, 5, 1]), _t([2, 0, 1, 1, 0, 2, 0]),
    ]
    for _ in range(25):
        n = rng.randint(1, 12)
        m = rng.choice([1, 2, 3, 4, 6])
        tests.append(_t([rng.randint(0, m) for _ in range(n)]))
    for _ in range(8):
        n = rng.randint(50, 2000)
        m = rng.choice([2, 5, 20, 100, n])
        tests.append(_t([rng.randint(0, m) for _ in range(n)]))
    for _ in range(4):
        n = rng.randint(100, 3000)
        tests.append(_t(_blocks(rng, n, rng.randint(2, 30))))
    # maximum size
    n = MAXN
    tests.append(_t([0] * n))                        # [1] * n
    tests.append(_t([MAXV] * n))                     # n zeros
    p = list(range(n))
    rng.shuffle(p)
    tests.append(_t(p))                              # a single step
    tests.append(_t(list(range(n - 1, -1, -1))))
    tests.append(_t(_blocks(rng, n, 300)))
    tests.append(_t([rng.randint(0, 3) for _ in range(n)]))
    tests.append(_t([rng.randint(1, MAXV) for _ in range(n - 1)] + [0]))
    # staircase: mex decreases slowly along the array
    st = []
    k = 450
    while len(st) < n:
        st += list(range(k))
        k = max(1, k - 1)
    tests.append(_t(st[:n]))
    return tests
