import random


def _check(grid):
    m = len(grid)
    assert 2 <= m <= 1000
    n = len(grid[0])
    assert 2 <= n <= 1000
    assert 4 <= m * n <= 5 * 10**5
    for row in grid:
        assert len(row) == n
        assert all(isinstance(v, int) and -100 <= v <= 100 for v in row)
    return {"args": {"grid": grid}}


def _rand(rng, m, n, lo=-100, hi=100):
    return [[rng.randint(lo, hi) for _ in range(n)] for _ in range(m)]


def generate(rng: random.Random) -> list[dict]:
    out = []
    # edge cases
    out.append(_check([[-100, -100], [-100, -100]]))
    out.append(_check([[100, 100], [100, 100]]))
    out.append(_check([[0, 0], [0, 0]]))
    out.append(_check([[100, -100], [-100, -100]]))
    out.append(_check([[-100, 1], [-100, -100]]))
    out.append(_check([[-100] * 3, [-100, 100, -100], [-100] * 3]))    # a lone interior cell
    out.append(_check([[100, -100, 100], [-100, -100, -100], [100, -100, 100]]))  # corners are not alone
    out.append(_check([[-1] * 1000, [-1] * 1000]))
    out.append(_check([[-1, -1] for _ in range(1000)]))
    out.append(_check([[-100] * 5 for _ in range(5)]))
    # a big border cell surrounded by very negative values
    for _ in range(4):
        m, n = rng.randint(2, 8), rng.randint(2, 8)
        g = [[-100] * n for _ in range(m)]
        if rng.random() < 0.5:
            g[rng.choice([0, m - 1])][rng.randrange(n)] = 100
        else:
            g[rng.randrange(m)][rng.choice([0, n - 1])] = 100
        g[rng.randrange(m)][rng.randrange(n)] = rng.randint(-100, 100)
        out.append(_check(g))
    # mostly negative grids with a few positive cells (answer often negative or a single cell)
    for _ in range(8):
        m, n = rng.randint(2, 30), rng.randint(2, 30)
        g = _rand(rng, m, n, -100, -1)
        for _ in range(rng.randint(0, 3)):
            g[rng.randrange(m)][rng.randrange(n)] = rng.randint(0, 100)
        out.append(_check(g))
    # small random grids
    for _ in range(20):
        m, n = rng.randint(2, 6), rng.randint(2, 6)
        out.append(_check(_rand(rng, m, n)))
    # medium random grids, some biased
    for _ in range(12):
        m, n = rng.randint(2, 200), rng.randint(2, 200)
        lo, hi = rng.choice([(-100, 100), (-100, 20), (-20, 100), (-5, 5)])
        out.append(_check(_rand(rng, m, n, lo, hi)))
    # thin grids
    out.append(_check(_rand(rng, 2, 1000)))
    out.append(_check(_rand(rng, 1000, 2)))
    out.append(_check(_rand(rng, 3, 1000, -100, 10)))
    # maximum size (small magnitudes keep the text short; the complexity is what matters)
    out.append(_check(_rand(rng, 500, 1000, -9, 9)))
    out.append(_check(_rand(rng, 1000, 500, -9, 8)))
    out.append(_check(_rand(rng, 707, 707, -8, 9)))
    out.append(_check(_rand(rng, 1000, 500, -5, 5)))
    return out
