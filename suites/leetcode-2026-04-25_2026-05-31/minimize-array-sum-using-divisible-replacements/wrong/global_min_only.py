class Solution:
    def minArraySum(self, nums: list[int]) -> int:
        # only ever replaces by the global minimum
        m = min(nums)
        return sum(m if x % m == 0 else x for x in nums)
