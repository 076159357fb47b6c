class Solution {
public:
    bool isAdjacentDiffAtMostTwo(string s) {
        for (size_t i = 0; i + 1 < s.size(); ++i) {
            int d = s[i] - s[i + 1];
            if (d > 2 || d < -2) return false;
        }
        return true;
    }
};
