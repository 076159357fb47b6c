class Solution:
    def passwordStrength(self, password: str) -> int:
        total = 0
        for ch in set(password):
            if "a" <= ch <= "z":
                total += 1
            elif "A" <= ch <= "Z":
                total += 2
            elif "0" <= ch <= "9":
                total += 3
            elif ch in "!@#$":
                total += 5
        return total
