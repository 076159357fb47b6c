class Solution {
public:
    int longestEqualRun(string s, int k) {
        int best = 0, n = s.size();
        for (char c = 'a'; c <= 'z'; ++c) {
            int left = 0, bad = 0;
            for (int right = 0; right < n; ++right) {
                bad += s[right] != c;
                while (bad > k) bad -= s[left++] != c;
                best = max(best, right - left + 1);
            }
        }
        return best;
    }
};
