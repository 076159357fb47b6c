import re
from collections import Counter


class Solution:
    def countWordOccurrences(self, chunks: list[str], queries: list[str]) -> list[int]:
        s = "".join(chunks)
        # A word starts and ends with a letter; every hyphen inside it has letters on both
        # sides, so words are exactly the maximal matches of letters joined by single hyphens.
        cnt = Counter(re.findall(r"[a-z]+(?:-[a-z]+)*", s))
        return [cnt.get(q, 0) for q in queries]
