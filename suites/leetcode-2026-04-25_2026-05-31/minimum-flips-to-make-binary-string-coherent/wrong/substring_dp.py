class Solution:
    def minFlips(self, s: str) -> int:
        # misreads "subsequence" as "substring": DP over the last two characters
        INF = float("inf")
        dp = {"": 0}
        for ch in s:
            nd = {}
            for tail, cost in dp.items():
                for c in "01":
                    t = tail + c
                    if t in ("011", "110"):
                        continue
                    key = t[-2:]
                    v = cost + (c != ch)
                    if v < nd.get(key, INF):
                        nd[key] = v
            dp = nd
        return min(dp.values())
