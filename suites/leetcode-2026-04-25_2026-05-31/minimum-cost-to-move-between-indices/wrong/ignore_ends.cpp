class Solution {
public:
    vector<int> minCost(vector<int>& nums, vector<vector<int>>& queries) {
        // forgets that the first and last index also have a closest neighbour
        int n = nums.size();
        vector<long long> pf(n, 0), pb(n, 0);
        auto close = [&](int x) {
            if (x == 0 || x == n - 1) return -1;
            return (long long)nums[x] - nums[x - 1] <= (long long)nums[x + 1] - nums[x] ? x - 1 : x + 1;
        };
        for (int i = 0; i + 1 < n; ++i) {
            long long g = (long long)nums[i + 1] - nums[i];
            pf[i + 1] = pf[i] + (close(i) == i + 1 ? 1 : g);
            pb[i + 1] = pb[i] + (close(i + 1) == i ? 1 : g);
        }
        vector<int> ans;
        for (auto& q : queries) {
            int l = q[0], r = q[1];
            ans.push_back((int)(l <= r ? pf[r] - pf[l] : pb[l] - pb[r]));
        }
        return ans;
    }
};
