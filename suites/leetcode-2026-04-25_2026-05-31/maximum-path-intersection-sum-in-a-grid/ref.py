from itertools import accumulate
from operator import sub


class Solution:
    def maxScore(self, grid: list[list[int]]) -> int:
        # The shared cells always form one straight segment.  A segment of length >= 2 in any
        # row or column is achievable; a single cell only when it is strictly inside the grid
        # (the two paths cross there).
        m, n = len(grid), len(grid[0])

        def best_segment(line):
            # max sum of a contiguous piece of length >= 2: pre[j+1] - min(pre[0..j-1])
            pre = list(accumulate(line, initial=0))
            low = list(accumulate(pre, min))
            return max(map(sub, pre[2:], low))

        ans = max(map(best_segment, grid))
        ans = max(ans, max(map(best_segment, zip(*grid))))
        if m > 2 and n > 2:
            ans = max(ans, max(max(row[1:-1]) for row in grid[1:-1]))
        return ans
