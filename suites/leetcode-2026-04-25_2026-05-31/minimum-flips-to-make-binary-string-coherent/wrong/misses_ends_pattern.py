class Solution:
    def minFlips(self, s: str) -> int:
        # only "at most one 1" or "all ones"
        ones = s.count("1")
        return min(max(ones - 1, 0), len(s) - ones)
