class Solution {
public:
    long long minOperations(vector<int>& nums) {
        // accumulates in 32-bit int
        int total = 0;
        for (size_t i = 1; i < nums.size(); ++i)
            if (nums[i - 1] > nums[i]) total += nums[i - 1] - nums[i];
        return total;
    }
};
