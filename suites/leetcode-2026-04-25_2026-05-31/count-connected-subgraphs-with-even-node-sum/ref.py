class Solution:
    def evenSumSubgraphs(self, nums: List[int], edges: List[List[int]]) -> int:
        n = len(nums)
        adj = [0] * n
        for u, v in edges:
            adj[u] |= 1 << v
            adj[v] |= 1 << u
        full = 1 << n
        # nb[mask] = union of neighbourhoods of the vertices of mask
        nb = [0] * full
        odd = [0] * full  # parity of the sum of values in mask
        for mask in range(1, full):
            low = mask & -mask
            i = low.bit_length() - 1
            rest = mask ^ low
            nb[mask] = nb[rest] | adj[i]
            odd[mask] = odd[rest] ^ nums[i]
        ans = 0
        for mask in range(1, full):
            if odd[mask]:
                continue
            seen = mask & -mask
            while True:
                nxt = (seen | nb[seen]) & mask
                if nxt == seen:
                    break
                seen = nxt
            if seen == mask:
                ans += 1
        return ans
