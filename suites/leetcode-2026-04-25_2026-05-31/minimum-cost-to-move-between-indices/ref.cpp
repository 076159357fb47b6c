class Solution {
public:
    vector<int> minCost(vector<int>& nums, vector<vector<int>>& queries) {
        int n = nums.size();
        vector<long long> gap(n - 1);
        for (int i = 0; i + 1 < n; ++i) gap[i] = (long long)nums[i + 1] - nums[i];
        vector<int> close(n);
        for (int x = 0; x < n; ++x) {
            if (x == 0) close[x] = 1;
            else if (x == n - 1) close[x] = n - 2;
            else close[x] = gap[x - 1] <= gap[x] ? x - 1 : x + 1;
        }
        vector<long long> pf(n, 0), pb(n, 0);
        for (int i = 0; i + 1 < n; ++i) {
            pf[i + 1] = pf[i] + (close[i] == i + 1 ? 1 : gap[i]);
            pb[i + 1] = pb[i] + (close[i + 1] == i ? 1 : gap[i]);
        }
        vector<int> ans;
        ans.reserve(queries.size());
        for (auto& q : queries) {
            int l = q[0], r = q[1];
            ans.push_back((int)(l <= r ? pf[r] - pf[l] : pb[l] - pb[r]));
        }
        return ans;
    }
};
