class Solution:
    def maxAlternatingSum(self, nums: list[int], k: int) -> int:
        # requires a gap strictly greater than k
        vals = sorted(set(nums))
        rank = {v: i + 1 for i, v in enumerate(vals)}
        m = len(vals)
        fd = [0] * (m + 1)
        fu = [0] * (m + 1)
        n = len(nums)
        up = [0] * n
        down = [0] * n
        for i in range(n):
            j = i - k - 1
            if j >= 0:
                p = rank[nums[j]]
                while p <= m:
                    fd[p] = max(fd[p], down[j])
                    p += p & -p
                p = m + 1 - rank[nums[j]]
                while p <= m:
                    fu[p] = max(fu[p], up[j])
                    p += p & -p
            r = rank[nums[i]]
            a = b = 0
            p = r - 1
            while p:
                a = max(a, fd[p])
                p &= p - 1
            p = m - r
            while p:
                b = max(b, fu[p])
                p &= p - 1
            up[i] = nums[i] + a
            down[i] = nums[i] + b
        return max(max(up), max(down))
