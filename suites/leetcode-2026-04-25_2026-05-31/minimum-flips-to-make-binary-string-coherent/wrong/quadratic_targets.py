class Solution:
    def minFlips(self, s: str) -> int:
        n = len(s)
        best = min(s.count("1"), s.count("0"))
        # tries every single-'1' target explicitly: O(n^2)
        for i in range(n):
            cost = 0
            for j in range(n):
                want = "1" if j == i else "0"
                if s[j] != want:
                    cost += 1
            best = min(best, cost)
        if n >= 2:
            t = "1" + "0" * (n - 2) + "1"
            best = min(best, sum(a != b for a, b in zip(s, t)))
        return best
