class Solution:
    def validDigit(self, n: int, x: int) -> bool:
        # forgets the "does not start with x" rule
        return str(x) in str(n)
