class Solution:
    def evenSumSubgraphs(self, nums: List[int], edges: List[List[int]]) -> int:
        n = len(nums)
        adj = [0] * n
        for u, v in edges:
            adj[u] |= 1 << v
            adj[v] |= 1 << u
        ans = 0
        for mask in range(1, 1 << n):
            # parity test uses the number of chosen nodes instead of their values
            if bin(mask).count("1") % 2:
                continue
            seen = mask & -mask
            stack = [seen.bit_length() - 1]
            while stack:
                u = stack.pop()
                add = adj[u] & mask & ~seen
                seen |= add
                for v in range(n):
                    if add >> v & 1:
                        stack.append(v)
            if seen == mask:
                ans += 1
        return ans
