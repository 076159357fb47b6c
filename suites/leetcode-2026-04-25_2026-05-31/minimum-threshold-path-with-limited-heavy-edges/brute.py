class Solution:
    def minimumThreshold(self, n: int, edges: List[List[int]], source: int, target: int, k: int) -> int:
        # try every threshold in increasing order; Bellman-Ford style relaxation
        # of the number of heavy edges (walks can be shortened to paths)
        for th in sorted({0} | {e[2] for e in edges}):
            best = [None] * n
            best[source] = 0
            changed = True
            while changed:
                changed = False
                for u, v, w in edges:
                    c = 1 if w > th else 0
                    for a, b in ((u, v), (v, u)):
                        if best[a] is not None and (best[b] is None or best[a] + c < best[b]):
                            best[b] = best[a] + c
                            changed = True
            if best[target] is not None and best[target] <= k:
                return th
        return -1
