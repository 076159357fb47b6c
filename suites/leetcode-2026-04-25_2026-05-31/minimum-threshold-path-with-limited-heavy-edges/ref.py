from collections import deque


class Solution:
    def minimumThreshold(self, n: int, edges: List[List[int]], source: int, target: int, k: int) -> int:
        if source == target:
            return 0
        adj = [[] for _ in range(n)]
        for u, v, w in edges:
            adj[u].append((v, w))
            adj[v].append((u, w))

        def heavy_needed(th):
            # 0-1 BFS: fewest heavy edges (weight > th) from source to target
            INF = n + len(edges) + 1
            dist = [INF] * n
            dist[source] = 0
            dq = deque([source])
            while dq:
                u = dq.popleft()
                d = dist[u]
                if u == target:
                    return d
                for v, w in adj[u]:
                    nd = d + (w > th)
                    if nd < dist[v]:
                        dist[v] = nd
                        if w > th:
                            dq.append(v)
                        else:
                            dq.appendleft(v)
            return INF

        cands = sorted({0} | {w for _, _, w in edges})
        if heavy_needed(cands[-1]) > k:  # only when target is unreachable
            return -1
        lo, hi = 0, len(cands) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if heavy_needed(cands[mid]) <= k:
                hi = mid
            else:
                lo = mid + 1
        return cands[lo]
