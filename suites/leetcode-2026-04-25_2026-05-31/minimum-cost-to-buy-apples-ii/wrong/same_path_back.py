from heapq import heappop, heappush


class Solution:
    def minCost(self, n: int, prices: list[int], roads: list[list[int]]) -> list[int]:
        # assumes the trip comes back along the same roads: weight cost * (1 + tax)
        adj = [[] for _ in range(n)]
        for u, v, c, t in roads:
            adj[u].append((v, c * (1 + t)))
            adj[v].append((u, c * (1 + t)))
        best = prices[:]
        heap = sorted((p, i) for i, p in enumerate(prices))
        while heap:
            d, u = heappop(heap)
            if d > best[u]:
                continue
            for v, w in adj[u]:
                if d + w < best[v]:
                    best[v] = d + w
                    heappush(heap, (d + w, v))
        return best
