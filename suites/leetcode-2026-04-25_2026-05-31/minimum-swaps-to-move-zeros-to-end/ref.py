class Solution:
    def minimumSwaps(self, nums: list[int]) -> int:
        # Every zero that lies outside the final block of zeros needs exactly one swap
        # (with a non-zero from that block); one swap can fix at most one such zero.
        zeros = nums.count(0)
        return nums[: len(nums) - zeros].count(0)
