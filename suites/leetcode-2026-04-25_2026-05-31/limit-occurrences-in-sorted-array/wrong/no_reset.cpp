class Solution {
public:
    vector<int> limitOccurrences(vector<int>& nums, int k) {
        // forgets to reset the counter on a new value after a kept run
        vector<int> res;
        int cnt = 0;
        for (int i = 0; i < (int)nums.size(); i++) {
            if (i > 0 && nums[i] != nums[i - 1] && cnt >= k) cnt = 0;
            cnt++;
            if (cnt <= k) res.push_back(nums[i]);
        }
        return res;
    }
};
