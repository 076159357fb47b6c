import random

MAXN = 1000
MAXV = 1500


def _t(items, budget):
    assert 1 <= len(items) <= MAXN
    assert all(len(it) == 2 and 1 <= it[0] <= MAXV and 1 <= it[1] <= MAXV for it in items)
    assert 1 <= budget <= MAXV
    return {"args": {"items": [list(it) for it in items], "budget": budget}}


def _rand_items(rng, n, fmax, pmin, pmax):
    return [[rng.randint(1, fmax), rng.randint(pmin, pmax)] for _ in range(n)]


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _t([[1, 1]], 1),
        _t([[1, 1500]], 1500),
        _t([[1, 1500]], 1499),          # nothing affordable
        _t([[1500, 1]], 1500),
        _t([[1, 1], [1, 1]], 1),        # equal factors give each other a free copy
        _t([[1, 1], [1, 1]], 2),
        _t([[2, 3], [4, 3], [8, 3], [3, 1]], 6),
        _t([[1, 10]] + [[i, 1] for i in range(2, 12)], 10),
        _t([[1, 5], [2, 1], [3, 1], [5, 1], [7, 1], [11, 1]], 5),
        _t([[6, 2], [2, 6], [3, 4], [12, 7]], 9),
    ]
    for _ in range(20):
        n = rng.randint(1, 8)
        tests.append(_t(_rand_items(rng, n, rng.choice([6, 12, 30]), 1, rng.choice([3, 8, 20])), rng.randint(1, 30)))
    for _ in range(10):
        n = rng.randint(10, 200)
        tests.append(_t(_rand_items(rng, n, rng.choice([20, 100, 1500]), 1, rng.choice([50, 300, 1500])), rng.randint(1, MAXV)))
    for _ in range(5):
        # divisor-rich factors, cheap "hub" items with factor 1 or 2
        n = rng.randint(50, 400)
        items = [[rng.choice([1, 2, 3, 4, 6, 12, 24, 60, 120, 360, 720, 1440]), rng.randint(1, 200)] for _ in range(n)]
        tests.append(_t(items, rng.randint(100, MAXV)))
    # maximum size
    tests.append(_t(_rand_items(rng, MAXN, MAXV, 1, MAXV), MAXV))
    tests.append(_t(_rand_items(rng, MAXN, 60, 1, 40), MAXV))
    tests.append(_t([[1, 1]] * MAXN, MAXV))
    tests.append(_t([[rng.randint(1, MAXV), MAXV] for _ in range(MAXN)], MAXV))
    tests.append(_t([[i % MAXV + 1, rng.randint(2, 9)] for i in range(MAXN)], MAXV))
    tests.append(_t(_rand_items(rng, MAXN, 30, 100, MAXV), MAXV))
    return tests
