class Solution:
    def minimumSwaps(self, nums: list[int]) -> int:
        # counts runs of zeros that are followed by a non-zero (one swap per run)
        res = 0
        n = len(nums)
        for i in range(n):
            if nums[i] == 0 and (i == 0 or nums[i - 1] != 0):
                j = i
                while j < n and nums[j] == 0:
                    j += 1
                if j < n:
                    res += 1
        return res
