class Solution {
public:
    vector<int> numberOfPairs(vector<int>& nums1, vector<int>& nums2, vector<vector<int>>& queries) {
        int n = nums2.size();
        int B = max(16, (int)sqrt((double)n * 4));
        int nb = (n + B - 1) / B;
        vector<long long> raw(nums2.begin(), nums2.end());
        vector<vector<long long>> sorted_(nb);
        vector<long long> add(nb, 0);
        auto rebuild = [&](int b) {
            int s = b * B, e = min(n, s + B);
            sorted_[b].assign(raw.begin() + s, raw.begin() + e);
            sort(sorted_[b].begin(), sorted_[b].end());
        };
        for (int b = 0; b < nb; b++) rebuild(b);
        map<int, int> m1;
        for (int x : nums1) m1[x]++;
        vector<int> res;
        for (auto& q : queries) {
            if (q[0] == 1) {
                int x = q[1], y = q[2];
                long long v = q[3];
                int bx = x / B, by = y / B;
                if (bx == by) {
                    for (int i = x; i <= y; i++) raw[i] += v;
                    rebuild(bx);
                } else {
                    for (int i = x; i < (bx + 1) * B; i++) raw[i] += v;
                    rebuild(bx);
                    for (int i = by * B; i <= y; i++) raw[i] += v;
                    rebuild(by);
                    for (int b = bx + 1; b < by; b++) add[b] += v;
                }
            } else {
                long long tot = q[1];
                long long ans = 0;
                for (auto& [a, c] : m1) {
                    long long t = tot - a;
                    long long k = 0;
                    for (int b = 0; b < nb; b++) {
                        auto& vec = sorted_[b];
                        auto r = equal_range(vec.begin(), vec.end(), t - add[b]);
                        k += r.second - r.first;
                    }
                    ans += k * c;
                }
                res.push_back((int)ans);
            }
        }
        return res;
    }
};
