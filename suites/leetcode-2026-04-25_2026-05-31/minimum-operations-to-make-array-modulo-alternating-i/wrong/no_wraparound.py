class Solution:
    def minOperations(self, nums: list[int], k: int) -> int:
        # distance |r - x| without going around the residue circle
        best = None
        for x in range(k):
            for y in range(k):
                if x != y:
                    t = 0
                    for i, v in enumerate(nums):
                        t += abs(v % k - (x if i % 2 == 0 else y))
                    if best is None or t < best:
                        best = t
        return best
