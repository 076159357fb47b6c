class Solution {
public:
    vector<int> countOppositeParity(vector<int>& nums) {
        int n = nums.size();
        vector<int> res(n);
        int after[2] = {0, 0};
        for (int i = n - 1; i >= 0; --i) {
            int p = nums[i] % 2;
            res[i] = after[1 - p];
            after[p]++;
        }
        return res;
    }
};
