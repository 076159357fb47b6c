class Solution:
    def smallestUniqueSubarray(self, nums: List[int]) -> int:
        # tries every length from 1 upward: O(n * answer)
        n = len(nums)
        M = (1 << 61) - 1
        base = 1000003
        h = [0] * (n + 1)
        for i, x in enumerate(nums):
            h[i + 1] = (h[i] * base + x) % M
        p = 1
        for L in range(1, n + 1):
            p = p * base % M
            c = Counter((h[i + L] - h[i] * p) % M for i in range(n - L + 1))
            if 1 in c.values():
                return L
        return n
