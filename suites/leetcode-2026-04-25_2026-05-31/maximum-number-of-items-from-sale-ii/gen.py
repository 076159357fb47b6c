import random

MAXN = 10**5
MAXP = 10**9
MAXB = 10**9


def _t(items, budget):
    n = len(items)
    assert 1 <= n <= MAXN
    assert all(len(it) == 2 and 1 <= it[0] <= n and 1 <= it[1] <= MAXP for it in items)
    assert 1 <= budget <= MAXB
    return {"args": {"items": [list(it) for it in items], "budget": budget}}


def _rand(rng, n, fmax, pmin, pmax):
    fmax = min(fmax, n)
    return [[rng.randint(1, fmax), rng.randint(pmin, pmax)] for _ in range(n)]


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _t([[1, 1]], 1),
        _t([[1, 1]], MAXB),
        _t([[1, MAXP]], MAXB),
        _t([[1, MAXP]], MAXB - 1),
        _t([[1, 5], [1, 5]], 4),
        _t([[1, 5], [1, 5]], 10),
        _t([[1, 5], [1, 5]], 20),
        _t([[1, 3], [2, 1]], 7),          # the cheap item has nothing to give
        _t([[1, 2], [2, 1], [3, 1]], 6),  # price exactly twice the minimum
        _t([[1, 3], [2, 1], [3, 1]], 6),
        _t([[2, 4], [4, 4], [4, 9], [1, 10], [3, 2]], 23),
    ]
    for _ in range(20):
        n = rng.randint(1, 7)
        tests.append(_t(_rand(rng, n, n, 1, rng.choice([3, 6, 10])), rng.randint(1, 40)))
    for _ in range(8):
        n = rng.randint(10, 3000)
        m = rng.randint(1, 10**6)
        tests.append(_t(_rand(rng, n, rng.choice([3, 10, n]), m, 3 * m), rng.randint(1, MAXB)))
    for _ in range(4):
        n = rng.randint(100, 3000)
        tests.append(_t(_rand(rng, n, n, 1, MAXP), rng.randint(1, MAXB)))
    # long runs of free copies with large prices (64-bit products of count * price)
    n = 3000
    tests.append(_t([[1, rng.randint(3 * 10**8, MAXP)] for _ in range(n)], MAXB))
    tests.append(_t([[1, 400000000]] + [[rng.randint(1, 3), 700000000] for _ in range(n - 1)], MAXB))
    # maximum size
    n = MAXN
    tests.append(_t([[1, 1]] * n, MAXB))                                   # answer 2 * 10^9
    tests.append(_t([[rng.randint(1, 5), rng.randint(10**8, MAXP)] for _ in range(n)], MAXB))
    m = 1000
    tests.append(_t(_rand(rng, n, 50, m, 3 * m), MAXB))
    tests.append(_t([[i + 1, rng.randint(1, 99)] for i in range(n)], rng.randint(10**6, MAXB)))
    tests.append(_t(_rand(rng, n, n, 1, 9), 777777777))
    return tests
