class Solution {
public:
    vector<int> numberOfPairs(vector<int>& nums1, vector<int>& nums2, vector<vector<int>>& queries) {
        // 32-bit values and lazy tags
        int n = nums2.size();
        int B = max(16, (int)sqrt((double)n * 4));
        int nb = (n + B - 1) / B;
        vector<unsigned> raw(nums2.begin(), nums2.end());
        vector<unordered_map<int, int>> cnt(nb);
        vector<unsigned> add(nb, 0);
        for (int i = 0; i < n; i++) cnt[i / B][(int)raw[i]]++;
        vector<int> res;
        for (auto& q : queries) {
            if (q[0] == 1) {
                int x = q[1], y = q[2];
                unsigned v = q[3];
                for (int i = x; i <= y;) {
                    int b = i / B;
                    if (i == b * B && min(n, b * B + B) - 1 <= y) { add[b] += v; i = b * B + B; continue; }
                    cnt[b][(int)raw[i]]--;
                    raw[i] += v;
                    cnt[b][(int)raw[i]]++;
                    i++;
                }
            } else {
                int tot = q[1], ans = 0;
                for (int a : nums1)
                    for (int b = 0; b < nb; b++) {
                        auto it = cnt[b].find((int)((unsigned)(tot - a) - add[b]));
                        if (it != cnt[b].end()) ans += it->second;
                    }
                res.push_back(ans);
            }
        }
        return res;
    }
};
