class Solution:
    def countKthRoots(self, l: int, r: int, k: int) -> int:
        # forgets that 0 = 0**k is a perfect power
        if k == 1:
            return r - max(l, 1) + 1
        ans, x = 0, 1
        while x ** k <= r:
            if x ** k >= l:
                ans += 1
            x += 1
        return ans
