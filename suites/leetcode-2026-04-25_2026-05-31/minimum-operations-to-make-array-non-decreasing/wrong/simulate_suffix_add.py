class Solution:
    def minOperations(self, nums: list[int]) -> int:
        # right idea, but really adds each drop to the whole suffix: O(n^2)
        a = list(nums)
        n = len(a)
        total = 0
        for i in range(1, n):
            if a[i - 1] > a[i]:
                d = a[i - 1] - a[i]
                total += d
                for j in range(i, n):
                    a[j] += d
        return total
