class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # enumerate all purchase vectors; free copies from item i = min(copies_i, #valid partners j)
        n = len(items)
        partners = [sum(1 for j in range(n) if j != i and items[j][0] % items[i][0] == 0) for i in range(n)]
        best = 0

        def rec(i, left, got):
            nonlocal best
            if i == n:
                best = max(best, got)
                return
            c = 0
            while c * items[i][1] <= left:
                rec(i + 1, left - c * items[i][1], got + c + min(c, partners[i]))
                c += 1

        rec(0, budget, 0)
        return best
