class Solution {
public:
    int maxFixedPoints(vector<int>& nums) {
        // sorts ties by d ascending, so two elements with the same value can both be chosen
        vector<pair<int, int>> cand;
        for (int i = 0; i < (int)nums.size(); ++i)
            if (nums[i] <= i) cand.push_back({nums[i], i - nums[i]});
        sort(cand.begin(), cand.end());
        vector<int> tails;
        for (auto& [v, d] : cand) {
            auto it = upper_bound(tails.begin(), tails.end(), d);
            if (it == tails.end()) tails.push_back(d); else *it = d;
        }
        return (int)tails.size();
    }
};
