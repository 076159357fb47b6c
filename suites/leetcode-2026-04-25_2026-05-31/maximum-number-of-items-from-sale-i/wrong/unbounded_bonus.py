class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # treats every copy as bringing the free copies (unbounded knapsack)
        n = len(items)
        gain = [sum(1 for g, _ in items if g % f == 0) for f, _ in items]
        dp = [0] * (budget + 1)
        for c in range(1, budget + 1):
            dp[c] = dp[c - 1]
            for i in range(n):
                p = items[i][1]
                if p <= c:
                    dp[c] = max(dp[c], dp[c - p] + gain[i])
        return dp[budget]
