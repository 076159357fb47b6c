class Solution:
    def minimumSwaps(self, nums: list[int]) -> int:
        # counts every zero that is not already in the trailing run
        z = nums.count(0)
        trailing = 0
        for v in reversed(nums):
            if v != 0:
                break
            trailing += 1
        return z - trailing
