class Solution:
    def smallestUniqueSubarray(self, nums: List[int]) -> int:
        # binary search over [1, n - 1] with n - 1 as the fallback
        n = len(nums)
        M = (1 << 61) - 1
        base = 1000003
        h = [0] * (n + 1)
        pw = [1] * (n + 1)
        for i, x in enumerate(nums):
            h[i + 1] = (h[i] * base + x) % M
            pw[i + 1] = pw[i] * base % M
        lo, hi, ans = 1, n - 1, max(1, n - 1)
        while lo <= hi:
            mid = (lo + hi) // 2
            c = Counter((h[i + mid] - h[i] * pw[mid]) % M for i in range(n - mid + 1))
            if 1 in c.values():
                ans, hi = mid, mid - 1
            else:
                lo = mid + 1
        return ans
