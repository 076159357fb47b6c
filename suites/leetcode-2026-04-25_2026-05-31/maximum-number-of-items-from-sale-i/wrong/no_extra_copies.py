class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # forgets that more copies can be bought after the first ones
        gain = [sum(1 for g, _ in items if g % f == 0) for f, _ in items]
        dp = [0] * (budget + 1)
        for (f, p), g in zip(items, gain):
            for c in range(budget, p - 1, -1):
                dp[c] = max(dp[c], dp[c - p] + g)
        return dp[budget]
