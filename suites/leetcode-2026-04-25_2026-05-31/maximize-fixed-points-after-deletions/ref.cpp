class Solution {
public:
    int maxFixedPoints(vector<int>& nums) {
        vector<pair<int, int>> cand;  // (v, -d)
        for (int i = 0; i < (int)nums.size(); ++i)
            if (nums[i] <= i) cand.push_back({nums[i], nums[i] - i});
        sort(cand.begin(), cand.end());
        vector<int> tails;
        for (auto& [v, negd] : cand) {
            int d = -negd;
            auto it = upper_bound(tails.begin(), tails.end(), d);
            if (it == tails.end()) tails.push_back(d); else *it = d;
        }
        return (int)tails.size();
    }
};
