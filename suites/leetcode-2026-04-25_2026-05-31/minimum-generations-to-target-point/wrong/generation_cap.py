class Solution:
    def minGenerations(self, points: List[List[int]], target: List[int]) -> int:
        have = {tuple(p) for p in points}
        goal = tuple(target)
        # assumes a 7x7x7 grid is exhausted within 5 generations
        for k in range(0, 6):
            if goal in have:
                return k
            pts = list(have)
            have |= {tuple((a[i] + b[i]) // 2 for i in range(3)) for a in pts for b in pts if a != b}
        return -1
