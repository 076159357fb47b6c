class Solution:
    def minOperations(self, nums: list[int], k: int) -> int:
        # picks the best residue for each parity independently (x may equal y)
        cost = [[0] * k for _ in range(2)]
        for i, v in enumerate(nums):
            for x in range(k):
                d = abs(v % k - x)
                cost[i & 1][x] += min(d, k - d)
        return min(cost[0]) + min(cost[1])
