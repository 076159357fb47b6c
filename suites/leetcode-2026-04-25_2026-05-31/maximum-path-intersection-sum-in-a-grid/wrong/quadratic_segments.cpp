class Solution {
public:
    int maxScore(vector<vector<int>>& grid) {
        // correct idea, but tries every segment: O(L^2) per line
        int m = grid.size(), n = grid[0].size();
        int ans = INT_MIN;
        auto scan = [&](const vector<int>& a) {
            int L = a.size();
            for (int i = 0; i < L; ++i) {
                int s = a[i];
                for (int j = i + 1; j < L; ++j) { s += a[j]; ans = max(ans, s); }
            }
        };
        for (auto& r : grid) scan(r);
        vector<int> col(m);
        for (int j = 0; j < n; ++j) { for (int i = 0; i < m; ++i) col[i] = grid[i][j]; scan(col); }
        for (int i = 1; i + 1 < m; ++i)
            for (int j = 1; j + 1 < n; ++j) ans = max(ans, grid[i][j]);
        return ans;
    }
};
