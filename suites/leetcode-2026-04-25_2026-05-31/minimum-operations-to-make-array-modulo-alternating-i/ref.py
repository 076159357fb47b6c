class Solution:
    def minOperations(self, nums: list[int], k: int) -> int:
        # cost[p][x]: moving every element at parity p to residue x (circular distance)
        cost = [[0] * k for _ in range(2)]
        for i, v in enumerate(nums):
            r = v % k
            row = cost[i & 1]
            for x in range(k):
                d = abs(r - x)
                row[x] += d if d * 2 <= k else k - d
        best = None
        for x in range(k):
            ce = cost[0][x]
            for y in range(k):
                if x != y:
                    t = ce + cost[1][y]
                    if best is None or t < best:
                        best = t
        return best
