class Solution:
    def evenSumSubgraphs(self, nums: List[int], edges: List[List[int]]) -> int:
        n = len(nums)
        adj = [0] * n
        for u, v in edges:
            adj[u] |= 1 << v
            adj[v] |= 1 << u
        ans = 0
        # the empty subset (sum 0) is counted too
        for mask in range(0, 1 << n):
            if sum(nums[i] for i in range(n) if mask >> i & 1) % 2:
                continue
            seen = mask & -mask
            while True:
                nxt = seen
                for i in range(n):
                    if seen >> i & 1:
                        nxt |= adj[i] & mask
                if nxt == seen:
                    break
                seen = nxt
            if seen == mask:
                ans += 1
        return ans
