class Solution {
public:
    int compareBitonicSums(vector<int>& nums) {
        int n = nums.size(), p = 0;
        while (p + 1 < n && nums[p + 1] > nums[p]) ++p;
        unsigned a = 0, d = 0;  // 32-bit sums wrap around
        for (int i = 0; i <= p; ++i) a += nums[i];
        for (int i = p; i < n; ++i) d += nums[i];
        if ((int)a == (int)d) return -1;
        return (int)a > (int)d ? 0 : 1;
    }
};
