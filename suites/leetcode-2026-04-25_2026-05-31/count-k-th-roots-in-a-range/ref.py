class Solution:
    def countKthRoots(self, l: int, r: int, k: int) -> int:
        def upto(n: int) -> int:
            # number of x >= 0 with x**k <= n
            if n < 0:
                return 0
            x = int(round(n ** (1.0 / k)))
            while x > 0 and x ** k > n:
                x -= 1
            while (x + 1) ** k <= n:
                x += 1
            return x + 1

        return upto(r) - upto(l - 1)
