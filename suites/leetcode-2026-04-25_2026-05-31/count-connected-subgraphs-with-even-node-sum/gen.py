import random

MAXN = 13


def _check(nums, edges):
    n = len(nums)
    assert 1 <= n <= MAXN
    assert all(v in (0, 1) for v in nums)
    assert 0 <= len(edges) <= n * (n - 1) // 2
    seen = set()
    for e in edges:
        assert isinstance(e, list) and len(e) == 2
        u, v = e
        assert 0 <= u < v < n
        assert (u, v) not in seen
        seen.add((u, v))
    return {"args": {"nums": nums, "edges": edges}}


def _all_pairs(n):
    return [[u, v] for u in range(n) for v in range(u + 1, n)]


def _random_graph(rng, n, p):
    edges = [e for e in _all_pairs(n) if rng.random() < p]
    rng.shuffle(edges)
    return edges


def _nums(rng, n, mode):
    if mode == "zeros":
        return [0] * n
    if mode == "ones":
        return [1] * n
    q = rng.random()
    return [1 if rng.random() < q else 0 for _ in range(n)]


def generate(rng: random.Random) -> list[dict]:
    T = []
    # minimum sizes
    T.append(_check([0], []))
    T.append(_check([1], []))
    T.append(_check([0, 0], []))
    T.append(_check([1, 1], [[0, 1]]))
    T.append(_check([1, 0], [[0, 1]]))
    T.append(_check([1, 1], []))
    # paths, stars, cycles, complete graphs, empty graphs at the maximum size
    n = MAXN
    path = [[i, i + 1] for i in range(n - 1)]
    star = [[0, i] for i in range(1, n)]
    cycle = path + [[0, n - 1]]
    for mode in ["zeros", "ones", "mix", "mix"]:
        T.append(_check(_nums(rng, n, mode), path[:]))
        T.append(_check(_nums(rng, n, mode), _all_pairs(n)))
    T.append(_check(_nums(rng, n, "mix"), star[:]))
    T.append(_check(_nums(rng, n, "ones"), star[:]))
    T.append(_check(_nums(rng, n, "mix"), cycle[:]))
    T.append(_check(_nums(rng, n, "ones"), []))
    T.append(_check(_nums(rng, n, "zeros"), []))
    # two components, isolated vertices
    half = [[u, v] for u in range(6) for v in range(u + 1, 6)] + [[u, v] for u in range(6, 13) for v in range(u + 1, 13)]
    T.append(_check(_nums(rng, n, "mix"), half))
    T.append(_check(_nums(rng, n, "ones"), half[:]))
    # random graphs of every size and density
    for _ in range(50):
        n = rng.randint(1, MAXN)
        p = rng.choice([0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0])
        T.append(_check(_nums(rng, n, rng.choice(["mix", "mix", "mix", "ones", "zeros"])), _random_graph(rng, n, p)))
    # maximum size, random densities (several)
    for p in [0.15, 0.25, 0.35, 0.5, 0.8]:
        T.append(_check(_nums(rng, MAXN, "mix"), _random_graph(rng, MAXN, p)))
    # random trees of size 13
    for _ in range(4):
        perm = list(range(MAXN))
        rng.shuffle(perm)
        edges = []
        for i in range(1, MAXN):
            a, b = perm[i], perm[rng.randrange(i)]
            edges.append([min(a, b), max(a, b)])
        T.append(_check(_nums(rng, MAXN, "mix"), edges))
    return T
