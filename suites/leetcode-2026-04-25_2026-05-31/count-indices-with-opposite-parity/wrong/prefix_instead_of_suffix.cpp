class Solution {
public:
    vector<int> countOppositeParity(vector<int>& nums) {
        // counts indices j < i instead of j > i
        int n = nums.size();
        vector<int> res(n);
        int before[2] = {0, 0};
        for (int i = 0; i < n; ++i) {
            int p = nums[i] % 2;
            res[i] = before[1 - p];
            before[p]++;
        }
        return res;
    }
};
