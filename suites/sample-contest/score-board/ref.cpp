class ScoreBoard {
    unordered_map<string, long long> totals;
public:
    ScoreBoard() {}
    void add(string player, int score) { totals[player] += score; }
    long long top(int k) {
        vector<long long> v;
        for (auto& [name, total] : totals) v.push_back(total);
        sort(v.rbegin(), v.rend());
        return accumulate(v.begin(), v.begin() + k, 0LL);
    }
    void reset(string player) { totals[player] = 0; }
};
