class Solution {
public:
    int countValidSubsets(vector<int>& parent, vector<int>& nums, int k) {
        const long long MOD = 1000000007LL;
        int n = parent.size();
        // free[v] = subsets of subtree(v) not using v; cf[v] = product of free[child]
        vector<vector<long long>> fr(n, vector<long long>(k, 0)), cf(n, vector<long long>(k, 0));
        for (int v = 0; v < n; ++v) fr[v][0] = cf[v][0] = 1;
        vector<long long> tmp(k);
        auto mulInto = [&](vector<long long>& a, const vector<long long>& b) {
            fill(tmp.begin(), tmp.end(), 0);
            for (int i = 0; i < k; ++i) {
                if (!a[i]) continue;
                for (int j = 0; j < k; ++j) {
                    if (!b[j]) continue;
                    int t = i + j;
                    if (t >= k) t -= k;
                    tmp[t] = (tmp[t] + a[i] * b[j]) % MOD;
                }
            }
            a = tmp;
        };
        for (int v = n - 1; v >= 0; --v) {
            int r = nums[v] % k;
            vector<long long> tot(k);
            for (int s = 0; s < k; ++s) tot[(s + r) % k] = cf[v][s];
            for (int s = 0; s < k; ++s) tot[s] = (tot[s] + fr[v][s]) % MOD;
            if (v == 0) return (int)((tot[0] - 1 + MOD) % MOD);
            int p = parent[v];
            mulInto(fr[p], tot);
            mulInto(cf[p], fr[v]);
        }
        return 0;
    }
};
