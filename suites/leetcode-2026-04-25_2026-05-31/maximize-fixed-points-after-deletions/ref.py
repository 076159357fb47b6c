from bisect import bisect_right


class Solution:
    def maxFixedPoints(self, nums: list[int]) -> int:
        # Element (i, v) can become fixed point v iff v <= i, after deleting d = i - v earlier
        # elements. A chosen set must have strictly increasing v and non-decreasing d
        # (between two chosen elements enough elements must remain). So: sort by v
        # ascending (d descending among equal v, so at most one per v) and take the
        # longest non-decreasing subsequence of d.
        cand = sorted((v, v - i) for i, v in enumerate(nums) if v <= i)
        tails = []
        for _, negd in cand:
            d = -negd
            k = bisect_right(tails, d)
            if k == len(tails):
                tails.append(d)
            else:
                tails[k] = d
        return len(tails)
