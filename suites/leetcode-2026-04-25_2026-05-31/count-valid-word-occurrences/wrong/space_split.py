from collections import Counter


class Solution:
    def countWordOccurrences(self, chunks: list[str], queries: list[str]) -> list[int]:
        # only spaces separate; every hyphen is kept (strips hyphens at the ends)
        s = "".join(chunks)
        cnt = Counter(t.strip("-") for t in s.split())
        return [cnt.get(q, 0) for q in queries]
