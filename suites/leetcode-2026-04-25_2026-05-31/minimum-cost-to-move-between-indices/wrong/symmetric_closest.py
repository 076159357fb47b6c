from itertools import accumulate


class Solution:
    def minCost(self, nums: list[int], queries: list[list[int]]) -> list[int]:
        # treats a closest move as an undirected edge of cost 1
        n = len(nums)
        gap = [nums[i + 1] - nums[i] for i in range(n - 1)]
        close = [1 if x == 0 else n - 2 if x == n - 1 else (x - 1 if gap[x - 1] <= gap[x] else x + 1)
                 for x in range(n)]
        step = [1 if close[i] == i + 1 or close[i + 1] == i else gap[i] for i in range(n - 1)]
        p = [0, *accumulate(step)]
        return [abs(p[r] - p[l]) for l, r in queries]
