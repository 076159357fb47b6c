class Solution:
    def minGenerations(self, points: List[List[int]], target: List[int]) -> int:
        have = {tuple(p) for p in points}
        goal = tuple(target)
        if goal in have:
            return 0
        cur = list(have)
        k = 0
        while cur:
            k += 1
            # pairs only within the previous generation, not with older points
            made = {tuple((a[i] + b[i]) // 2 for i in range(3)) for a in cur for b in cur if a != b}
            if goal in made:
                return k
            made -= have
            have |= made
            cur = list(made)
        return -1
