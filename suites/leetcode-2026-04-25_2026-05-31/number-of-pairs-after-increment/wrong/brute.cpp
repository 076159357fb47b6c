class Solution {
public:
    vector<int> numberOfPairs(vector<int>& nums1, vector<int>& nums2, vector<vector<int>>& queries) {
        // O(n) per operation
        vector<long long> a(nums2.begin(), nums2.end());
        vector<int> res;
        for (auto& q : queries) {
            if (q[0] == 1) {
                for (int i = q[1]; i <= q[2]; i++) a[i] += q[3];
            } else {
                int ans = 0;
                for (int x : nums1)
                    for (long long v : a) ans += (v + x == q[1]);
                res.push_back(ans);
            }
        }
        return res;
    }
};
