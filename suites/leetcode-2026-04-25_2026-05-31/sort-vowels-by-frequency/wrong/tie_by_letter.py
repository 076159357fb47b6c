from collections import Counter


class Solution:
    def sortVowels(self, s: str) -> str:
        # ties broken alphabetically instead of by first occurrence
        cnt = Counter(c for c in s if c in "aeiou")
        order = sorted(cnt, key=lambda c: (-cnt[c], c))
        it = iter("".join(c * cnt[c] for c in order))
        return "".join(next(it) if c in "aeiou" else c for c in s)
