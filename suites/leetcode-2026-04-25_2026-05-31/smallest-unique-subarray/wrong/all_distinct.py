class Solution:
    def smallestUniqueSubarray(self, nums: List[int]) -> int:
        # smallest length where ALL subarrays are distinct (not: where one is unique)
        n = len(nums)
        M = (1 << 61) - 1
        base = 1000003
        h = [0] * (n + 1)
        pw = [1] * (n + 1)
        for i, x in enumerate(nums):
            h[i + 1] = (h[i] * base + x) % M
            pw[i + 1] = pw[i] * base % M
        lo, hi = 1, n
        while lo < hi:
            mid = (lo + hi) // 2
            k = n - mid + 1
            if len({(h[i + mid] - h[i] * pw[mid]) % M for i in range(k)}) == k:
                hi = mid
            else:
                lo = mid + 1
        return lo
