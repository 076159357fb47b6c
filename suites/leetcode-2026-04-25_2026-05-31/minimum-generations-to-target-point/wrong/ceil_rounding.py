class Solution:
    def minGenerations(self, points: List[List[int]], target: List[int]) -> int:
        have = {tuple(p) for p in points}
        goal = tuple(target)
        if goal in have:
            return 0
        k = 0
        while True:
            k += 1
            pts = list(have)
            # rounds the midpoint up instead of down
            made = {tuple((a[i] + b[i] + 1) // 2 for i in range(3)) for a in pts for b in pts if a != b}
            if goal in made:
                return k
            if made <= have:
                return -1
            have |= made
