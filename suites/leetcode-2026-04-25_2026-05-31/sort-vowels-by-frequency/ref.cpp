class Solution {
public:
    string sortVowels(string s) {
        const string V = "aeiou";
        int cnt[26] = {0}, first[26];
        fill(first, first + 26, INT_MAX);
        for (int i = 0; i < (int)s.size(); ++i) {
            int c = s[i] - 'a';
            if (V.find(s[i]) != string::npos) {
                cnt[c]++;
                first[c] = min(first[c], i);
            }
        }
        vector<int> order;
        for (char v : V) if (cnt[v - 'a']) order.push_back(v - 'a');
        sort(order.begin(), order.end(), [&](int a, int b) {
            if (cnt[a] != cnt[b]) return cnt[a] > cnt[b];
            return first[a] < first[b];
        });
        size_t idx = 0;
        int left = order.empty() ? 0 : cnt[order[0]];
        for (char& ch : s) {
            if (V.find(ch) == string::npos) continue;
            while (left == 0) left = cnt[order[++idx]];
            ch = 'a' + order[idx];
            --left;
        }
        return s;
    }
};
