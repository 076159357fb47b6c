class Solution:
    def sortVowels(self, s: str) -> str:
        vowels = "aeiou"
        count = {}
        first = {}
        for i, c in enumerate(s):
            if c in vowels:
                if c not in count:
                    count[c] = 0
                    first[c] = i
                count[c] += 1
        order = sorted(count, key=lambda c: (-count[c], first[c]))
        seq = iter("".join(c * count[c] for c in order))
        return "".join(next(seq) if c in vowels else c for c in s)
