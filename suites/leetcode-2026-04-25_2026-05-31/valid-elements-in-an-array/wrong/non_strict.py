class Solution:
    def findValidElements(self, nums: List[int]) -> List[int]:
        n = len(nums)
        res = []
        for i in range(n):
            # ">=" instead of strictly greater
            if all(nums[i] >= nums[j] for j in range(i)) or all(nums[i] >= nums[j] for j in range(i + 1, n)):
                res.append(nums[i])
        return res
