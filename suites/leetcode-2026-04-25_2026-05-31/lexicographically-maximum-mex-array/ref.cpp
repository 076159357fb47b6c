class Solution {
public:
    vector<int> maximumMEX(vector<int>& nums) {
        int n = nums.size();
        // suffix MEX: sufMex[i] = mex(nums[i..n-1]); non-increasing as i grows
        vector<int> sufMex(n + 1, 0);
        vector<char> present(n + 2, 0);
        int m = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (nums[i] <= n) present[nums[i]] = 1;
            while (present[m]) m++;
            sufMex[i] = m;
        }
        vector<int> res;
        vector<int> seenAt(n + 2, -1);
        int i = 0, piece = 0;
        while (i < n) {
            int M = sufMex[i];
            if (M == 0) {
                res.push_back(0);
                i++;
                continue;
            }
            int got = 0;
            while (got < M) {
                int x = nums[i++];
                if (x < M && seenAt[x] != piece) {
                    seenAt[x] = piece;
                    got++;
                }
            }
            res.push_back(M);
            piece++;
        }
        return res;
    }
};
