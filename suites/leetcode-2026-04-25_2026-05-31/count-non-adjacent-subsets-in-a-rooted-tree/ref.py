class Solution:
    def countValidSubsets(self, parent: list[int], nums: list[int], k: int) -> int:
        MOD = 10**9 + 7
        n = len(parent)
        W = 9                      # bytes per packed coefficient (k * MOD^2 < 2^72)
        span = W * 8

        def pack(a):
            return int.from_bytes(b"".join(x.to_bytes(W, "little") for x in a), "little")

        def mul(a, b):
            # cyclic convolution modulo x^k - 1, coefficients mod MOD
            nza = [i for i in range(k) if a[i]]
            nzb = [i for i in range(k) if b[i]]
            if len(nza) > len(nzb):
                a, b, nza, nzb = b, a, nzb, nza
            if len(nza) <= 3:
                res = [0] * k
                for i in nza:
                    ai = a[i]
                    for j in nzb:
                        t = i + j
                        if t >= k:
                            t -= k
                        res[t] += ai * b[j]
                return [x % MOD for x in res]
            prod = (pack(a) * pack(b)).to_bytes(W * (2 * k), "little")
            res = [int.from_bytes(prod[W * i:W * i + W], "little") for i in range(2 * k - 1)]
            lowk = res[:k]
            for i in range(k, 2 * k - 1):
                lowk[i - k] += res[i]
            return [x % MOD for x in lowk]

        unit = [0] * k
        unit[0] = 1
        # free[v]: subsets of v's subtree with v not chosen, by sum mod k; take[v]: v chosen
        free = [unit] * n
        childfree = [unit] * n     # product of free[c] over the children c of v
        # parent[i] < i, so scanning indices downward visits children before parents
        for v in range(n - 1, -1, -1):
            r = nums[v] % k
            cf = childfree[v]
            take = cf[-r:] + cf[:-r] if r else cf
            tot = [(x + y) % MOD for x, y in zip(free[v], take)]
            if v == 0:
                return (tot[0] - 1) % MOD
            p = parent[v]
            free[p] = mul(free[p], tot)
            childfree[p] = mul(childfree[p], free[v])
        return 0
