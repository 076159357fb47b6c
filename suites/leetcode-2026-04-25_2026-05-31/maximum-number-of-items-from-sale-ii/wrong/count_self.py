class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # partner count includes the item itself (j != i forgotten)
        n = len(items)
        freq = [0] * (n + 1)
        for f, _ in items:
            freq[f] += 1
        mn = min(p for _, p in items)
        offers = sorted((p, sum(freq[f::f])) for f, p in items if p <= 2 * mn)
        left, doubles = budget, 0
        for p, d in offers:
            k = min(d, left // p)
            doubles += k
            left -= k * p
            if k < d:
                break
        return 2 * doubles + left // mn
