class Solution {
public:
    int maximumSaleItems(vector<vector<int>>& items, int budget) {
        int n = items.size();
        vector<long long> cnt(n + 1, 0), multiples(n + 1, 0);
        long long mn = LLONG_MAX;
        for (auto& it : items) { cnt[it[0]]++; mn = min(mn, (long long)it[1]); }
        for (int f = 1; f <= n; f++) {
            if (!cnt[f]) continue;
            for (int m = f; m <= n; m += f) multiples[f] += cnt[m];
        }
        // (price, number of copies that also bring a free copy)
        vector<pair<long long, long long>> v;
        for (auto& it : items) {
            long long d = multiples[it[0]] - 1;
            if (d > 0) v.push_back({it[1], d});
        }
        sort(v.begin(), v.end());
        long long B = budget;
        long long best = B / mn;       // no double copies at all
        long long taken = 0, spent = 0;
        for (auto& [p, d] : v) {
            if (spent + p > B) break;
            long long k = min(d, (B - spent) / p);
            // value is linear in k inside this price class: check both ends
            taken += k;
            spent += k * p;
            best = max(best, 2 * taken + (B - spent) / mn);
            if (k < d) break;
        }
        return (int)best;
    }
};
