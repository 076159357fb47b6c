from itertools import accumulate


class Solution:
    def minCost(self, nums: list[int], queries: list[list[int]]) -> list[int]:
        # Any move crosses every gap between l and r; a jump costs the sum of the gaps it
        # crosses, a closest move crosses one gap for 1. So the answer is the sum over the
        # gaps on the way of min(gap, 1 if that gap is a closest move in this direction).
        n = len(nums)
        gap = [nums[i + 1] - nums[i] for i in range(n - 1)]

        def closest(x):
            if x == 0:
                return 1
            if x == n - 1:
                return n - 2
            return x - 1 if gap[x - 1] <= gap[x] else x + 1

        close = [closest(x) for x in range(n)]
        fwd = [1 if close[i] == i + 1 else gap[i] for i in range(n - 1)]   # i -> i+1
        bwd = [1 if close[i + 1] == i else gap[i] for i in range(n - 1)]   # i+1 -> i
        pf = [0, *accumulate(fwd)]
        pb = [0, *accumulate(bwd)]
        return [pf[r] - pf[l] if l <= r else pb[l] - pb[r] for l, r in queries]
