class Solution:
    def smallestUniqueSubarray(self, nums: List[int]) -> int:
        n = len(nums)
        for L in range(1, n + 1):
            seen = Counter(tuple(nums[i:i + L]) for i in range(n - L + 1))
            if any(c == 1 for c in seen.values()):
                return L
        return n
