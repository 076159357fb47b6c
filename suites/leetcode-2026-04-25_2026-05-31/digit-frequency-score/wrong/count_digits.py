class Solution:
    def digitFrequencyScore(self, n: int) -> int:
        # d * freq(d) misread as freq(d) per distinct digit: number of digits
        s = str(n)
        return sum(s.count(d) for d in set(s) if d != "0")
