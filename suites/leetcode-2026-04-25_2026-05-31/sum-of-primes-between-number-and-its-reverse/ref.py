class Solution:
    def sumOfPrimesInRange(self, n: int) -> int:
        r = int(str(n)[::-1])
        lo, hi = min(n, r), max(n, r)
        sieve = [True] * (hi + 1)
        sieve[0] = False
        if hi >= 1:
            sieve[1] = False
        p = 2
        while p * p <= hi:
            if sieve[p]:
                sieve[p * p::p] = [False] * len(range(p * p, hi + 1, p))
            p += 1
        return sum(x for x in range(lo, hi + 1) if sieve[x])
