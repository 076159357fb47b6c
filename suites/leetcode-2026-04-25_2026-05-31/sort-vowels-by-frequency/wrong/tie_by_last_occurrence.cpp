class Solution {
public:
    string sortVowels(string s) {
        // ties broken by the LAST occurrence
        const string V = "aeiou";
        int cnt[26] = {0}, last[26] = {0};
        for (int i = 0; i < (int)s.size(); ++i)
            if (V.find(s[i]) != string::npos) { cnt[s[i] - 'a']++; last[s[i] - 'a'] = i; }
        vector<int> order;
        for (char v : V) if (cnt[v - 'a']) order.push_back(v - 'a');
        sort(order.begin(), order.end(), [&](int a, int b) {
            if (cnt[a] != cnt[b]) return cnt[a] > cnt[b];
            return last[a] < last[b];
        });
        string seq;
        for (int c : order) seq += string(cnt[c], 'a' + c);
        size_t k = 0;
        for (char& ch : s) if (V.find(ch) != string::npos) ch = seq[k++];
        return s;
    }
};
