class Solution {
public:
    int countValidSubsets(vector<int>& parent, vector<int>& nums, int k) {
        // forgets to remove the empty subset
        const long long MOD = 1000000007LL;
        int n = parent.size();
        vector<vector<long long>> fr(n, vector<long long>(k, 0)), cf(n, vector<long long>(k, 0));
        for (int v = 0; v < n; ++v) fr[v][0] = cf[v][0] = 1;
        auto mulInto = [&](vector<long long>& a, const vector<long long>& b) {
            vector<long long> t(k, 0);
            for (int i = 0; i < k; ++i)
                for (int j = 0; j < k; ++j) t[(i + j) % k] = (t[(i + j) % k] + a[i] * b[j]) % MOD;
            a = t;
        };
        for (int v = n - 1; v >= 0; --v) {
            int r = nums[v] % k;
            vector<long long> tot(k);
            for (int s = 0; s < k; ++s) tot[(s + r) % k] = cf[v][s];
            for (int s = 0; s < k; ++s) tot[s] = (tot[s] + fr[v][s]) % MOD;
            if (v == 0) return (int)tot[0];
            mulInto(fr[parent[v]], tot);
            mulInto(cf[parent[v]], fr[v]);
        }
        return 0;
    }
};
