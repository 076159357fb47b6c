class Solution:
    def isAdjacentDiffAtMostTwo(self, s: str) -> bool:
        return all(abs(ord(a) - ord(b)) <= 2 for a, b in zip(s, s[1:]))
