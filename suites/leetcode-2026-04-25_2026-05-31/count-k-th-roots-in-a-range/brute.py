class Solution:
    def countKthRoots(self, l: int, r: int, k: int) -> int:
        powers = set()
        x = 0
        while x ** k <= r and x <= r:
            powers.add(x ** k)
            x += 1
        return sum(1 for y in range(l, r + 1) if y in powers)
