class Solution:
    def countValidSubsets(self, parent: list[int], nums: list[int], k: int) -> int:
        # misreads "adjacent" as "ancestor/descendant": chosen nodes must be pairwise unrelated
        MOD = 10**9 + 7
        n = len(parent)
        children = [[] for _ in range(n)]
        for i in range(1, n):
            children[parent[i]].append(i)
        # g[v][s]: subsets (possibly empty) of subtree(v), pairwise unrelated, sum = s mod k
        g = [None] * n
        for v in range(n - 1, -1, -1):
            acc = [0] * k
            acc[0] = 1
            for c in children[v]:
                nxt = [0] * k
                for i in range(k):
                    if acc[i]:
                        for j in range(k):
                            if g[c][j]:
                                nxt[(i + j) % k] = (nxt[(i + j) % k] + acc[i] * g[c][j]) % MOD
                acc = nxt
            single = [0] * k
            single[nums[v] % k] = 1
            # v alone, or any combination below it (the empty combination is already in acc)
            g[v] = [(acc[s] + single[s]) % MOD for s in range(k)]
        return (g[0][0] - 1) % MOD
