class Solution:
    def minOperations(self, nums: List[int]) -> int:
        n = len(nums)
        z = nums.index(0)
        if n == 1 or nums[(z + 1) % n] == 1:
            return min(z, n - z + 2)
        # assumes the array must then be a rotation of the reversed order
        return min(z + 2, n - z)
