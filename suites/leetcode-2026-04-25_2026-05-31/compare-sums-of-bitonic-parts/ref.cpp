class Solution {
public:
    int compareBitonicSums(vector<int>& nums) {
        int n = nums.size(), p = 0;
        while (p + 1 < n && nums[p + 1] > nums[p]) ++p;
        long long asc = 0, desc = 0;
        for (int i = 0; i <= p; ++i) asc += nums[i];
        for (int i = p; i < n; ++i) desc += nums[i];
        if (asc == desc) return -1;
        return asc > desc ? 0 : 1;
    }
};
