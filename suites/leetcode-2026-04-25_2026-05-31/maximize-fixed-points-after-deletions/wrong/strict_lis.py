from bisect import bisect_left


class Solution:
    def maxFixedPoints(self, nums: list[int]) -> int:
        # requires strictly increasing deletion counts (rejects adjacent fixed points)
        cand = sorted((v, v - i) for i, v in enumerate(nums) if v <= i)
        tails = []
        for _, negd in cand:
            d = -negd
            k = bisect_left(tails, d)
            if k == len(tails):
                tails.append(d)
            else:
                tails[k] = d
        return len(tails)
