"""Inputs for largest-local-values-in-a-matrix-ii: 1 <= n, m <= 200, 0 <= matrix[i][j] <= 200."""
import random

NM = 200
V = 200


def _check(matrix):
    n = len(matrix)
    assert 1 <= n <= NM
    m = len(matrix[0])
    assert 1 <= m <= NM and all(len(row) == m for row in matrix)
    assert all(isinstance(x, int) and 0 <= x <= V for row in matrix for x in row)
    return {"args": {"matrix": matrix}}


def _rand(rng, n, m, lo, hi, zero_p=0.0):
    return [[0 if rng.random() < zero_p else rng.randint(lo, hi) for _ in range(m)] for _ in range(n)]


def _corner_trap(rng, n, m):
    """Peaks x whose square corners hold bigger values (ignored) and edges hold x+1 (not)."""
    mat = [[0] * m for _ in range(n)]
    for _ in range(max(1, n * m // 40)):
        r, c = rng.randrange(n), rng.randrange(m)
        x = rng.randint(1, 6)
        mat[r][c] = max(mat[r][c], x)
        for dr, dc in ((x, x), (x, -x), (-x, x), (-x, -x)):
            i, j = r + dr, c + dc
            if 0 <= i < n and 0 <= j < m and rng.random() < 0.7:
                mat[i][j] = min(V, x + rng.randint(1, 50))
        if rng.random() < 0.3:
            dr, dc = rng.choice([(x, x - 1), (x - 1, x), (-x, 1 - x), (1 - x, -x)])
            i, j = r + dr, c + dc
            if 0 <= i < n and 0 <= j < m:
                mat[i][j] = min(V, x + 1)
    return mat


def generate(rng: random.Random) -> list[dict]:
    tests = []
    # edge cases
    tests += [_check([[0]]), _check([[1]]), _check([[V]]), _check([[0, 0], [0, 0]]), _check([[5, 5, 5]]),
              _check([[1], [2], [3]]), _check([[2, 0, 0], [0, 0, 0], [0, 0, 3]]),     # 3 sits on 2's corner
              _check([[2, 0, 3], [0, 0, 0], [0, 0, 0]]),                             # 3 on 2's edge
              _check([[1, 2], [2, 1]]), _check([[3, 1, 1, 1, 4]]), _check([[1, 0, 2]]),
              _check([[V] * NM for _ in range(1)]), _check([[x] for x in range(NM)])]
    # small random
    for _ in range(16):
        n, m = rng.randint(1, 8), rng.randint(1, 8)
        tests.append(_check(_rand(rng, n, m, 0, rng.choice([1, 2, 3, 5, V]), rng.random())))
    # medium random
    for _ in range(8):
        n, m = rng.randint(5, 80), rng.randint(5, 80)
        tests.append(_check(_rand(rng, n, m, 0, rng.choice([3, 10, V]), rng.choice([0.0, 0.5, 0.9]))))
    for _ in range(5):
        n, m = rng.randint(5, 120), rng.randint(5, 120)
        tests.append(_check(_corner_trap(rng, n, m)))
    # maximum size
    tests.append(_check([[V] * NM for _ in range(NM)]))                       # all equal: all maxima
    tests.append(_check([[rng.randint(190, V) for _ in range(NM)] for _ in range(NM)]))
    tests.append(_check(_rand(rng, NM, NM, 0, V)))
    tests.append(_check(_rand(rng, NM, NM, 0, 4, 0.3)))
    tests.append(_check(_corner_trap(rng, NM, NM)))
    tests.append(_check([[(i + j) % 7 + 1 for j in range(NM)] for i in range(NM)]))
    tests.append(_check([[min(V, 1 + min(i, j, NM - 1 - i, NM - 1 - j)) for j in range(NM)] for i in range(NM)]))
    tests.append(_check([[1 if rng.random() < 0.99 else 2 for _ in range(NM)] for _ in range(NM)]))
    tests.append(_check([[100] * NM for _ in range(NM)]))
    tests.append(_check([[0 if rng.random() < 0.1 else V for _ in range(NM)] for _ in range(NM)]))
    tests.append(_check([[180] * NM for _ in range(NM)]))
    mat = [[NM - 1] * NM for _ in range(NM)]
    mat[NM - 1][NM - 1] = V          # a corner of (0, 0)'s square, but on everyone else's square
    tests.append(_check(mat))
    tests.append(_check([[V - (i + j) % 2 for j in range(NM)] for i in range(NM)]))
    return tests
