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
        res, i = [], 0
        while i < n:
            if mex == 0:
                res.extend([0] * (n - i))
                break
            target, need, low = mex, mex, mex
            while need:
                x = nums[i]
                i += 1
                if x <= n:
                    cnt[x] -= 1
                    if cnt[x] == 0 and x < low:
                        low = x
                    if x < target:
                        need -= 1  # bug: duplicates are counted as new values
            res.append(target)
            mex = low
        return res
