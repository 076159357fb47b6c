class Solution:
    def isAdjacentDiffAtMostTwo(self, s: str) -> bool:
        # off by one: starts at i = 1, so the first pair is never checked
        for i in range(1, len(s) - 1):
            if abs(int(s[i]) - int(s[i + 1])) > 2:
                return False
        return True
