class Solution:
    def smallestUniqueSubarray(self, nums: List[int]) -> int:
        # If a subarray of length L occurs once, extending it keeps it unique, so the predicate
        # "some length-L subarray occurs exactly once" is monotone: binary search with a
        # polynomial hash modulo the Mersenne prime 2^61 - 1.
        n = len(nums)
        M = (1 << 61) - 1
        base = 1000003
        h = [0] * (n + 1)
        for i, x in enumerate(nums):
            h[i + 1] = (h[i] * base + x) % M
        pw = [1] * (n + 1)
        for i in range(n):
            pw[i + 1] = pw[i] * base % M

        def has_unique(L):
            p = pw[L]
            c = Counter([(h[i + L] - h[i] * p) % M for i in range(n - L + 1)])
            return 1 in c.values()

        lo, hi = 1, n  # length n always occurs exactly once
        while lo < hi:
            mid = (lo + hi) // 2
            if has_unique(mid):
                hi = mid
            else:
                lo = mid + 1
        return lo
