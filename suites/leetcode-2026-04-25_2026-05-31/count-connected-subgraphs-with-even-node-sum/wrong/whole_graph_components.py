class Solution:
    def evenSumSubgraphs(self, nums: List[int], edges: List[List[int]]) -> int:
        # connectivity checked in the whole graph instead of the induced subgraph
        n = len(nums)
        parent = list(range(n))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for u, v in edges:
            parent[find(u)] = find(v)
        ans = 0
        for mask in range(1, 1 << n):
            nodes = [i for i in range(n) if mask >> i & 1]
            if sum(nums[i] for i in nodes) % 2:
                continue
            if len({find(i) for i in nodes}) == 1:
                ans += 1
        return ans
