class Solution:
    def minCost(self, n: int, prices: list[int], roads: list[list[int]]) -> list[int]:
        # only considers shops one road away
        ans = prices[:]
        for u, v, c, t in roads:
            ans[u] = min(ans[u], c + c * t + prices[v])
            ans[v] = min(ans[v], c + c * t + prices[u])
        return ans
