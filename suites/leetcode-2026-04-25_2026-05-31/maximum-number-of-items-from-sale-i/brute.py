class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # enumerate every purchase vector (copies of each item), count copies by the rules
        n = len(items)
        best = 0
        counts = [0] * n

        def total():
            got = sum(counts)
            for i in range(n):
                if counts[i] > 0:
                    for j in range(n):
                        if j != i and items[j][0] % items[i][0] == 0:
                            got += 1
            return got

        def rec(i, left):
            nonlocal best
            if i == n:
                best = max(best, total())
                return
            c = 0
            while c * items[i][1] <= left:
                counts[i] = c
                rec(i + 1, left - c * items[i][1])
                c += 1
            counts[i] = 0

        rec(0, budget)
        return best
