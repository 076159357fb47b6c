class Solution {
public:
    int minFlips(string s) {
        int n = s.size();
        int ones = count(s.begin(), s.end(), '1');
        int best = min(max(ones - 1, 0), n - ones);
        if (n >= 2) {
            int a = s[0] == '1', b = s[n - 1] == '1';
            best = min(best, (ones - a - b) + (1 - a) + (1 - b));
        }
        return best;
    }
};
