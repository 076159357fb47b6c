class Solution:
    def maxAlternatingSum(self, nums: list[int], k: int) -> int:
        # up[i]: best score of a valid subsequence ending at i whose last step goes up
        #        (previous value smaller) or of length 1; down[i] symmetric.
        # up[i] = nums[i] + best down[j] with j <= i - k and nums[j] < nums[i]
        # down[i] = nums[i] + best up[j] with j <= i - k and nums[j] > nums[i]
        # Two Fenwick trees of prefix maxima over the value ranks (one of them reversed).
        vals = sorted(set(nums))
        rank = {v: i + 1 for i, v in enumerate(vals)}
        m = len(vals)
        rk = [rank[v] for v in nums]
        fd = [0] * (m + 1)   # indexed by rank, stores down[j]; query ranks < r
        fu = [0] * (m + 1)   # indexed by m + 1 - rank, stores up[j]; query ranks > r
        n = len(nums)
        up = [0] * n
        down = [0] * n
        best = 0
        for i in range(n):
            j = i - k
            if j >= 0:
                p = rk[j]
                val = down[j]
                while p <= m:
                    if fd[p] < val:
                        fd[p] = val
                    p += p & -p
                p = m + 1 - rk[j]
                val = up[j]
                while p <= m:
                    if fu[p] < val:
                        fu[p] = val
                    p += p & -p
            r = rk[i]
            p = r - 1
            q = 0
            while p:
                if fd[p] > q:
                    q = fd[p]
                p &= p - 1
            up[i] = u = nums[i] + q
            p = m - r
            q = 0
            while p:
                if fu[p] > q:
                    q = fu[p]
                p &= p - 1
            down[i] = d = nums[i] + q
            if u > best:
                best = u
            if d > best:
                best = d
        return best
