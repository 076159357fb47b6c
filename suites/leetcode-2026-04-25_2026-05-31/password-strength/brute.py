class Solution:
    def passwordStrength(self, password: str) -> int:
        points = {}
        for c in "abcdefghijklmnopqrstuvwxyz":
            points[c] = 1
        for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            points[c] = 2
        for c in "0123456789":
            points[c] = 3
        for c in "!@#$":
            points[c] = 5
        return sum(points[c] for c in points if c in password)
