class Solution:
    def findValidElements(self, nums: List[int]) -> List[int]:
        n = len(nums)
        suffix_max = [0] * (n + 1)  # max of nums[i:], 0 for the empty suffix
        for i in range(n - 1, -1, -1):
            suffix_max[i] = max(suffix_max[i + 1], nums[i])
        out = []
        prefix_max = 0
        for i, v in enumerate(nums):
            if v > prefix_max or v > suffix_max[i + 1]:
                out.append(v)
            prefix_max = max(prefix_max, v)
        return out
