class Solution:
    def isAdjacentDiffAtMostTwo(self, s: str) -> bool:
        digits = [int(c) for c in s]
        for i in range(len(digits)):
            for j in range(len(digits)):
                if abs(i - j) == 1 and abs(digits[i] - digits[j]) > 2:
                    return False
        return True
