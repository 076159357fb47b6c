class Solution {
public:
    int minOperations(vector<int>& nums) {
        int n = nums.size();
        int z = find(nums.begin(), nums.end(), 0) - nums.begin();
        bool asc = true, desc = true;
        for (int i = 0; i < n; i++) {
            if (nums[(z + i) % n] != i) asc = false;
            if (nums[((z - i) % n + n) % n] != i) desc = false;
        }
        int best = INT_MAX;
        if (asc) best = z;  // misses reverse + rotations + reverse
        if (desc) best = min(best, min(z + 2, n - z));
        return best == INT_MAX ? -1 : best;
    }
};
