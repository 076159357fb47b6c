class Solution:
    def isAdjacentDiffAtMostTwo(self, s: str) -> bool:
        # off by one: the last pair is never checked
        for i in range(len(s) - 2):
            if abs(int(s[i]) - int(s[i + 1])) > 2:
                return False
        return True
