class Solution:
    def longestEqualRun(self, s: str, k: int) -> int:
        best = 0
        for c in set(s):
            left = bad = 0
            for right, ch in enumerate(s):
                bad += ch != c
                while bad > k:
                    bad -= s[left] != c
                    left += 1
                best = max(best, right - left)
        return best
