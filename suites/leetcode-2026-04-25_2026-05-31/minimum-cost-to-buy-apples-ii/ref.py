from heapq import heappop, heappush


class Solution:
    def minCost(self, n: int, prices: list[int], roads: list[list[int]]) -> list[int]:
        # ans[i] = min over j of dist_empty(i, j) + dist_loaded(j, i) + prices[j]; roads are
        # bidirectional so dist_loaded(j, i) = dist_loaded(i, j). One bounded Dijkstra per
        # metric from every shop. Since tax >= 1, dist_loaded >= dist_empty, so a shop j can
        # only help if 2 * dist_empty(i, j) + min(prices) < best, and the loaded search only
        # needs distances below best - min(dist_empty(i, j) + prices[j]).
        empty = [[] for _ in range(n)]
        loaded = [[] for _ in range(n)]
        for u, v, c, t in roads:
            empty[u].append((v, c))
            empty[v].append((u, c))
            loaded[u].append((v, c * t))
            loaded[v].append((u, c * t))
        pmin = min(prices)
        INF = float("inf")

        def dijkstra(src, adj, bound):
            # distances < bound (others stay INF)
            dist = [INF] * n
            dist[src] = 0
            heap = [(0, src)]
            reached = []
            while heap:
                d, u = heappop(heap)
                if d > dist[u]:
                    continue
                reached.append(u)
                for v, w in adj[u]:
                    nd = d + w
                    if nd < dist[v] and nd < bound:
                        dist[v] = nd
                        heappush(heap, (nd, v))
            return dist, reached

        # Upper bound: go to j and come back along the same roads (weight cost * (1 + tax)),
        # one multi-source Dijkstra seeded with the prices.
        both = [[] for _ in range(n)]
        for u, v, c, t in roads:
            both[u].append((v, c * (1 + t)))
            both[v].append((u, c * (1 + t)))
        upper = prices[:]
        heap = [(p, i) for i, p in enumerate(prices)]
        heap.sort()
        while heap:
            d, u = heappop(heap)
            if d > upper[u]:
                continue
            for v, w in both[u]:
                if d + w < upper[v]:
                    upper[v] = d + w
                    heappush(heap, (d + w, v))

        ans = [0] * n
        for i in range(n):
            best = upper[i]
            if empty[i] and best > pmin:
                d1, reached = dijkstra(i, empty, (best - pmin + 1) // 2)
                low = min(d1[j] + prices[j] for j in reached)
                if low < best:
                    d2, _ = dijkstra(i, loaded, best - low)
                    for j in reached:
                        b = d2[j]
                        if b != INF:
                            total = d1[j] + b + prices[j]
                            if total < best:
                                best = total
            ans[i] = best
        return ans
