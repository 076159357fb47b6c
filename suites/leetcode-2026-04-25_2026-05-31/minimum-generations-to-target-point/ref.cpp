class Solution {
public:
    int minGenerations(vector<vector<int>>& points, vector<int>& target) {
        auto enc = [](int x, int y, int z) { return x * 49 + y * 7 + z; };
        int goal = enc(target[0], target[1], target[2]);
        vector<char> known(343, 0);
        vector<int> avail, newest;
        for (auto& p : points) {
            int c = enc(p[0], p[1], p[2]);
            if (!known[c]) { known[c] = 1; avail.push_back(c); }
        }
        if (known[goal]) return 0;
        newest = avail;
        int gen = 0;
        while (!newest.empty()) {
            ++gen;
            vector<int> made;
            for (int a : newest)
                for (int b : avail) {
                    if (a == b) continue;
                    int c = enc((a / 49 + b / 49) / 2, (a / 7 % 7 + b / 7 % 7) / 2, (a % 7 + b % 7) / 2);
                    if (!known[c]) { known[c] = 1; made.push_back(c); }
                }
            if (known[goal]) return gen;
            for (int c : made) avail.push_back(c);
            newest = made;
        }
        return -1;
    }
};
