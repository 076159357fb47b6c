"""Inputs for minimum-cost-to-buy-apples-ii.

1 <= n <= 1000, prices.length == n, 1 <= prices[i] <= 1e9,
0 <= roads.length <= min(n(n-1)/2, 2000), roads[i] = [u, v, cost, tax], u != v,
1 <= cost <= 1e9, 1 <= tax <= 100, no repeated edges.
"""
import random

NMAX = 1000
MMAX = 2000
P = 10**9
C = 10**9


def _check(n, prices, roads):
    assert 1 <= n <= NMAX and len(prices) == n
    assert all(isinstance(p, int) and 1 <= p <= P for p in prices)
    assert 0 <= len(roads) <= min(n * (n - 1) // 2, MMAX)
    seen = set()
    for r in roads:
        u, v, c, t = r
        assert len(r) == 4 and 0 <= u < n and 0 <= v < n and u != v
        assert 1 <= c <= C and 1 <= t <= 100
        key = (min(u, v), max(u, v))
        assert key not in seen
        seen.add(key)
    return {"args": {"n": n, "prices": prices, "roads": roads}}


def _edges(rng, n, m, connected):
    m = min(m, n * (n - 1) // 2)
    seen, out = set(), []

    def add(u, v):
        key = (min(u, v), max(u, v))
        if u != v and key not in seen:
            seen.add(key)
            out.append([u, v] if rng.random() < 0.5 else [v, u])

    if connected and n > 1:
        order = list(range(n))
        rng.shuffle(order)
        for k in range(1, n):
            add(order[k], order[rng.randrange(k)])
    if m > n * (n - 1) // 4:
        rest = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in seen]
        rng.shuffle(rest)
        for u, v in rest[:max(0, m - len(out))]:
            add(u, v)
    while len(out) < m:
        add(rng.randrange(n), rng.randrange(n))
    rng.shuffle(out)
    return out[:m]


def _roads(rng, edges, cost, tax):
    return [[u, v, cost(), tax()] for u, v in edges]


def generate(rng: random.Random) -> list[dict]:
    tests = []
    # edge cases
    tests.append(_check(1, [1], []))
    tests.append(_check(1, [P], []))
    tests.append(_check(2, [5, 1], []))
    tests.append(_check(2, [P, 1], [[0, 1, C, 100]]))
    tests.append(_check(2, [P, 1], [[1, 0, 1, 1]]))
    tests.append(_check(3, [100, 100, 1], [[0, 1, 10, 1], [1, 2, 10, 1]]))
    # forward and return must use different roads: 0-1 cheap empty / dear loaded, 0-2-1 the reverse
    tests.append(_check(3, [1000, 1, 1000], [[0, 1, 1, 100], [0, 2, 5, 1], [2, 1, 5, 1]]))
    tests.append(_check(4, [10**6, 1, 10**6, 10**6], [[0, 1, 1, 100], [0, 2, 20, 1], [2, 3, 20, 1], [3, 1, 20, 1]]))
    # tie between buying locally and travelling
    tests.append(_check(2, [7, 3], [[0, 1, 1, 3]]))
    # huge loaded costs that exceed 32-bit
    tests.append(_check(3, [P, 1, P], [[0, 1, C, 100], [1, 2, 3 * 10**7, 100], [0, 2, 1, 1]]))
    # small random
    for _ in range(20):
        n = rng.randint(2, 8)
        m = rng.randint(0, n * (n - 1) // 2)
        e = _edges(rng, n, m, rng.random() < 0.5)
        cmax = rng.choice([5, 100, C])
        prices = [rng.randint(1, rng.choice([10, 1000, P])) for _ in range(n)]
        tests.append(_check(n, prices, _roads(rng, e, lambda: rng.randint(1, cmax), lambda: rng.randint(1, rng.choice([2, 100])))))
    # medium random
    for _ in range(14):
        n = rng.randint(10, 200)
        m = rng.randint(0, min(n * (n - 1) // 2, MMAX))
        e = _edges(rng, n, m, rng.random() < 0.7)
        cmax = rng.choice([10, 10**4, C])
        prices = [rng.randint(1, P) for _ in range(n)]
        tests.append(_check(n, prices, _roads(rng, e, lambda: rng.randint(1, cmax), lambda: rng.randint(1, 100))))
    # dense: complete graph on 64 shops (2016 pairs, 2000 roads)
    e = _edges(rng, 64, 2000, True)
    tests.append(_check(64, [rng.randint(1, P) for _ in range(64)],
                        _roads(rng, e, lambda: rng.randint(1, 10**6), lambda: rng.randint(1, 100))))
    # maximum size: n = 1000, 2000 roads
    n = NMAX
    # one cheap shop, everything else expensive: every shop travels
    prices = [P] * n
    prices[rng.randrange(n)] = 1
    tests.append(_check(n, prices, _roads(rng, _edges(rng, n, MMAX, True), lambda: rng.randint(1, 1000), lambda: rng.randint(1, 100))))
    # a few cheap shops; roads either cheap-empty/dear-loaded or the reverse
    prices = [rng.randint(P // 2, P) for _ in range(n)]
    for j in rng.sample(range(n), 10):
        prices[j] = rng.randint(1, 1000)
    tests.append(_check(n, prices, _roads(rng, _edges(rng, n, MMAX, True), lambda: rng.choice([1, 100, 1000]), lambda: rng.choice([1, 100]))))
    # full value ranges (loaded costs far beyond 32 bits)
    tests.append(_check(n, [rng.randint(1, P) for _ in range(n)],
                        _roads(rng, _edges(rng, n, MMAX, True), lambda: rng.randint(1, C), lambda: rng.randint(1, 100))))
    # costs near 1e7, tax up to 100: loaded costs around 2^31
    tests.append(_check(n, [rng.randint(P // 2, P) for _ in range(n)],
                        _roads(rng, _edges(rng, n, MMAX, True), lambda: rng.randint(10**6, 3 * 10**7), lambda: rng.randint(50, 100))))
    # a long path (deep Dijkstra), cheap shop at one end
    order = list(range(n))
    rng.shuffle(order)
    path = [[order[k], order[k + 1], rng.randint(1, 10**5), rng.randint(1, 100)] for k in range(n - 1)]
    prices = [P] * n
    prices[order[0]] = 1
    tests.append(_check(n, prices, path))
    # several components
    comp = []
    size = n // 10
    for b in range(10):
        for u, v in _edges(rng, size, 190, True):
            comp.append([u + b * size, v + b * size, rng.randint(1, 10**4), rng.randint(1, 100)])
    tests.append(_check(n, [rng.randint(1, P) for _ in range(n)], comp))
    # all prices equal: nobody should travel
    tests.append(_check(n, [rng.randint(1, P)] * n, _roads(rng, _edges(rng, n, MMAX, True), lambda: rng.randint(1, 10), lambda: rng.randint(1, 100))))
    # no roads at all
    tests.append(_check(n, [rng.randint(1, P) for _ in range(n)], []))
    return tests
