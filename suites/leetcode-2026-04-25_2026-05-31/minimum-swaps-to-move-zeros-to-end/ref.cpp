class Solution {
public:
    int minimumSwaps(vector<int>& nums) {
        int n = nums.size(), z = 0;
        for (int v : nums) z += (v == 0);
        int res = 0;
        for (int i = 0; i < n - z; ++i) res += (nums[i] == 0);
        return res;
    }
};
