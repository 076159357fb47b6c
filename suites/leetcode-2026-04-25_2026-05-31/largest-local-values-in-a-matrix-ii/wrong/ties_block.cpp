class Solution {
public:
    int countLocalMaximums(vector<vector<int>>& matrix) {
        // treats an equal neighbour as blocking (needs a strict maximum)
        int n = matrix.size(), m = matrix[0].size(), count = 0;
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < m; ++c) {
                int x = matrix[r][c];
                if (x == 0) continue;
                bool ok = true;
                for (int i = max(0, r - x); i <= min(n - 1, r + x) && ok; ++i)
                    for (int j = max(0, c - x); j <= min(m - 1, c + x); ++j) {
                        if (i == r && j == c) continue;
                        if (!(abs(i - r) == x && abs(j - c) == x) && matrix[i][j] >= x) { ok = false; break; }
                    }
                count += ok;
            }
        return count;
    }
};
