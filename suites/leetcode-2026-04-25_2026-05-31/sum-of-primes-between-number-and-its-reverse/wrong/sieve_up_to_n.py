class Solution:
    def sumOfPrimesInRange(self, n: int) -> int:
        # sieve sized by n, not by max(n, r)
        r = int(str(n)[::-1])
        sieve = [True] * (n + 1)
        sieve[0] = False
        if n >= 1:
            sieve[1] = False
        for p in range(2, int(n ** 0.5) + 1):
            if sieve[p]:
                for q in range(p * p, n + 1, p):
                    sieve[q] = False
        return sum(x for x in range(min(n, r), max(n, r) + 1) if sieve[x])
