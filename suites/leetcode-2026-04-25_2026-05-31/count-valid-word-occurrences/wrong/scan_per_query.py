import re


class Solution:
    def countWordOccurrences(self, chunks: list[str], queries: list[str]) -> list[int]:
        # right words, but every query scans the whole word list: O(words * queries)
        words = re.findall(r"[a-z]+(?:-[a-z]+)*", "".join(chunks))
        ans = []
        for q in queries:
            c = 0
            for w in words:
                if w == q:
                    c += 1
            ans.append(c)
        return ans
