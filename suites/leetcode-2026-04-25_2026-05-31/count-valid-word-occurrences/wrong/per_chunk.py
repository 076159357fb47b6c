import re
from collections import Counter


class Solution:
    def countWordOccurrences(self, chunks: list[str], queries: list[str]) -> list[int]:
        # tokenises every chunk on its own instead of the concatenation
        cnt = Counter()
        for c in chunks:
            cnt.update(re.findall(r"[a-z]+(?:-[a-z]+)*", c))
        return [cnt.get(q, 0) for q in queries]
