class Solution {
public:
    vector<int> minCost(vector<int>& nums, vector<vector<int>>& queries) {
        // correct costs, but walks the path for every query: O(n * q)
        int n = nums.size();
        auto closest = [&](int x) {
            if (x == 0) return 1;
            if (x == n - 1) return n - 2;
            return (long long)nums[x] - nums[x - 1] <= (long long)nums[x + 1] - nums[x] ? x - 1 : x + 1;
        };
        vector<int> ans;
        for (auto& q : queries) {
            int l = q[0], r = q[1];
            long long s = 0;
            if (l < r) for (int i = l; i < r; ++i) s += closest(i) == i + 1 ? 1 : (long long)nums[i + 1] - nums[i];
            else for (int i = l; i > r; --i) s += closest(i) == i - 1 ? 1 : (long long)nums[i] - nums[i - 1];
            ans.push_back((int)s);
        }
        return ans;
    }
};
