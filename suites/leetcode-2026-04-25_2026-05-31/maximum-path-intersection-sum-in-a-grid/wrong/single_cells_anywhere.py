class Solution:
    def maxScore(self, grid: list[list[int]]) -> int:
        # plain Kadane on every row and column: allows a single border cell
        def kadane(line):
            best = cur = line[0]
            for v in line[1:]:
                cur = max(cur + v, v)
                best = max(best, cur)
            return best

        ans = max(kadane(r) for r in grid)
        return max(ans, max(kadane(list(c)) for c in zip(*grid)))
