class Solution {
public:
    int countLocalMaximums(vector<vector<int>>& matrix) {
        // considered cells = square of radius x minus its corners = union of two rectangles;
        // rectangle maxima from a 2D sparse table
        int n = matrix.size(), m = matrix[0].size();
        int LN = 32 - __builtin_clz(n), LM = 32 - __builtin_clz(m);
        // st[a][b][i * m + j]: max of rows i..i+2^a-1, cols j..j+2^b-1
        vector<vector<vector<short>>> st(LN, vector<vector<short>>(LM, vector<short>(n * m, 0)));
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < m; ++j) st[0][0][i * m + j] = matrix[i][j];
        for (int a = 0; a < LN; ++a)
            for (int b = 0; b < LM; ++b) {
                if (a == 0 && b == 0) continue;
                auto& cur = st[a][b];
                if (b > 0) {
                    auto& p = st[a][b - 1];
                    int h = 1 << (b - 1);
                    for (int i = 0; i + (1 << a) <= n; ++i)
                        for (int j = 0; j + (1 << b) <= m; ++j)
                            cur[i * m + j] = max(p[i * m + j], p[i * m + j + h]);
                } else {
                    auto& p = st[a - 1][0];
                    int h = 1 << (a - 1);
                    for (int i = 0; i + (1 << a) <= n; ++i)
                        for (int j = 0; j < m; ++j)
                            cur[i * m + j] = max(p[i * m + j], p[(i + h) * m + j]);
                }
            }
        auto query = [&](int r1, int r2, int c1, int c2) {
            int a = 31 - __builtin_clz(r2 - r1 + 1), b = 31 - __builtin_clz(c2 - c1 + 1);
            auto& t = st[a][b];
            int r3 = r2 - (1 << a) + 1, c3 = c2 - (1 << b) + 1;
            return max(max(t[r1 * m + c1], t[r1 * m + c3]), max(t[r3 * m + c1], t[r3 * m + c3]));
        };
        int count = 0;
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < m; ++c) {
                int x = matrix[r][c];
                if (x == 0) continue;
                int top = max(0, r - x), bottom = min(n - 1, r + x);
                int left = max(0, c - x), right = min(m - 1, c + x);
                int r1 = max(0, r - x + 1), r2 = min(n - 1, r + x - 1);
                int c1 = max(0, c - x + 1), c2 = min(m - 1, c + x - 1);
                if (query(r1, r2, left, right) > x) continue;
                if (query(top, bottom, c1, c2) > x) continue;
                ++count;
            }
        return count;
    }
};
