class Solution:
    def minFlips(self, s: str) -> int:
        # A coherent string has at most one '1', or is all '1', or is 1 0...0 1:
        # with >= 2 ones, a '0' before the second-to-last '1' gives "011" and
        # a '0' after the second '1' gives "110".
        n = len(s)
        ones = s.count("1")
        best = min(max(ones - 1, 0), n - ones)
        if n >= 2:
            inner = ones - (s[0] == "1") - (s[-1] == "1")
            best = min(best, inner + (s[0] == "0") + (s[-1] == "0"))
        return best
