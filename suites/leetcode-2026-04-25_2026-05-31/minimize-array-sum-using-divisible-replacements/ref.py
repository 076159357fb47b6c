class Solution:
    def minArraySum(self, nums: list[int]) -> int:
        top = max(nums)
        present = [False] * (top + 1)
        for x in nums:
            present[x] = True
        # low[v] = smallest value of nums that divides v (0 while none found)
        low = [0] * (top + 1)
        for d in range(1, top + 1):
            if present[d] and low[d] == 0:
                # every multiple of d not yet claimed by a smaller divisor
                for m in range(d, top + 1, d):
                    if low[m] == 0:
                        low[m] = d
        return sum(low[x] for x in nums)
