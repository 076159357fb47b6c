from collections import deque


class Solution:
    def minimumThreshold(self, n: int, edges: List[List[int]], source: int, target: int, k: int) -> int:
        # greedy: take the path with the fewest edges and let its k largest weights be heavy
        if source == target:
            return 0
        adj = [[] for _ in range(n)]
        for u, v, w in edges:
            adj[u].append((v, w))
            adj[v].append((u, w))
        prev = [None] * n
        seen = [False] * n
        seen[source] = True
        dq = deque([source])
        while dq:
            u = dq.popleft()
            for v, w in adj[u]:
                if not seen[v]:
                    seen[v] = True
                    prev[v] = (u, w)
                    dq.append(v)
        if not seen[target]:
            return -1
        ws = []
        x = target
        while x != source:
            u, w = prev[x]
            ws.append(w)
            x = u
        ws.sort(reverse=True)
        return ws[k] if k < len(ws) else 0
