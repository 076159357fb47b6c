class Solution:
    def minimumThreshold(self, n: int, edges: List[List[int]], source: int, target: int, k: int) -> int:
        # enumerates every simple path: exponential
        if source == target:
            return 0
        adj = [[] for _ in range(n)]
        for u, v, w in edges:
            adj[u].append((v, w))
            adj[v].append((u, w))
        best = [None]
        on = [False] * n
        ws = []

        def dfs(u):
            if u == target:
                s = sorted(ws, reverse=True)
                need = s[k] if k < len(s) else 0
                if best[0] is None or need < best[0]:
                    best[0] = need
                return
            on[u] = True
            for v, w in adj[u]:
                if not on[v]:
                    ws.append(w)
                    dfs(v)
                    ws.pop()
            on[u] = False

        import sys
        sys.setrecursionlimit(10000)
        dfs(source)
        return -1 if best[0] is None else best[0]
