class Solution {
public:
    bool isAdjacentDiffAtMostTwo(string s) {
        // forgets the absolute value: only rising steps are checked
        for (size_t i = 0; i + 1 < s.size(); ++i)
            if (s[i + 1] - s[i] > 2) return false;
        return true;
    }
};
