from bisect import bisect_left, bisect_right


class Solution:
    def kthRemainingInteger(self, nums: List[int], queries: List[List[int]]) -> List[int]:
        pos = [i for i, v in enumerate(nums) if v % 2 == 0]  # indices of even values
        # for the g-th even value e (global order), e // 2 - g is non-decreasing;
        # within a query whose evens start at global index s, the j-th removed even
        # (j = g - s) is passed by the answer iff e // 2 - j <= k, i.e. key[g] <= k - s
        key = [nums[p] // 2 - g for g, p in enumerate(pos)]
        ans = []
        for l, r, k in queries:
            s = bisect_left(pos, l)
            t = bisect_right(pos, r)
            c = bisect_right(key, k - s, s, t) - s
            ans.append(2 * (k + c))
        return ans
