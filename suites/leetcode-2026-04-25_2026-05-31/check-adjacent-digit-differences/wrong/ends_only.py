class Solution:
    def isAdjacentDiffAtMostTwo(self, s: str) -> bool:
        # compares the first and last digits only
        return abs(int(s[0]) - int(s[-1])) <= 2
