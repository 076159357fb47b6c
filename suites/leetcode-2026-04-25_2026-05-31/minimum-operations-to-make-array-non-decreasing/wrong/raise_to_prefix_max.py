class Solution:
    def minOperations(self, nums: list[int]) -> int:
        # raises every element to the running maximum separately
        total = 0
        best = 0
        for v in nums:
            best = max(best, v)
            total += best - v
        return total
