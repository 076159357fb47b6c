import itertools
import random

MAXN = 10**5


def _t(nums):
    n = len(nums)
    assert 1 <= n <= MAXN
    assert sorted(nums) == list(range(n))
    return {"args": {"nums": list(nums)}}


def _rot(a, s):
    s %= len(a)
    return a[s:] + a[:s]


def _asc(n, z):
    # rotation of the sorted array with 0 at index z
    return _rot(list(range(n)), (n - z) % n)


def _desc(n, z):
    # rotation of the decreasing array with 0 at index z
    a = list(range(n - 1, -1, -1))
    return _rot(a, (n - 1 - z) % n)


def generate(rng: random.Random) -> list[dict]:
    tests = [_t([0]), _t([0, 1]), _t([1, 0])]
    for p in itertools.permutations(range(3)):
        tests.append(_t(list(p)))
    for p in itertools.permutations(range(4)):
        tests.append(_t(list(p)))
    for n in (5, 6, 7, 10):
        for z in sorted({0, 1, n // 2, (n + 2) // 2, n - 2, n - 1}):
            tests.append(_t(_asc(n, z)))
            tests.append(_t(_desc(n, z)))
    for _ in range(10):
        n = rng.randint(5, 60)
        kind = rng.randrange(3)
        if kind == 0:
            tests.append(_t(_asc(n, rng.randrange(n))))
        elif kind == 1:
            tests.append(_t(_desc(n, rng.randrange(n))))
        else:
            a = _asc(n, rng.randrange(n))
            i, j = rng.sample(range(n), 2)
            a[i], a[j] = a[j], a[i]
            tests.append(_t(a))
    for _ in range(6):
        n = rng.randint(100, 3000)
        a = list(range(n))
        rng.shuffle(a)
        tests.append(_t(a))
    # maximum size
    n = MAXN
    tests.append(_t(_asc(n, n - 1)))           # 3 operations via two reversals
    tests.append(_t(_asc(n, n // 2)))
    tests.append(_t(_desc(n, n // 2 - 1)))
    tests.append(_t(_desc(n, n - 2)))
    a = _asc(n, n // 3)
    i = (n // 3 + n - 2) % n
    j = (n // 3 + n - 1) % n
    a[i], a[j] = a[j], a[i]                  # almost a rotation: the defect is at the very end
    tests.append(_t(a))
    a = _desc(n, 7)
    a[(7 + n - 1) % n], a[(7 + n - 3) % n] = a[(7 + n - 3) % n], a[(7 + n - 1) % n]
    tests.append(_t(a))
    a = list(range(n))
    rng.shuffle(a)
    tests.append(_t(a))
    return tests
