from bisect import bisect_right


class Solution:
    def kthRemainingInteger(self, nums: List[int], queries: List[List[int]]) -> List[int]:
        ans = []
        for l, r, k in queries:
            # binary search on the answer, but odd values are counted as removed too
            lo, hi = 2, 2 * (k + (r - l + 1))
            while lo < hi:
                mid = (lo + hi) // 2
                mid -= mid % 2
                removed = bisect_right(nums, mid, l, r + 1) - l
                if mid // 2 - removed >= k:
                    hi = mid
                else:
                    lo = mid + 2
            ans.append(lo)
        return ans
