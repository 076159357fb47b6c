class Solution:
    def compareBitonicSums(self, nums: List[int]) -> int:
        peak = max(range(len(nums)), key=lambda i: nums[i])
        a = 0
        for i in range(0, peak + 1):
            a += nums[i]
        d = 0
        for i in range(peak, len(nums)):
            d += nums[i]
        if a > d:
            return 0
        if d > a:
            return 1
        return -1
