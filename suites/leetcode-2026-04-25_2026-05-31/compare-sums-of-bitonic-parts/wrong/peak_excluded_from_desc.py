class Solution:
    def compareBitonicSums(self, nums: List[int]) -> int:
        p = nums.index(max(nums))
        # the peak is counted only in the ascending part
        a, d = sum(nums[: p + 1]), sum(nums[p + 1:])
        if a == d:
            return -1
        return 0 if a > d else 1
