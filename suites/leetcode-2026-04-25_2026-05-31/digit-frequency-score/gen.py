import random

MAXV = 10**9


def _t(n):
    assert isinstance(n, int) and 1 <= n <= MAXV
    return {"args": {"n": n}}


def generate(rng: random.Random) -> list[dict]:
    vals = [1, 2, 9, 10, 11, 99, 100, 101, 122, 909, 1000, 9999, 10**8, 999999999, 10**9,
            123456789, 987654321, 111111111, 100000001, 505050505, 900000009, 2147483, 19, 90]
    for _ in range(20):
        vals.append(rng.randint(1, MAXV))
    for d in range(1, 10):
        vals.append(rng.randint(10 ** (d - 1), 10 ** d - 1))
    for _ in range(6):
        # repeated digits
        d = rng.randint(1, 9)
        k = rng.randint(2, 9)
        vals.append(int(str(d) * k))
    seen = set()
    tests = []
    for v in vals:
        if v not in seen:
            seen.add(v)
            tests.append(_t(v))
    return tests
