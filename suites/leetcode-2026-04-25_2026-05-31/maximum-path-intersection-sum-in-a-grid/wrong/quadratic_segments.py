class Solution:
    def maxScore(self, grid: list[list[int]]) -> int:
        # correct idea, but tries every segment: O(L^2) per line
        m, n = len(grid), len(grid[0])
        ans = None

        def scan(line):
            nonlocal ans
            L = len(line)
            for i in range(L):
                s = line[i]
                for j in range(i + 1, L):
                    s += line[j]
                    if ans is None or s > ans:
                        ans = s

        for r in grid:
            scan(r)
        for c in zip(*grid):
            scan(c)
        for i in range(1, m - 1):
            for j in range(1, n - 1):
                ans = max(ans, grid[i][j])
        return ans
