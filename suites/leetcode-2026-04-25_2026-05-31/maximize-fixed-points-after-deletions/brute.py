class Solution:
    def maxFixedPoints(self, nums: list[int]) -> int:
        # try every subset of kept elements (small inputs only)
        n = len(nums)
        best = 0
        for mask in range(1 << n):
            kept = [nums[i] for i in range(n) if mask >> i & 1]
            best = max(best, sum(1 for j, x in enumerate(kept) if x == j))
        return best
