class Solution:
    def passwordStrength(self, password: str) -> int:
        # counts every occurrence instead of distinct characters
        total = 0
        for ch in password:
            if ch.islower():
                total += 1
            elif ch.isupper():
                total += 2
            elif ch.isdigit():
                total += 3
            else:
                total += 5
        return total
