from itertools import accumulate


class Solution:
    def minCost(self, nums: list[int], queries: list[list[int]]) -> list[int]:
        # breaks distance ties towards the larger index
        n = len(nums)
        gap = [nums[i + 1] - nums[i] for i in range(n - 1)]
        close = [1 if x == 0 else n - 2 if x == n - 1 else (x - 1 if gap[x - 1] < gap[x] else x + 1)
                 for x in range(n)]
        pf = [0, *accumulate(1 if close[i] == i + 1 else gap[i] for i in range(n - 1))]
        pb = [0, *accumulate(1 if close[i + 1] == i else gap[i] for i in range(n - 1))]
        return [pf[r] - pf[l] if l <= r else pb[l] - pb[r] for l, r in queries]
