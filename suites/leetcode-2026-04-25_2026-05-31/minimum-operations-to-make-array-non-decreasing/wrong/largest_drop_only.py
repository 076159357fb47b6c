class Solution:
    def minOperations(self, nums: list[int]) -> int:
        # pays only the largest single gap below the running maximum
        best = 0
        hi = 0
        for v in nums:
            hi = max(hi, v)
            best = max(best, hi - v)
        return best
