import random

ALL = [(x, y, z) for x in range(7) for y in range(7) for z in range(7)]


def _check(points, target):
    assert 1 <= len(points) <= 20
    for p in points:
        assert isinstance(p, list) and len(p) == 3 and all(0 <= c <= 6 for c in p)
    assert len({tuple(p) for p in points}) == len(points)
    assert isinstance(target, list) and len(target) == 3 and all(0 <= c <= 6 for c in target)
    return {"args": {"points": [list(p) for p in points], "target": list(target)}}


def _first_gen(points):
    """generation in which every reachable point first appears."""
    first = {tuple(p): 0 for p in points}
    newest = list(first)
    g = 0
    while newest:
        g += 1
        avail = list(first)
        made = set()
        for a in newest:
            for b in avail:
                if a != b:
                    c = ((a[0] + b[0]) // 2, (a[1] + b[1]) // 2, (a[2] + b[2]) // 2)
                    if c not in first:
                        made.add(c)
        for c in made:
            first[c] = g
        newest = list(made)
    return first


def _targets(rng, points, first):
    """a deepest target, an unreachable one, and a random reachable one."""
    out = []
    deep = max(first.values())
    out.append(rng.choice(sorted(p for p, g in first.items() if g == deep)))
    missing = [p for p in ALL if p not in first]
    if missing:
        out.append(rng.choice(missing))
    out.append(rng.choice(sorted(first)))
    return out


def generate(rng: random.Random) -> list[dict]:
    T = []
    # edge cases
    T.append(_check([[1, 2, 3]], [1, 2, 3]))
    T.append(_check([[0, 0, 0]], [0, 0, 0]))
    T.append(_check([[6, 6, 6]], [0, 0, 0]))
    T.append(_check([[0, 0, 0], [1, 1, 1]], [1, 1, 1]))
    T.append(_check([[0, 0, 0], [1, 1, 1]], [0, 1, 0]))       # never changes: -1
    T.append(_check([[5, 5, 5], [6, 6, 6]], [5, 5, 6]))
    T.append(_check([[0, 0, 0], [6, 6, 6]], [6, 6, 6]))
    T.append(_check([[0, 0, 0], [6, 6, 6]], [5, 5, 5]))
    T.append(_check([[0, 6, 0], [6, 0, 6]], [3, 3, 3]))
    T.append(_check([[0, 6, 0], [6, 0, 6]], [5, 1, 5]))
    T.append(_check([[0, 0, 0], [0, 0, 1]], [0, 0, 1]))
    T.append(_check([[0, 0, 0], [6, 0, 0], [0, 6, 0], [0, 0, 6]], [1, 2, 3]))
    T.append(_check([[0, 0, 0], [6, 0, 0], [0, 6, 0], [0, 0, 6]], [5, 5, 5]))
    # deep answers (6 and more generations), found by a seeded search
    want = {6: 3, 7: 3, 8: 2}
    tries = 0
    while any(want.values()) and tries < 30000:
        tries += 1
        pts = rng.sample(ALL, rng.randint(2, 6))
        first = _first_gen([list(p) for p in pts])
        deep = max(first.values())
        if want.get(deep, 0) > 0:
            want[deep] -= 1
            tgt = rng.choice(sorted(p for p, g in first.items() if g == deep))
            T.append(_check([list(p) for p in pts], list(tgt)))
    assert not any(want.values())
    # random sets of every size, targets: deepest / unreachable / random
    for m in [1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12, 15]:
        pts = [list(p) for p in rng.sample(ALL, m)]
        first = _first_gen(pts)
        for t in _targets(rng, pts, first):
            T.append(_check(pts, list(t)))
    # points on a line / in a plane
    pts = [[0, 0, z] for z in (0, 3, 6)]
    T.append(_check(pts, [0, 0, 5]))
    T.append(_check(pts, [0, 1, 1]))
    pts = [[x, y, 2] for x, y in [(0, 0), (6, 1), (2, 6)]]
    T.append(_check(pts, [4, 3, 2]))
    # maximum size: 20 points
    for _ in range(4):
        pts = [list(p) for p in rng.sample(ALL, 20)]
        first = _first_gen(pts)
        for t in _targets(rng, pts, first):
            T.append(_check(pts, list(t)))
    T.append(_check([list(p) for p in ALL[:20]], [6, 6, 6]))
    T.append(_check([list(p) for p in ALL[-20:]], [0, 0, 0]))
    T.append(_check([[x, y, z] for x in (0, 6) for y in (0, 6) for z in (0, 6)] +
                    [[3, 3, 3], [1, 5, 1], [5, 1, 5], [2, 2, 4], [4, 4, 2], [0, 3, 6], [6, 3, 0],
                     [1, 1, 5], [5, 5, 1], [2, 6, 3], [4, 0, 3], [3, 6, 0]], [6, 5, 4]))
    return T
