class Solution:
    def validDigit(self, n: int, x: int) -> bool:
        s = str(n)
        contains = False
        for c in s:
            if int(c) == x:
                contains = True
        starts = int(s[0]) == x
        return contains and not starts
