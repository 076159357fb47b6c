class Solution {
public:
    int minOperations(vector<int>& nums, int k) {
        vector<long long> ce(k, 0), co(k, 0);
        for (size_t i = 0; i < nums.size(); ++i) {
            int r = nums[i] % k;
            vector<long long>& c = (i % 2 == 0) ? ce : co;
            for (int x = 0; x < k; ++x) {
                int d = abs(r - x);
                c[x] += min(d, k - d);
            }
        }
        long long best = LLONG_MAX;
        for (int x = 0; x < k; ++x)
            for (int y = 0; y < k; ++y)
                if (x != y) best = min(best, ce[x] + co[y]);
        return (int)best;
    }
};
