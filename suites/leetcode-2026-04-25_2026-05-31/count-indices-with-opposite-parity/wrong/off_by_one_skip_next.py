class Solution:
    def countOppositeParity(self, nums: list[int]) -> list[int]:
        # starts counting at j = i + 2
        n = len(nums)
        return [sum(1 for j in range(i + 2, n) if nums[i] % 2 != nums[j] % 2) for i in range(n)]
