class Solution {
public:
    bool validDigit(int n, int x) {
        string s = to_string(n);
        char d = char('0' + x);
        return s[0] != d && s.find(d) != string::npos;
    }
};
