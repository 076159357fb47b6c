class Solution:
    def compareBitonicSums(self, nums: List[int]) -> int:
        p = nums.index(max(nums))
        a, d = sum(nums[: p + 1]), sum(nums[p:])
        if a == d:
            return -1
        # labels swapped
        return 1 if a > d else 0
