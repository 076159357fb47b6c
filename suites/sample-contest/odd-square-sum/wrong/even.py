class Solution:
    def oddSquareSum(self, nums: List[int]) -> int:
        return sum(x * x for x in nums if x % 2 == 0)
