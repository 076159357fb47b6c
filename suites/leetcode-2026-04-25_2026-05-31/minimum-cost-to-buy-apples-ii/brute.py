class Solution:
    def minCost(self, n: int, prices: list[int], roads: list[list[int]]) -> list[int]:
        # Floyd-Warshall for both metrics, then try every shop (small inputs only)
        INF = float("inf")
        de = [[0 if i == j else INF for j in range(n)] for i in range(n)]
        dl = [[0 if i == j else INF for j in range(n)] for i in range(n)]
        for u, v, c, t in roads:
            de[u][v] = de[v][u] = min(de[u][v], c)
            dl[u][v] = dl[v][u] = min(dl[u][v], c * t)
        for d in (de, dl):
            for k in range(n):
                for i in range(n):
                    for j in range(n):
                        if d[i][k] + d[k][j] < d[i][j]:
                            d[i][j] = d[i][k] + d[k][j]
        return [min(de[i][j] + dl[j][i] + prices[j] for j in range(n)) for i in range(n)]
