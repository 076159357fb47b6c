class Solution:
    def compareBitonicSums(self, nums: List[int]) -> int:
        n = len(nums)
        total = sum(nums)
        for i in range(n):
            if i == n - 1 or nums[i + 1] < nums[i]:
                a = 0
                for j in range(i + 1):
                    a += nums[j]
                d = total - a + nums[i]
                return -1 if a == d else (0 if a > d else 1)
            # recomputes the prefix sum each step (quadratic)
            s = 0
            for j in range(i + 1):
                s += nums[j]
        return -1
