class Solution {
public:
    vector<int> concatWithReverse(vector<int>& nums) {
        vector<int> out(nums.begin(), nums.end());
        out.insert(out.end(), nums.rbegin(), nums.rend());
        return out;
    }
};
