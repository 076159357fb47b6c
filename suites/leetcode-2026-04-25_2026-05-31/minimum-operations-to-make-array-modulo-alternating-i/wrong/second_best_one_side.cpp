class Solution {
public:
    int minOperations(vector<int>& nums, int k) {
        vector<int> ce(k, 0), co(k, 0);
        for (size_t i = 0; i < nums.size(); ++i) {
            int r = nums[i] % k;
            for (int x = 0; x < k; ++x) {
                int d = abs(r - x);
                ((i % 2 == 0) ? ce : co)[x] += min(d, k - d);
            }
        }
        int x = min_element(ce.begin(), ce.end()) - ce.begin();
        // on a clash only the odd side moves to its second choice
        int best = INT_MAX;
        for (int y = 0; y < k; ++y)
            if (y != x) best = min(best, ce[x] + co[y]);
        return best;
    }
};
