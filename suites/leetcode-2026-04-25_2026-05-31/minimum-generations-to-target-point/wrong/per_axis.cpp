class Solution {
public:
    int minGenerations(vector<vector<int>>& points, vector<int>& target) {
        // treats the three coordinates independently and takes the worst axis
        for (auto& p : points) if (p == target) return 0;
        int ans = 0;
        for (int ax = 0; ax < 3; ++ax) {
            vector<int> first(7, -1);
            set<int> vals;
            for (auto& p : points) vals.insert(p[ax]);
            for (int v : vals) first[v] = 0;
            if (vals.size() < 2 && points.size() < 2) return -1;
            int g = 0;
            while (first[target[ax]] < 0) {
                ++g;
                vector<int> cur(vals.begin(), vals.end());
                bool grew = false;
                for (int a : cur) for (int b : cur) if (a != b) {
                    int c = (a + b) / 2;
                    if (first[c] < 0) { first[c] = g; vals.insert(c); grew = true; }
                }
                if (!grew) return -1;
            }
            ans = max(ans, first[target[ax]]);
        }
        return max(ans, 1);
    }
};
