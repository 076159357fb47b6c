class Solution {
public:
    long long maxAlternatingSum(vector<int>& nums, int k) {
        // equal neighbours accepted as alternating
        int n = nums.size();
        vector<int> vals(nums.begin(), nums.end());
        sort(vals.begin(), vals.end());
        vals.erase(unique(vals.begin(), vals.end()), vals.end());
        int m = vals.size();
        vector<long long> fd(m + 1, 0), fu(m + 1, 0), up(n), down(n);
        vector<int> rk(n);
        for (int i = 0; i < n; ++i) rk[i] = lower_bound(vals.begin(), vals.end(), nums[i]) - vals.begin() + 1;
        long long best = 0;
        for (int i = 0; i < n; ++i) {
            if (i >= k) {
                int j = i - k;
                for (int p = rk[j]; p <= m; p += p & -p) fd[p] = max(fd[p], down[j]);
                for (int p = m + 1 - rk[j]; p <= m; p += p & -p) fu[p] = max(fu[p], up[j]);
            }
            long long a = 0, b = 0;
            for (int p = rk[i]; p > 0; p -= p & -p) a = max(a, fd[p]);
            for (int p = m + 1 - rk[i]; p > 0; p -= p & -p) b = max(b, fu[p]);
            up[i] = nums[i] + a;
            down[i] = nums[i] + b;
            best = max(best, max(up[i], down[i]));
        }
        return best;
    }
};
