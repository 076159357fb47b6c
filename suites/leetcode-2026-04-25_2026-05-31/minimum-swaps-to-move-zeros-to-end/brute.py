from collections import deque


class Solution:
    def minimumSwaps(self, nums: list[int]) -> int:
        # breadth-first search over all arrays reachable by swaps (small inputs only)
        def done(t):
            seen_zero = False
            for v in t:
                if v == 0:
                    seen_zero = True
                elif seen_zero:
                    return False
            return True

        start = tuple(nums)
        dist = {start: 0}
        q = deque([start])
        while q:
            t = q.popleft()
            if done(t):
                return dist[t]
            for i in range(len(t)):
                for j in range(i + 1, len(t)):
                    u = list(t)
                    u[i], u[j] = u[j], u[i]
                    u = tuple(u)
                    if u not in dist:
                        dist[u] = dist[t] + 1
                        q.append(u)
        return -1
