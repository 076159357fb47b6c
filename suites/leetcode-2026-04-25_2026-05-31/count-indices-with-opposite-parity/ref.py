class Solution:
    def countOppositeParity(self, nums: list[int]) -> list[int]:
        # walk from the right keeping how many odd / even values lie strictly after i
        after = [0, 0]
        res = [0] * len(nums)
        for i in range(len(nums) - 1, -1, -1):
            p = nums[i] % 2
            res[i] = after[1 - p]
            after[p] += 1
        return res
