class Solution:
    def sumOfPrimesInRange(self, n: int) -> int:
        # assumes the reverse is never smaller than n
        r = int(str(n)[::-1])
        return sum(x for x in range(n, r + 1) if x > 1 and all(x % d for d in range(2, int(x ** 0.5) + 1)))
