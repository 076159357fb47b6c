class Solution:
    def minimumSwaps(self, nums: list[int]) -> int:
        # counts adjacent swaps (bubbling zeros right) instead of arbitrary swaps
        res = 0
        nonzero_after = 0
        for v in reversed(nums):
            if v == 0:
                res += nonzero_after
            else:
                nonzero_after += 1
        return res
