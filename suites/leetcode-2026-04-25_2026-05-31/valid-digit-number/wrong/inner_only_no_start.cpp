class Solution {
public:
    bool validDigit(int n, int x) {
        string s = to_string(n);
        // requires x strictly inside (not first, not last)
        for (int i = 1; i + 1 < (int)s.size(); ++i) if (s[i] - '0' == x) return s[0] - '0' != x;
        return false;
    }
};
