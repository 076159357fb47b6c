import itertools


class Solution:
    def minFlips(self, s: str) -> int:
        def has_subseq(t, p):
            it = iter(t)
            return all(c in it for c in p)

        best = None
        for bits in itertools.product("01", repeat=len(s)):
            t = "".join(bits)
            if has_subseq(t, "011") or has_subseq(t, "110"):
                continue
            d = sum(a != b for a, b in zip(s, t))
            if best is None or d < best:
                best = d
        return best
