class Solution:
    def findValidElements(self, nums: List[int]) -> List[int]:
        n = len(nums)
        res = []
        for i in range(n):
            if i == 0 or i == n - 1:
                res.append(nums[i])
                continue
            left_ok = all(nums[i] > nums[j] for j in range(i))
            right_ok = all(nums[i] > nums[j] for j in range(i + 1, n))
            if left_ok or right_ok:
                res.append(nums[i])
        return res
