class Solution {
public:
    vector<int> kthRemainingInteger(vector<int>& nums, vector<vector<int>>& queries) {
        vector<int> pos;
        vector<long long> key;
        for (int i = 0; i < (int)nums.size(); ++i)
            if (nums[i] % 2 == 0) {
                key.push_back((long long)(nums[i] / 2) - (long long)pos.size());
                pos.push_back(i);
            }
        vector<int> ans;
        ans.reserve(queries.size());
        for (auto& q : queries) {
            long long l = q[0], r = q[1], k = q[2];
            long long s = lower_bound(pos.begin(), pos.end(), (int)l) - pos.begin();
            long long t = upper_bound(pos.begin(), pos.end(), (int)r) - pos.begin();
            long long c = upper_bound(key.begin() + s, key.begin() + t, k - s) - (key.begin() + s);
            ans.push_back((int)(2 * (k + c)));
        }
        return ans;
    }
};
