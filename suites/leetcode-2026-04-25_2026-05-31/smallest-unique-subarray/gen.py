import random

MAXN = 10**5
MAXV = 10**5


def _t(nums):
    assert 1 <= len(nums) <= MAXN
    assert all(isinstance(x, int) and 1 <= x <= MAXV for x in nums)
    return {"args": {"nums": list(nums)}}


def _thue_morse(n, a=1, b=2):
    return [b if bin(i).count("1") % 2 else a for i in range(n)]


def _periodic(block, n):
    return (block * (n // len(block) + 1))[:n]


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _t([1]), _t([MAXV]), _t([5, 5]), _t([5, 6]), _t([1, 1, 1, 1]), _t([1, 2, 1, 2]),
        _t([1, 2, 1, 2, 1]), _t([2, 2, 1, 2, 2]), _t([1, 1, 2, 1, 1, 2, 1, 1]),
        _t(_thue_morse(16)), _t(_thue_morse(64)),
    ]
    for _ in range(22):
        n = rng.randint(1, 14)
        m = rng.choice([1, 2, 2, 3, 5])
        tests.append(_t([rng.randint(1, m) for _ in range(n)]))
    for _ in range(5):
        n = rng.randint(50, 2000)
        tests.append(_t([rng.randint(1, 2) for _ in range(n)]))
    for _ in range(3):
        n = rng.randint(50, 2000)
        block = [rng.randint(1, 3) for _ in range(rng.randint(1, 20))]
        tests.append(_t(_periodic(block, n)))
    for _ in range(3):
        n = rng.randint(100, 3000)
        a = [rng.randint(1, MAXV) for _ in range(n // 2)]
        b = a[:]
        rng.shuffle(b)
        tests.append(_t(a + b))                      # every value at least twice
    # maximum size
    n = MAXN
    tests.append(_t([rng.randint(1, MAXV)] * n))                          # answer n
    tests.append(_t(_periodic([3, 7], n)))                                  # answer n - 1
    tests.append(_t(_periodic([rng.randint(1, MAXV) for _ in range(1000)], n)))
    tests.append(_t([rng.randint(1, 2) for _ in range(n)]))
    tests.append(_t(_thue_morse(n)))
    tests.append(_t(_thue_morse(n, MAXV, 1)))
    half = [rng.randint(1, MAXV) for _ in range(n // 2)]
    tests.append(_t(half + half))                                           # two copies: long answer
    tests.append(_t([rng.randint(1, MAXV) for _ in range(n)]))
    return tests
