class Solution:
    def minOperations(self, nums: list[int], k: int) -> int:
        # only counts increments (forgets that decreasing is allowed)
        best = None
        for x in range(k):
            for y in range(k):
                if x != y:
                    t = 0
                    for i, v in enumerate(nums):
                        t += ((x if i % 2 == 0 else y) - v) % k
                    if best is None or t < best:
                        best = t
        return best
