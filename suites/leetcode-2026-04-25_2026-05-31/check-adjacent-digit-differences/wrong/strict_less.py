class Solution:
    def isAdjacentDiffAtMostTwo(self, s: str) -> bool:
        # "at most 2" read as "less than 2"
        return all(abs(int(a) - int(b)) < 2 for a, b in zip(s, s[1:]))
