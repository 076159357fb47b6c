class Solution:
    def countValidSubsets(self, parent: list[int], nums: list[int], k: int) -> int:
        # every non-empty subset of nodes (small n only)
        n = len(parent)
        count = 0
        for mask in range(1, 1 << n):
            ok = all(not (mask >> i & 1 and mask >> parent[i] & 1) for i in range(1, n))
            if ok and sum(nums[i] for i in range(n) if mask >> i & 1) % k == 0:
                count += 1
        return count % (10**9 + 7)
