class Solution:
    def minGenerations(self, points: List[List[int]], target: List[int]) -> int:
        have = {tuple(p) for p in points}
        goal = tuple(target)
        k = 0
        while True:
            if goal in have:
                return k
            pts = list(have)
            nxt = set()
            for i in range(len(pts)):
                for j in range(len(pts)):
                    a, b = pts[i], pts[j]
                    if a != b:
                        nxt.add(tuple((a[t] + b[t]) // 2 for t in range(3)))
            if nxt <= have:
                return -1
            have |= nxt
            k += 1
