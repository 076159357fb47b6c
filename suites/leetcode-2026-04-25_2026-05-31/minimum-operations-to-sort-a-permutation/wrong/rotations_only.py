class Solution:
    def minOperations(self, nums: List[int]) -> int:
        n = len(nums)
        z = nums.index(0)
        if all(nums[(z + i) % n] == i for i in range(n)):
            return z
        return -1
