class Solution {
    typedef long long ll;
    typedef pair<ll, int> P;
public:
    vector<int> minCost(int n, vector<int>& prices, vector<vector<int>>& roads) {
        // ans[i] = min_j distEmpty(i, j) + distLoaded(i, j) + prices[j] (roads are undirected)
        vector<vector<pair<int, ll>>> empty(n), loaded(n);
        for (auto& r : roads) {
            ll c = r[2], w = (ll)r[2] * r[3];
            empty[r[0]].push_back({r[1], c});
            empty[r[1]].push_back({r[0], c});
            loaded[r[0]].push_back({r[1], w});
            loaded[r[1]].push_back({r[0], w});
        }
        const ll INF = LLONG_MAX / 4;
        vector<ll> d1(n), d2(n);
        auto dijkstra = [&](int src, vector<vector<pair<int, ll>>>& adj, vector<ll>& dist, ll bound) {
            fill(dist.begin(), dist.end(), INF);
            dist[src] = 0;
            priority_queue<P, vector<P>, greater<P>> pq;
            pq.push({0, src});
            while (!pq.empty()) {
                auto [d, u] = pq.top();
                pq.pop();
                if (d > dist[u]) continue;
                for (auto& [v, w] : adj[u]) {
                    ll nd = d + w;
                    if (nd < dist[v] && nd < bound) {
                        dist[v] = nd;
                        pq.push({nd, v});
                    }
                }
            }
        };
        vector<int> ans(n);
        for (int i = 0; i < n; ++i) {
            ll best = prices[i];
            dijkstra(i, empty, d1, best);
            dijkstra(i, loaded, d2, best);
            for (int j = 0; j < n; ++j)
                if (d1[j] < INF && d2[j] < INF) best = min(best, d1[j] + d2[j] + prices[j]);
            ans[i] = (int)best;
        }
        return ans;
    }
};
