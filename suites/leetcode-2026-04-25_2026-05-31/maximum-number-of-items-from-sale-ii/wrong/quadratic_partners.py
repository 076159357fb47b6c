class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # counts partners with a double loop: O(n^2)
        n = len(items)
        mn = min(p for _, p in items)
        offers = []
        for i in range(n):
            fi = items[i][0]
            d = 0
            for j in range(n):
                if j != i and items[j][0] % fi == 0:
                    d += 1
            if d and items[i][1] <= 2 * mn:
                offers.append((items[i][1], d))
        offers.sort()
        left, doubles = budget, 0
        for p, d in offers:
            k = min(d, left // p)
            doubles += k
            left -= k * p
            if k < d:
                break
        return 2 * doubles + left // mn
