from collections import Counter


class Solution:
    def countWordOccurrences(self, chunks: list[str], queries: list[str]) -> list[int]:
        # treats every hyphen as a separator
        s = "".join(chunks).replace("-", " ")
        cnt = Counter(s.split())
        return [cnt.get(q, 0) for q in queries]
