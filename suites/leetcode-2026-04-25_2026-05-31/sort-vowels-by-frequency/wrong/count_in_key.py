class Solution:
    def sortVowels(self, s: str) -> str:
        # right answer, but recounts the whole string for every vowel: O(n^2)
        pos = [i for i, c in enumerate(s) if c in "aeiou"]
        vs = sorted((s[i] for i in pos), key=lambda c: (-s.count(c), s.index(c)))
        res = list(s)
        for i, c in zip(pos, vs):
            res[i] = c
        return "".join(res)
