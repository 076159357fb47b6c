class Solution {
public:
    vector<int> findValidElements(vector<int>& nums) {
        int n = nums.size();
        vector<int> suf(n + 1, 0);
        for (int i = n - 1; i >= 0; --i) suf[i] = max(suf[i + 1], nums[i]);
        vector<int> out;
        int pre = 0;
        for (int i = 0; i < n; ++i) {
            if (nums[i] > pre || nums[i] > suf[i + 1]) out.push_back(nums[i]);
            pre = max(pre, nums[i]);
        }
        return out;
    }
};
