class Solution:
    def countOppositeParity(self, nums: list[int]) -> list[int]:
        n = len(nums)
        return [sum(1 for j in range(i + 1, n) if nums[i] % 2 != nums[j] % 2) for i in range(n)]
