from bisect import bisect_left, bisect_right


class Solution:
    def kthRemainingInteger(self, nums: List[int], queries: List[List[int]]) -> List[int]:
        pos = [i for i, v in enumerate(nums) if v % 2 == 0]
        key = [nums[p] // 2 - g for g, p in enumerate(pos)]
        ans = []
        for l, r, k in queries:
            s = bisect_left(pos, l)
            t = bisect_right(pos, r)
            # strict comparison: a removed even equal to the candidate is not skipped
            c = bisect_left(key, k - s, s, t) - s
            ans.append(2 * (k + c))
        return ans
