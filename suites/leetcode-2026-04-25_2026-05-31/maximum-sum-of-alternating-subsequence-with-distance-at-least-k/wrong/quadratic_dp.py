class Solution:
    def maxAlternatingSum(self, nums: list[int], k: int) -> int:
        # correct recurrence, O(n^2) scan over all earlier indices
        n = len(nums)
        up = [0] * n
        down = [0] * n
        for i in range(n):
            bu = bd = 0
            x = nums[i]
            for j in range(i - k + 1):
                if nums[j] < x and down[j] > bu:
                    bu = down[j]
                elif nums[j] > x and up[j] > bd:
                    bd = up[j]
            up[i] = x + bu
            down[i] = x + bd
        return max(max(up), max(down))
