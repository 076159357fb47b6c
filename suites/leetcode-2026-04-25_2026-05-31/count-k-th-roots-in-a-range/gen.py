"""Inputs for count-k-th-roots-in-a-range: 0 <= l <= r <= 1e9, 1 <= k <= 30."""
import random

R = 10**9


def _check(l, r, k):
    assert isinstance(l, int) and isinstance(r, int) and isinstance(k, int)
    assert 0 <= l <= r <= R and 1 <= k <= 30
    return {"args": {"l": l, "r": r, "k": k}}


def _powers(k):
    out, x = [], 0
    while x ** k <= R:
        out.append(x ** k)
        x += 1
    return out


def generate(rng: random.Random) -> list[dict]:
    tests = []
    # smallest ranges and zero
    tests += [_check(0, 0, 1), _check(0, 0, 2), _check(0, 0, 30), _check(1, 1, 30), _check(0, 1, 7),
              _check(2, 2, 2), _check(R, R, 1), _check(R, R, 2), _check(R, R, 3), _check(R, R, 9),
              _check(R, R, 30)]
    # whole range for every k (k = 1 is 1e9 + 1; large k only 0, 1, 2^k ...)
    for k in range(1, 31):
        tests.append(_check(0, R, k))
    # exact powers on and just beside the boundaries (float roots are off here)
    for k, x in [(2, 31622), (2, 31623 - 1), (3, 1000), (3, 999), (5, 63), (6, 31), (9, 10), (2, 46341 // 2),
                 (4, 177), (7, 19), (29, 2), (3, 125), (2, 10000)]:
        p = x ** k
        tests.append(_check(p, p, k))
        if p < R:
            tests.append(_check(p + 1, min(R, (x + 1) ** k), k))
        tests.append(_check(max(0, (x - 1) ** k + 1), p - 1, k))
    # k = 1: the count is the range length (a loop over x would be far too slow)
    for _ in range(6):
        l = rng.randint(0, 10**6)
        r = rng.randint(R - 10**6, R)
        tests.append(_check(l, r, 1))
    for _ in range(3):
        l = rng.randint(0, R)
        tests.append(_check(l, rng.randint(l, R), 1))
    # random ranges, k small and large
    for _ in range(25):
        k = rng.choice([2, 2, 3, 3, 4, 5, rng.randint(2, 30)])
        a, b = rng.randint(0, R), rng.randint(0, R)
        if rng.random() < 0.3:
            b = min(R, a + rng.randint(0, 1000))
        l, r = min(a, b), max(a, b)
        tests.append(_check(l, r, k))
    # random ranges whose ends are exact powers
    for _ in range(15):
        k = rng.randint(2, 30)
        ps = _powers(k)
        i, j = sorted(rng.sample(range(len(ps)), 2)) if len(ps) > 1 else (0, 0)
        tests.append(_check(ps[i], ps[j], k))
    return tests
