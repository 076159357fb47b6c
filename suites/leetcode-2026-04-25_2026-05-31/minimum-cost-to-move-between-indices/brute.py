class Solution:
    def minCost(self, nums: list[int], queries: list[list[int]]) -> list[int]:
        # Floyd-Warshall over the full move graph (small inputs only)
        n = len(nums)
        INF = float("inf")
        d = [[abs(nums[x] - nums[y]) for y in range(n)] for x in range(n)]
        for x in range(n):
            cand = [y for y in (x - 1, x + 1) if 0 <= y < n]
            best = min(cand, key=lambda y: (abs(nums[x] - nums[y]), y))
            d[x][best] = min(d[x][best], 1)
            d[x][x] = 0
        for k in range(n):
            for i in range(n):
                for j in range(n):
                    if d[i][k] + d[k][j] < d[i][j]:
                        d[i][j] = d[i][k] + d[k][j]
        return [d[l][r] for l, r in queries]
