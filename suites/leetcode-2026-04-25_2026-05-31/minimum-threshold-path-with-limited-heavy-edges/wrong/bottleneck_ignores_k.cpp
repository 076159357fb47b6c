class Solution {
public:
    int minimumThreshold(int n, vector<vector<int>>& edges, int source, int target, int k) {
        // minimax path weight, then simply "pays" for k heavy edges by returning 0 when k > 0
        if (source == target) return 0;
        vector<vector<pair<int, int>>> adj(n);
        for (auto& e : edges) { adj[e[0]].push_back({e[1], e[2]}); adj[e[1]].push_back({e[0], e[2]}); }
        vector<int> best(n, INT_MAX);
        priority_queue<pair<int, int>, vector<pair<int, int>>, greater<>> pq;
        best[source] = 0; pq.push({0, source});
        while (!pq.empty()) {
            auto [d, u] = pq.top(); pq.pop();
            if (d > best[u]) continue;
            for (auto [v, w] : adj[u]) {
                int nd = max(d, w);
                if (nd < best[v]) { best[v] = nd; pq.push({nd, v}); }
            }
        }
        if (best[target] == INT_MAX) return -1;
        return k > 0 ? 0 : best[target];
    }
};
