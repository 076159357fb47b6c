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
        res = []
        mark = [-1] * (n + 2)
        i = 0
        step = 0
        while i < n:
            if mex == 0:
                # no zero remains: every piece has MEX 0, so take pieces of length 1
                res.extend([0] * (n - i))
                break
            target = mex
            need = target
            low = mex
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
