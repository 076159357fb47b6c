class Solution:
    def countOppositeParity(self, nums: list[int]) -> list[int]:
        # counts opposite-parity indices on both sides
        odd = sum(v % 2 for v in nums)
        even = len(nums) - odd
        return [even if v % 2 else odd for v in nums]
