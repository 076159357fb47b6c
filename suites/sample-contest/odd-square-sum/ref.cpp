class Solution {
public:
    long long oddSquareSum(vector<int>& nums) {
        long long total = 0;
        for (int x : nums) if (x % 2 != 0) total += 1LL * x * x;
        return total;
    }
};
