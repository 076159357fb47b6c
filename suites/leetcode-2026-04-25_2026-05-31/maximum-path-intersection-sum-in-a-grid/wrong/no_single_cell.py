from itertools import accumulate


class Solution:
    def maxScore(self, grid: list[list[int]]) -> int:
        # segments of length >= 2 only: forgets the crossing at a single interior cell
        def best(line):
            pre = list(accumulate(line, initial=0))
            lo = list(accumulate(pre, min))
            return max(pre[j + 1] - lo[j - 1] for j in range(1, len(line)))

        return max(max(map(best, grid)), max(map(best, zip(*grid))))
