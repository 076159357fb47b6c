class Solution:
    def minArraySum(self, nums: list[int]) -> int:
        # O(n * distinct) scan: correct but far too slow at n = 1e5
        vals = sorted(set(nums))
        total = 0
        for x in nums:
            for d in vals:
                if x % d == 0:
                    total += d
                    break
        return total
