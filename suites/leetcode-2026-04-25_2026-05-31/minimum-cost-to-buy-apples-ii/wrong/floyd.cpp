class Solution {
public:
    vector<int> minCost(int n, vector<int>& prices, vector<vector<int>>& roads) {
        // all-pairs shortest paths by Floyd-Warshall: O(n^3), too slow for n = 1000
        const long long INF = LLONG_MAX / 4;
        vector<vector<long long>> de(n, vector<long long>(n, INF)), dl = de;
        for (int i = 0; i < n; ++i) de[i][i] = dl[i][i] = 0;
        for (auto& r : roads) {
            de[r[0]][r[1]] = de[r[1]][r[0]] = r[2];
            dl[r[0]][r[1]] = dl[r[1]][r[0]] = (long long)r[2] * r[3];
        }
        for (auto* d : {&de, &dl})
            for (int k = 0; k < n; ++k)
                for (int i = 0; i < n; ++i)
                    for (int j = 0; j < n; ++j)
                        (*d)[i][j] = min((*d)[i][j], (*d)[i][k] + (*d)[k][j]);
        vector<int> ans(n);
        for (int i = 0; i < n; ++i) {
            long long best = prices[i];
            for (int j = 0; j < n; ++j) best = min(best, de[i][j] + dl[i][j] + prices[j]);
            ans[i] = (int)best;
        }
        return ans;
    }
};
