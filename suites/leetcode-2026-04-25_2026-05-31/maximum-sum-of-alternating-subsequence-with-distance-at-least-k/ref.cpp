class Solution {
public:
    long long maxAlternatingSum(vector<int>& nums, int k) {
        int n = nums.size();
        vector<int> vals(nums.begin(), nums.end());
        sort(vals.begin(), vals.end());
        vals.erase(unique(vals.begin(), vals.end()), vals.end());
        int m = vals.size();
        vector<int> rk(n);
        for (int i = 0; i < n; ++i) rk[i] = lower_bound(vals.begin(), vals.end(), nums[i]) - vals.begin() + 1;
        vector<long long> fd(m + 1, 0), fu(m + 1, 0), up(n), down(n);
        auto upd = [&](vector<long long>& f, int p, long long v) { for (; p <= m; p += p & -p) f[p] = max(f[p], v); };
        auto qry = [&](vector<long long>& f, int p) { long long r = 0; for (; p > 0; p -= p & -p) r = max(r, f[p]); return r; };
        long long best = 0;
        for (int i = 0; i < n; ++i) {
            if (i - k >= 0) {
                int j = i - k;
                upd(fd, rk[j], down[j]);
                upd(fu, m + 1 - rk[j], up[j]);
            }
            up[i] = nums[i] + qry(fd, rk[i] - 1);
            down[i] = nums[i] + qry(fu, m - rk[i]);
            best = max(best, max(up[i], down[i]));
        }
        return best;
    }
};
