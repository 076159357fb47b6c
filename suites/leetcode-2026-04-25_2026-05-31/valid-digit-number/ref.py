class Solution:
    def validDigit(self, n: int, x: int) -> bool:
        digits = str(n)
        d = str(x)
        return digits[0] != d and d in digits
