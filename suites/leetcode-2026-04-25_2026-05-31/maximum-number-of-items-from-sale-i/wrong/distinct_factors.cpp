class Solution {
public:
    int maximumSaleItems(vector<vector<int>>& items, int budget) {
        // counts free copies per distinct factor value, so equal factors give nothing
        int maxF = 0, mn = INT_MAX;
        for (auto& it : items) { maxF = max(maxF, it[0]); mn = min(mn, it[1]); }
        vector<int> has(maxF + 1, 0);
        for (auto& it : items) has[it[0]] = 1;
        vector<int> dp(budget + 1, 0);
        for (auto& it : items) {
            int f = it[0], p = it[1], g = 0;
            for (int m = 2 * f; m <= maxF; m += f) g += has[m];
            g += 1;
            for (int c = budget; c >= p; c--) dp[c] = max(dp[c], dp[c - p] + g);
        }
        int ans = 0;
        for (int c = 0; c <= budget; c++) ans = max(ans, dp[c] + (budget - c) / mn);
        return ans;
    }
};
