class Solution {
public:
    int smallestUniqueSubarray(vector<int>& nums) {
        // polynomial hash with natural unsigned 64-bit overflow (breaks on Thue-Morse input)
        int n = nums.size();
        const unsigned long long base = 131;
        vector<unsigned long long> h(n + 1, 0), pw(n + 1, 1);
        for (int i = 0; i < n; i++) { h[i + 1] = h[i] * base + nums[i]; pw[i + 1] = pw[i] * base; }
        auto ok = [&](int L) {
            unordered_map<unsigned long long, int> c;
            c.reserve(2 * (n - L + 1));
            for (int i = 0; i + L <= n; i++) c[h[i + L] - h[i] * pw[L]]++;
            for (auto& [k, v] : c) if (v == 1) return true;
            return false;
        };
        int lo = 1, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (ok(mid)) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
};
