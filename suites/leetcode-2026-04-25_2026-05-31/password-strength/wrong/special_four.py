class Solution:
    def passwordStrength(self, password: str) -> int:
        total = 0
        for ch in set(password):
            if ch.islower():
                total += 1
            elif ch.isupper():
                total += 2
            elif ch.isdigit():
                total += 3
            else:
                total += 4
        return total
