from bisect import bisect_right


class Solution:
    def maxFixedPoints(self, nums: list[int]) -> int:
        # forgets that v > i can never be fixed (deletions only move elements left)
        cand = sorted((v, v - i) for i, v in enumerate(nums))
        tails = []
        for _, negd in cand:
            d = -negd
            k = bisect_right(tails, d)
            if k == len(tails):
                tails.append(d)
            else:
                tails[k] = d
        return len(tails)
