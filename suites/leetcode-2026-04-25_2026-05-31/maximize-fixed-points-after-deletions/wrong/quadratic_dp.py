class Solution:
    def maxFixedPoints(self, nums: list[int]) -> int:
        # correct O(k^2) DP over candidates: too slow for n = 1e5
        cand = [(i, v) for i, v in enumerate(nums) if v <= i]
        dp = [1] * len(cand)
        best = 0
        for a in range(len(cand)):
            ia, va = cand[a]
            for b in range(a):
                ib, vb = cand[b]
                if vb < va and ib - vb <= ia - va and dp[b] + 1 > dp[a]:
                    dp[a] = dp[b] + 1
            best = max(best, dp[a])
        return best
