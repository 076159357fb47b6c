class Solution:
    def minCost(self, nums: list[int], queries: list[list[int]]) -> list[int]:
        # uses only direct jumps, or a single closest move when r is closest(l)
        n = len(nums)

        def closest(x):
            if x == 0:
                return 1
            if x == n - 1:
                return n - 2
            return x - 1 if nums[x] - nums[x - 1] <= nums[x + 1] - nums[x] else x + 1

        return [min(abs(nums[r] - nums[l]), 1 if closest(l) == r else abs(nums[r] - nums[l])) for l, r in queries]
