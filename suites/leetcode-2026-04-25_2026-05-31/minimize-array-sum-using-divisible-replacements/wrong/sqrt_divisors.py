class Solution:
    def minArraySum(self, nums: list[int]) -> int:
        # enumerates divisors of every element: O(n sqrt V), too slow in Python
        s = set(nums)
        total = 0
        for x in nums:
            best = x
            d = 1
            while d * d <= x:
                if x % d == 0:
                    if d in s:
                        best = d
                        break
                    if x // d in s and x // d < best:
                        best = x // d
                d += 1
            total += best
        return total
