from itertools import combinations


class Solution:
    def maxScore(self, grid: list[list[int]]) -> int:
        # enumerate every pair of paths (small grids only)
        m, n = len(grid), len(grid[0])

        def paths(start, vertical_step):
            res = []
            total = (m - 1) + (n - 1)
            for downs in combinations(range(total), m - 1):
                r, c = start
                cells = {(r, c)}
                ds = set(downs)
                for s in range(total):
                    if s in ds:
                        r += vertical_step
                    else:
                        c += 1
                    cells.add((r, c))
                res.append(cells)
            return res

        p1 = paths((0, 0), 1)
        p2 = paths((m - 1, 0), -1)
        best = None
        for a in p1:
            for b in p2:
                s = sum(grid[r][c] for r, c in a & b)
                if best is None or s > best:
                    best = s
        return best
