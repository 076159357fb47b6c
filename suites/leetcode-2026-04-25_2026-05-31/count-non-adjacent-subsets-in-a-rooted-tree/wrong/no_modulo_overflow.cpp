class Solution {
public:
    int countValidSubsets(vector<int>& parent, vector<int>& nums, int k) {
        // counts in unsigned 64-bit without reducing modulo 1e9+7 until the end
        int n = parent.size();
        vector<vector<unsigned long long>> fr(n, vector<unsigned long long>(k, 0)), cf(n, vector<unsigned long long>(k, 0));
        for (int v = 0; v < n; ++v) fr[v][0] = cf[v][0] = 1;
        auto mulInto = [&](vector<unsigned long long>& a, const vector<unsigned long long>& b) {
            vector<unsigned long long> t(k, 0);
            for (int i = 0; i < k; ++i)
                for (int j = 0; j < k; ++j) t[(i + j) % k] += a[i] * b[j];
            a = t;
        };
        for (int v = n - 1; v >= 0; --v) {
            int r = nums[v] % k;
            vector<unsigned long long> tot(k);
            for (int s = 0; s < k; ++s) tot[(s + r) % k] = cf[v][s];
            for (int s = 0; s < k; ++s) tot[s] += fr[v][s];
            if (v == 0) return (int)((tot[0] - 1) % 1000000007ULL);
            mulInto(fr[parent[v]], tot);
            mulInto(cf[parent[v]], fr[v]);
        }
        return 0;
    }
};
