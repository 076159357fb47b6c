class Solution:
    def maximumMEX(self, nums: List[int]) -> List[int]:
        n = len(nums)
        cnt = [0] * (n + 2)
        for x in nums:
            if x <= n:
                cnt[x] += 1
        mex = 0
        while cnt[mex]:
            mex += 1
        res, i, step = [], 0, 0
        mark = [-1] * (n + 2)
        while i < n:
            if mex == 0:
                res.append(0)  # takes the whole rest at once
                break
            target, need, low = mex, mex, mex
            while need:
                x = nums[i]
                i += 1
                if x <= n:
                    cnt[x] -= 1
                    if cnt[x] == 0 and x < low:
                        low = x
                    if x < target and mark[x] != step:
                        mark[x] = step
                        need -= 1
            res.append(target)
            mex = low
            step += 1
        return res
