class Solution:
    def concatWithReverse(self, nums: list[int]) -> list[int]:
        # confuses "reverse order" with descending order
        return nums + sorted(nums, reverse=True)
