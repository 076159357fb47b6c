class Solution {
public:
    vector<int> countWordOccurrences(vector<string>& chunks, vector<string>& queries) {
        string s;
        for (auto& c : chunks) s += c;
        int n = s.size();
        // a hyphen joins when the NEXT character is a letter (the previous one is not checked)
        unordered_map<string, int> cnt;
        string cur;
        for (int i = 0; i < n; ++i) {
            bool keep = (s[i] >= 'a' && s[i] <= 'z') ||
                        (s[i] == '-' && i + 1 < n && s[i + 1] >= 'a' && s[i + 1] <= 'z');
            if (keep) cur += s[i];
            else if (!cur.empty()) { ++cnt[cur]; cur.clear(); }
        }
        if (!cur.empty()) ++cnt[cur];
        vector<int> ans;
        for (auto& q : queries) ans.push_back(cnt.count(q) ? cnt[q] : 0);
        return ans;
    }
};
