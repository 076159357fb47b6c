class Solution:
    def minOperations(self, nums: list[int]) -> int:
        # Each drop a[i] > a[i+1] must be paid for by operations starting inside the suffix
        # that begins at i+1, and one operation starting at i+1 covering everything to the
        # end pays exactly that drop without creating new ones.
        total = 0
        prev = nums[0]
        for v in nums:
            if prev > v:
                total += prev - v
            prev = v
        return total
