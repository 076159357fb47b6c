class Solution {
public:
    int maximumSaleItems(vector<vector<int>>& items, int budget) {
        int maxF = 0, mn = INT_MAX;
        for (auto& it : items) { maxF = max(maxF, it[0]); mn = min(mn, it[1]); }
        vector<int> freq(maxF + 1, 0), mult(maxF + 1, 0);
        for (auto& it : items) freq[it[0]]++;
        for (int f = 1; f <= maxF; f++)
            if (freq[f])
                for (int m = f; m <= maxF; m += f) mult[f] += freq[m];
        // dp[c] = best gain using at most c on first copies
        vector<int> dp(budget + 1, 0);
        for (auto& it : items) {
            int p = it[1], g = mult[it[0]];
            for (int c = budget; c >= p; c--) dp[c] = max(dp[c], dp[c - p] + g);
        }
        int ans = 0;
        for (int c = 0; c <= budget; c++) ans = max(ans, dp[c] + (budget - c) / mn);
        return ans;
    }
};
