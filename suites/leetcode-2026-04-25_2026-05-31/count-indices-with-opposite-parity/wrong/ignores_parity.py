class Solution:
    def countOppositeParity(self, nums: list[int]) -> list[int]:
        # forgets the parity condition: counts every later index
        n = len(nums)
        return [n - 1 - i for i in range(n)]
