class Solution {
public:
    long long maxAlternatingSum(vector<int>& nums, int k) {
        // correct recurrence, O(n^2) scan over all earlier indices
        int n = nums.size();
        vector<long long> up(n), down(n);
        long long best = 0;
        for (int i = 0; i < n; ++i) {
            long long bu = 0, bd = 0;
            for (int j = 0; j + k <= i; ++j) {
                if (nums[j] < nums[i]) bu = max(bu, down[j]);
                else if (nums[j] > nums[i]) bd = max(bd, up[j]);
            }
            up[i] = nums[i] + bu;
            down[i] = nums[i] + bd;
            best = max(best, max(up[i], down[i]));
        }
        return best;
    }
};
