class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # ignores the once-per-pair limit: every copy of an item with a partner brings a free copy
        n = len(items)
        freq = [0] * (n + 1)
        for f, _ in items:
            freq[f] += 1
        best = 0
        for f, p in items:
            per = 2 if sum(freq[f::f]) > 1 else 1
            best = max(best, per * (budget // p))
        mn = min(p for _, p in items)
        return max(best, budget // mn)
