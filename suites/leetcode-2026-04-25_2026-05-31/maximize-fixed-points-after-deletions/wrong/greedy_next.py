class Solution:
    def maxFixedPoints(self, nums: list[int]) -> int:
        # greedy: keep an element only when it equals the next wanted index
        need = 0
        for x in nums:
            if x == need:
                need += 1
        return need
