class Solution {
public:
    int maxScore(vector<vector<int>>& grid) {
        // answer starts at 0, so an all-negative grid returns 0
        int m = grid.size(), n = grid[0].size();
        int ans = 0;
        auto scan = [&](const vector<int>& a) {
            int e = a[0] + a[1];
            ans = max(ans, e);
            for (size_t i = 2; i < a.size(); ++i) { e = max(e, a[i - 1]) + a[i]; ans = max(ans, e); }
        };
        for (auto& r : grid) scan(r);
        vector<int> col(m);
        for (int j = 0; j < n; ++j) { for (int i = 0; i < m; ++i) col[i] = grid[i][j]; scan(col); }
        for (int i = 1; i + 1 < m; ++i)
            for (int j = 1; j + 1 < n; ++j) ans = max(ans, grid[i][j]);
        return ans;
    }
};
