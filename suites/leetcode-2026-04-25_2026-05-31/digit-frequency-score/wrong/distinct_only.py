class Solution:
    def digitFrequencyScore(self, n: int) -> int:
        # sum of distinct digits, frequency ignored
        return sum(int(d) for d in set(str(n)))
