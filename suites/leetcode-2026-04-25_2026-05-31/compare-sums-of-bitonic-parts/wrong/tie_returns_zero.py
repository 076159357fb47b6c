class Solution:
    def compareBitonicSums(self, nums: List[int]) -> int:
        p = nums.index(max(nums))
        a, d = sum(nums[: p + 1]), sum(nums[p:])
        # forgets the "equal" case
        return 0 if a >= d else 1
