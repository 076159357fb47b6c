class Solution:
    def minOperations(self, nums: List[int]) -> int:
        # physically rotates the array: O(n^2)
        n = len(nums)
        goal = list(range(n))
        best = inf
        a = nums[:]
        for k in range(n):
            if a == goal:
                best = min(best, k, n - k + 2)
                break
            a = a[1:] + a[:1]
        a = nums[::-1]
        for k in range(n):
            if a == goal:
                best = min(best, k + 1, n - k + 1)
                break
            a = a[1:] + a[:1]
        return -1 if best == inf else best
