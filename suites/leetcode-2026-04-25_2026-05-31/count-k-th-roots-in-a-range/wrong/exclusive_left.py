class Solution:
    def countKthRoots(self, l: int, r: int, k: int) -> int:
        # treats the range as (l, r]
        if k == 1:
            return r - l
        ans, x = 0, 0
        while x ** k <= r:
            if x ** k > l:
                ans += 1
            x += 1
        return ans
