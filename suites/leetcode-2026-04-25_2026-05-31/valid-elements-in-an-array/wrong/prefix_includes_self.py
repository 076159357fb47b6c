class Solution:
    def findValidElements(self, nums: List[int]) -> List[int]:
        n = len(nums)
        pre = [0] * n
        suf = [0] * n
        m = 0
        for i in range(n):
            m = max(m, nums[i])
            pre[i] = m  # includes nums[i] itself
        m = 0
        for i in range(n - 1, -1, -1):
            m = max(m, nums[i])
            suf[i] = m
        res = []
        for i in range(n):
            if i == 0 or i == n - 1 or nums[i] >= pre[i] or nums[i] >= suf[i]:
                res.append(nums[i])
        return res
