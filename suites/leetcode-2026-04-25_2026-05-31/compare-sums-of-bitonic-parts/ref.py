class Solution:
    def compareBitonicSums(self, nums: List[int]) -> int:
        n = len(nums)
        p = 0
        while p + 1 < n and nums[p + 1] > nums[p]:
            p += 1
        asc = sum(nums[: p + 1])
        desc = sum(nums[p:])
        if asc == desc:
            return -1
        return 0 if asc > desc else 1
