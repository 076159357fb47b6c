class Solution:
    def minOperations(self, nums: list[int], k: int) -> int:
        # try every pair (x, y) and, for every element, every value within k of it
        best = None
        for x in range(k):
            for y in range(k):
                if x == y:
                    continue
                total = 0
                for i, v in enumerate(nums):
                    want = x if i % 2 == 0 else y
                    total += min(abs(w - v) for w in range(v - k, v + k + 1) if w % k == want)
                if best is None or total < best:
                    best = total
        return best
