class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # gain[i]: copies obtained from the first copy of item i (itself plus one free copy of
        # every other item whose factor is a multiple).  Extra copies are worth 1 each and are
        # best bought at the minimum price.  0/1 knapsack over "first copies".
        top = max(f for f, _ in items)
        freq = [0] * (top + 1)
        for f, _ in items:
            freq[f] += 1
        multiples = {}
        for f in set(f for f, _ in items):
            multiples[f] = sum(freq[f::f])
        cheapest = min(p for _, p in items)
        neg = -1
        best = [0] + [neg] * budget  # best[c]: max gain with total first-copy cost exactly c
        for f, p in items:
            if p > budget:
                continue
            g = multiples[f]
            shifted = [x + g if x >= 0 else neg for x in best[: budget + 1 - p]]
            best[p:] = list(map(max, best[p:], shifted))
        return max(x + (budget - c) // cheapest for c, x in enumerate(best) if x >= 0)
