class Solution {
public:
    int smallestUniqueSubarray(vector<int>& nums) {
        // Suffix array (prefix doubling) + Kasai LCP.  The shortest subarray starting at i that
        // occurs only once has length 1 + max(LCP with both neighbours in suffix order).
        int n = nums.size();
        vector<int> sa(n), rk(n), tmp(n);
        for (int i = 0; i < n; i++) { sa[i] = i; rk[i] = nums[i]; }
        for (int k = 1;; k <<= 1) {
            auto key = [&](int i) { return make_pair(rk[i], i + k < n ? rk[i + k] : -1); };
            sort(sa.begin(), sa.end(), [&](int a, int b) { return key(a) < key(b); });
            tmp[sa[0]] = 0;
            for (int i = 1; i < n; i++) tmp[sa[i]] = tmp[sa[i - 1]] + (key(sa[i - 1]) < key(sa[i]) ? 1 : 0);
            rk = tmp;
            if (rk[sa[n - 1]] == n - 1) break;
        }
        vector<int> lcp(n + 1, 0);  // lcp[r] = LCP(sa[r-1], sa[r]); lcp[0] = lcp[n] = 0
        int h = 0;
        for (int i = 0; i < n; i++) {
            int r = rk[i];
            if (r == 0) { h = 0; continue; }
            int j = sa[r - 1];
            while (i + h < n && j + h < n && nums[i + h] == nums[j + h]) h++;
            lcp[r] = h;
            if (h > 0) h--;
        }
        int best = n;
        for (int i = 0; i < n; i++) {
            int r = rk[i];
            int need = max(lcp[r], lcp[r + 1]) + 1;
            if (need <= n - i) best = min(best, need);
        }
        return best;
    }
};
