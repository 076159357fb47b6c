class Solution {
public:
    vector<int> findValidElements(vector<int>& nums) {
        // only checks the left condition (plus the last element)
        int n = nums.size(), pre = 0;
        vector<int> out;
        for (int i = 0; i < n; ++i) {
            if (nums[i] > pre || i == n - 1) out.push_back(nums[i]);
            pre = max(pre, nums[i]);
        }
        return out;
    }
};
