class Solution:
    def concatWithReverse(self, nums: list[int]) -> list[int]:
        # forgets to reverse the second half
        return nums + nums
