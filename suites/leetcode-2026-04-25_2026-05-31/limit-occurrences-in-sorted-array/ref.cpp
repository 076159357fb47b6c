class Solution {
public:
    vector<int> limitOccurrences(vector<int>& nums, int k) {
        vector<int> res;
        int n = nums.size();
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && nums[j] == nums[i]) j++;
            int keep = min(j - i, k);
            for (int t = 0; t < keep; t++) res.push_back(nums[i]);
            i = j;
        }
        return res;
    }
};
