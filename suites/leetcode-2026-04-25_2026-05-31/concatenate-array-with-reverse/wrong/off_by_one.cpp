class Solution {
public:
    vector<int> concatWithReverse(vector<int>& nums) {
        int n = nums.size();
        vector<int> ans(2 * n);
        for (int i = 0; i < n; ++i) {
            ans[i] = nums[i];
            // off by one: skips the last element and reads nums[0] twice at the end
            ans[i + n] = nums[max(0, n - i - 2)];
        }
        return ans;
    }
};
