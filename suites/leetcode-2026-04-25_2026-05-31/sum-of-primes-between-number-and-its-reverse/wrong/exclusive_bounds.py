class Solution:
    def sumOfPrimesInRange(self, n: int) -> int:
        # leaves out both endpoints
        r = int(str(n)[::-1])
        lo, hi = min(n, r), max(n, r)
        return sum(x for x in range(lo + 1, hi) if x > 1 and all(x % d for d in range(2, int(x ** 0.5) + 1)))
