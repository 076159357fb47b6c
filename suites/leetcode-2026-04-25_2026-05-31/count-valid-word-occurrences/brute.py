class Solution:
    def countWordOccurrences(self, chunks: list[str], queries: list[str]) -> list[int]:
        s = "".join(chunks)
        n = len(s)
        low = set("abcdefghijklmnopqrstuvwxyz")
        joiner = [s[i] == "-" and 0 < i < n - 1 and s[i - 1] in low and s[i + 1] in low for i in range(n)]
        good = [s[i] in low or joiner[i] for i in range(n)]
        # every maximal run of good characters is a word
        words = []
        for i in range(n):
            for j in range(i + 1, n + 1):
                if all(good[i:j]) and (i == 0 or not good[i - 1]) and (j == n or not good[j]):
                    words.append(s[i:j])
        return [sum(1 for w in words if w == q) for q in queries]
