class Solution:
    def sumOfPrimesInRange(self, n: int) -> int:
        r = int("".join(reversed(str(n))))
        total = 0
        for x in range(min(n, r), max(n, r) + 1):
            if x >= 2 and all(x % d for d in range(2, x)):
                total += x
        return total
