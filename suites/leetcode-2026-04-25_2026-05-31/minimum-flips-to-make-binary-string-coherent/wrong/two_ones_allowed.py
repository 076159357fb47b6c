class Solution:
    def minFlips(self, s: str) -> int:
        # believes any string with at most two ones is coherent
        ones = s.count("1")
        return min(max(ones - 2, 0), len(s) - ones)
