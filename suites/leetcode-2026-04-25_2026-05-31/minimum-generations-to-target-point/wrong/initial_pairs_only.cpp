class Solution {
public:
    int minGenerations(vector<vector<int>>& points, vector<int>& target) {
        // every new point is formed with one of the initial points
        set<vector<int>> have(points.begin(), points.end());
        if (have.count(target)) return 0;
        vector<vector<int>> init(points.begin(), points.end());
        for (int k = 1;; ++k) {
            vector<vector<int>> made;
            for (auto& a : init) for (auto& b : have) if (a != b)
                made.push_back({(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2});
            bool grew = false;
            for (auto& c : made) if (!have.count(c)) { have.insert(c); grew = true; }
            if (have.count(target)) return k;
            if (!grew) return -1;
        }
    }
};
