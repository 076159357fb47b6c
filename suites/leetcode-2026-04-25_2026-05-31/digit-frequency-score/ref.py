class Solution:
    def digitFrequencyScore(self, n: int) -> int:
        freq = [0] * 10
        for ch in str(n):
            freq[ord(ch) - 48] += 1
        return sum(d * freq[d] for d in range(10))
