import heapq


class Solution:
    def minOperations(self, nums: list[int]) -> int:
        # Dijkstra over arrays; an operation with value x costs x, so every operation is split
        # into unit steps (+1 on a subarray, cost 1). Values never need to exceed max(nums)
        # (raising the maximum element is never required), so states are capped there.
        # Small inputs only.
        n = len(nums)
        cap = max(nums)
        start = tuple(nums)
        dist = {start: 0}
        pq = [(0, start)]
        while pq:
            d, t = heapq.heappop(pq)
            if d != dist[t]:
                continue
            if all(t[i] <= t[i + 1] for i in range(n - 1)):
                return d
            for l in range(n):
                for r in range(l, n):
                    if any(t[i] >= cap for i in range(l, r + 1)):
                        continue
                    u = t[:l] + tuple(x + 1 for x in t[l:r + 1]) + t[r + 1:]
                    if u not in dist or dist[u] > d + 1:
                        dist[u] = d + 1
                        heapq.heappush(pq, (d + 1, u))
        return -1
