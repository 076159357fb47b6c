from collections import deque


class Solution:
    def minimumThreshold(self, n: int, edges: List[List[int]], source: int, target: int, k: int) -> int:
        if source == target:
            return 0
        adj = [[] for _ in range(n)]
        for u, v, w in edges:
            adj[u].append((v, w))
            adj[v].append((u, w))

        def ok(th):
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
            return dist[target] <= k

        # candidate thresholds are only the edge weights (0 is never tried)
        cands = sorted({w for _, _, w in edges})
        if not cands or not ok(cands[-1]):
            return -1
        lo, hi = 0, len(cands) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if ok(cands[mid]):
                hi = mid
            else:
                lo = mid + 1
        return cands[lo]
