class Solution:
    def sortVowels(self, s: str) -> str:
        # straight from the statement (quadratic, small inputs only)
        pos = [i for i, c in enumerate(s) if c in "aeiou"]
        vs = [s[i] for i in pos]
        vs.sort(key=lambda c: (-s.count(c), s.index(c)))
        res = list(s)
        for i, c in zip(pos, vs):
            res[i] = c
        return "".join(res)
