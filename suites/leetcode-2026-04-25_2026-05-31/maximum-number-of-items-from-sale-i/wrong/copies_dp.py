class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # exact bounded knapsack over the number of copies of each item: O(n * budget^2 / price)
        top = max(f for f, _ in items)
        freq = [0] * (top + 1)
        for f, _ in items:
            freq[f] += 1
        dp = [0] * (budget + 1)
        for f, p in items:
            g = sum(freq[f::f]) - 1
            for c in range(budget, p - 1, -1):
                best = dp[c]
                k = 1
                while k * p <= c:
                    v = dp[c - k * p] + k + g
                    if v > best:
                        best = v
                    k += 1
                dp[c] = best
        return dp[budget]
