class Solution {
    static int bestSegment(const vector<int>& a) {
        // best sum of a contiguous piece of length >= 2
        int endHere = a[0] + a[1], best = endHere;
        for (size_t i = 2; i < a.size(); ++i) {
            endHere = max(endHere, a[i - 1]) + a[i];
            best = max(best, endHere);
        }
        return best;
    }

public:
    int maxScore(vector<vector<int>>& grid) {
        int m = grid.size(), n = grid[0].size();
        int ans = INT_MIN;
        for (auto& row : grid) ans = max(ans, bestSegment(row));
        vector<int> col(m);
        for (int j = 0; j < n; ++j) {
            for (int i = 0; i < m; ++i) col[i] = grid[i][j];
            ans = max(ans, bestSegment(col));
        }
        for (int i = 1; i + 1 < m; ++i)
            for (int j = 1; j + 1 < n; ++j) ans = max(ans, grid[i][j]);
        return ans;
    }
};
