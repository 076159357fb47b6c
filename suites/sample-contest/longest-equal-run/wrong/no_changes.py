class Solution:
    def longestEqualRun(self, s: str, k: int) -> int:
        best = run = 1
        for a, b in zip(s, s[1:]):
            run = run + 1 if a == b else 1
            best = max(best, run)
        return min(len(s), best + k)
