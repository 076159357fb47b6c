from collections import deque


class Solution:
    def minimumThreshold(self, n: int, edges: List[List[int]], source: int, target: int, k: int) -> int:
        if source == target:
            return 0
        adj = [[] for _ in range(n)]
        for u, v, w in edges:
            adj[u].append((v, w))  # the edges are treated as directed

        def need(th):
            dist = [float("inf")] * n
            dist[source] = 0
            dq = deque([source])
            while dq:
                u = dq.popleft()
                for v, w in adj[u]:
                    c = 1 if w > th else 0
                    if dist[u] + c < dist[v]:
                        dist[v] = dist[u] + c
                        (dq.append if c else dq.appendleft)(v)
            return dist[target]

        cands = sorted({0} | {w for _, _, w in edges})
        if need(cands[-1]) > k:
            return -1
        lo, hi = 0, len(cands) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if need(cands[mid]) <= k:
                hi = mid
            else:
                lo = mid + 1
        return cands[lo]
