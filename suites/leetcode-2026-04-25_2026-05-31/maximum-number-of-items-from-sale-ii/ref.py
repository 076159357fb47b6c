class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # A copy of item i is worth 2 for its first d_i copies (d_i = other items whose factor is a
        # multiple of factor_i), else 1.  Copies worth 1 are best bought at the minimum price mn.
        # Total = 2k + (budget - P) // mn for the k cheapest "worth 2" copies of total price P;
        # adding a copy of price p changes it by >= 0 iff p <= 2 * mn, so take them cheapest first.
        n = len(items)
        freq = [0] * (n + 1)
        for f, _ in items:
            freq[f] += 1
        mult = {f: sum(freq[f::f]) for f in set(f for f, _ in items)}
        mn = min(p for _, p in items)
        offers = sorted((p, mult[f] - 1) for f, p in items if mult[f] > 1 and p <= 2 * mn)
        left = budget
        doubles = 0
        for p, d in offers:
            k = min(d, left // p)
            doubles += k
            left -= k * p
            if k < d:
                break
        return 2 * doubles + left // mn
