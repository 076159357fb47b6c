from heapq import heappop, heappush


class Solution:
    def minCost(self, n: int, prices: list[int], roads: list[list[int]]) -> list[int]:
        # correct idea, but an unpruned Dijkstra of both kinds from every shop, with dicts:
        # too slow in Python at n = 1000
        empty = [[] for _ in range(n)]
        loaded = [[] for _ in range(n)]
        for u, v, c, t in roads:
            empty[u].append((v, c))
            empty[v].append((u, c))
            loaded[u].append((v, c * t))
            loaded[v].append((u, c * t))

        def dijkstra(src, adj):
            dist = {}
            heap = [(0, src)]
            while heap:
                d, u = heappop(heap)
                if u in dist:
                    continue
                dist[u] = d
                for v, w in adj[u]:
                    if v not in dist:
                        heappush(heap, (d + w, v))
            return dist

        ans = []
        for i in range(n):
            d1, d2 = dijkstra(i, empty), dijkstra(i, loaded)
            ans.append(min(d1[j] + d2[j] + prices[j] for j in d1))
        return ans
