from collections import Counter


class Solution:
    def sortVowels(self, s: str) -> str:
        # stable sort on frequency only: equal-frequency vowels stay interleaved
        cnt = Counter(c for c in s if c in "aeiou")
        vs = sorted((c for c in s if c in "aeiou"), key=lambda c: -cnt[c])
        it = iter(vs)
        return "".join(next(it) if c in "aeiou" else c for c in s)
