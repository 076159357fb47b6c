class Solution:
    def validDigit(self, n: int, x: int) -> bool:
        s = str(n)
        # off-by-one power of ten: the "leading digit" is always 0
        lead = n // (10 ** len(s))
        return lead != x and str(x) in s
