class Solution:
    def longestEqualRun(self, s: str, k: int) -> int:
        best = 0
        for i in range(len(s)):
            counts = [0] * 26
            top = 0
            for j in range(i, len(s)):
                counts[ord(s[j]) - 97] += 1
                top = max(top, counts[ord(s[j]) - 97])
                if j - i + 1 - top <= k:
                    best = max(best, j - i + 1)
        return best
