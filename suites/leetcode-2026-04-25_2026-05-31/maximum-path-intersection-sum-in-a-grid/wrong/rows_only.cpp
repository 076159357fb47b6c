class Solution {
public:
    int maxScore(vector<vector<int>>& grid) {
        // only horizontal shared segments are considered
        int m = grid.size(), n = grid[0].size();
        int ans = INT_MIN;
        for (auto& a : grid) {
            int e = a[0] + a[1];
            ans = max(ans, e);
            for (int i = 2; i < n; ++i) { e = max(e, a[i - 1]) + a[i]; ans = max(ans, e); }
        }
        for (int i = 1; i + 1 < m; ++i)
            for (int j = 1; j + 1 < n; ++j) ans = max(ans, grid[i][j]);
        return ans;
    }
};
