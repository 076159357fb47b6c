class Solution {
public:
    int minOperations(vector<int>& nums) {
        int n = nums.size();
        int z = 0;
        while (nums[z] != 0) z++;
        bool asc = true, desc = true;
        for (int i = 0; i < n; i++) {
            if (nums[(z + i) % n] != i) asc = false;
            if (nums[((z - i) % n + n) % n] != i) desc = false;
        }
        int best = INT_MAX;
        // rotations only: z; or reverse, rotate n-z, reverse
        if (asc) best = min(best, min(z, n - z + 2));
        // one reversal: t = n-1-z rotations after it, or n-t before it
        if (desc) {
            int t = n - 1 - z;
            best = min(best, min(t, n - t) + 1);
        }
        return best == INT_MAX ? -1 : best;
    }
};
