class Solution:
    def concatWithReverse(self, nums: list[int]) -> list[int]:
        # puts the reversed copy first
        return nums[::-1] + nums
