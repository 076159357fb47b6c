class Solution:
    def countWordOccurrences(self, chunks: list[str], queries: list[str]) -> list[int]:
        # counts substring occurrences instead of whole words
        s = "".join(chunks)
        return [s.count(q) for q in queries]
