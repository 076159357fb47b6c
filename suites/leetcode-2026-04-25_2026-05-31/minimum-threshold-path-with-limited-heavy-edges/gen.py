import random

MAXN = 1000
MAXM = 1000
MAXW = 10**9


def _check(n, edges, source, target, k):
    assert 1 <= n <= MAXN
    assert 0 <= len(edges) <= MAXM
    for e in edges:
        assert isinstance(e, list) and len(e) == 3
        u, v, w = e
        assert 0 <= u <= n - 1 and 0 <= v <= n - 1
        assert 1 <= w <= MAXW
    assert 0 <= source <= n - 1 and 0 <= target <= n - 1
    assert 0 <= k <= len(edges)
    return {"args": {"n": n, "edges": edges, "source": source, "target": target, "k": k}}


def _w(rng, mode):
    if mode == "small":
        return rng.randint(1, 10)
    if mode == "same":
        return 7
    if mode == "big":
        return rng.randint(MAXW - 100, MAXW)
    return rng.randint(1, MAXW)


def _random_graph(rng, n, m, mode, connected_tree=False, loops=False):
    edges = []
    if connected_tree:
        perm = list(range(n))
        rng.shuffle(perm)
        for i in range(1, n):
            if len(edges) >= m:
                break
            edges.append([perm[i], perm[rng.randrange(max(0, i - 3), i)] if rng.random() < 0.7 else perm[rng.randrange(i)], _w(rng, mode)])
    while len(edges) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u == v and not loops:
            continue
        edges.append([u, v, _w(rng, mode)])
    rng.shuffle(edges)
    for e in edges:
        if rng.random() < 0.5:
            e[0], e[1] = e[1], e[0]
    return edges


def generate(rng: random.Random) -> list[dict]:
    T = []
    # edge cases
    T.append(_check(1, [], 0, 0, 0))
    T.append(_check(2, [], 0, 1, 0))
    T.append(_check(2, [[0, 1, 5]], 0, 1, 0))
    T.append(_check(2, [[0, 1, 5]], 0, 1, 1))
    T.append(_check(2, [[1, 0, MAXW]], 1, 0, 0))
    T.append(_check(3, [[0, 0, 4], [1, 1, 9]], 0, 1, 2))           # self-loops only
    T.append(_check(3, [[0, 1, 9], [0, 1, 2], [1, 2, 6], [2, 1, 3]], 0, 2, 0))  # parallel edges
    T.append(_check(3, [[0, 1, 9], [0, 1, 2], [1, 2, 6], [2, 1, 3]], 2, 0, 1))
    T.append(_check(5, [[0, 1, 1], [1, 2, 1], [2, 3, 1], [3, 4, 1]], 4, 4, 0))
    T.append(_check(5, [[0, 1, 1], [1, 2, 1], [2, 3, 1], [3, 4, 1]], 0, 4, 4))
    T.append(_check(5, [[0, 1, 1], [1, 2, 1], [2, 3, 1], [3, 4, 1]], 0, 4, 3))
    T.append(_check(4, [[0, 1, 10], [1, 3, 10], [0, 2, 1], [2, 3, 100]], 0, 3, 1))
    T.append(_check(4, [[0, 1, 10], [1, 3, 10], [0, 2, 1], [2, 3, 100]], 0, 3, 0))
    T.append(_check(4, [[0, 1, 10], [1, 3, 10], [0, 2, 1], [2, 3, 100]], 0, 3, 2))
    # small random (dense in small graphs, all k)
    for _ in range(24):
        n = rng.randint(2, 9)
        m = rng.randint(0, 14)
        edges = _random_graph(rng, n, m, rng.choice(["small", "small", "any", "same"]), loops=rng.random() < 0.3)
        T.append(_check(n, edges, rng.randrange(n), rng.randrange(n), rng.randint(0, min(m, 4))))
    # medium random
    for _ in range(10):
        n = rng.randint(10, 300)
        m = rng.randint(n // 2, min(MAXM, 3 * n))
        edges = _random_graph(rng, n, m, rng.choice(["small", "any", "any", "big"]), connected_tree=rng.random() < 0.6)
        T.append(_check(n, edges, rng.randrange(n), rng.randrange(n), rng.choice([0, 1, 2, rng.randint(0, m)])))
    # long path: many hops needed
    n = MAXN
    perm = list(range(n))
    rng.shuffle(perm)
    path = [[perm[i], perm[i + 1], rng.randint(1, MAXW)] for i in range(n - 1)]
    for k in [0, 1, 10, 500, 998, 999]:
        T.append(_check(n, [e[:] for e in path], perm[0], perm[-1], k))
    # maximum size: n = 1000, m = 1000
    for k in [0, 1, 3, 20]:
        edges = _random_graph(rng, MAXN, MAXM, "any", connected_tree=True)
        T.append(_check(MAXN, edges, rng.randrange(MAXN), rng.randrange(MAXN), k))
    # maximum edges, fewer nodes: many cycles (path enumeration explodes)
    for n, k in [(200, 2), (60, 5), (300, 0), (120, 30)]:
        edges = _random_graph(rng, n, MAXM, rng.choice(["any", "small"]), connected_tree=True)
        T.append(_check(n, edges, rng.randrange(n), rng.randrange(n), k))
    # maximum size, target unreachable (two halves)
    edges = _random_graph(rng, 500, 500, "any", connected_tree=True) + \
        [[u + 500, v + 500, w] for u, v, w in _random_graph(rng, 500, 500, "any", connected_tree=True)]
    T.append(_check(MAXN, edges, 3, 777, 5))
    return T
