class Solution {
public:
    vector<int> countWordOccurrences(vector<string>& chunks, vector<string>& queries) {
        string s;
        for (auto& c : chunks) s += c;
        int n = s.size();
        auto letter = [&](int i) { return i >= 0 && i < n && s[i] >= 'a' && s[i] <= 'z'; };
        unordered_map<string, int> cnt;
        int i = 0;
        while (i < n) {
            if (!letter(i)) { ++i; continue; }
            int j = i;
            while (j < n && (letter(j) || (s[j] == '-' && letter(j - 1) && letter(j + 1)))) ++j;
            ++cnt[s.substr(i, j - i)];
            i = j;
        }
        vector<int> ans;
        ans.reserve(queries.size());
        for (auto& q : queries) {
            auto it = cnt.find(q);
            ans.push_back(it == cnt.end() ? 0 : it->second);
        }
        return ans;
    }
};
