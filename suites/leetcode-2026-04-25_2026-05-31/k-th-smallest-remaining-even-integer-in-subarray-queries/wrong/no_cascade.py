from bisect import bisect_right


class Solution:
    def kthRemainingInteger(self, nums: List[int], queries: List[List[int]]) -> List[int]:
        ans = []
        for l, r, k in queries:
            # counts removed evens <= 2k once, without re-checking the shifted answer
            c = 0
            lo = l
            hi = bisect_right(nums, 2 * k, l, r + 1)
            for i in range(lo, hi):
                if nums[i] % 2 == 0:
                    c += 1
            ans.append(2 * (k + c))
        return ans
