class Solution {
public:
    int minimumThreshold(int n, vector<vector<int>>& edges, int source, int target, int k) {
        if (source == target) return 0;
        vector<vector<pair<int, int>>> adj(n);
        for (auto& e : edges) { adj[e[0]].push_back({e[1], e[2]}); adj[e[1]].push_back({e[0], e[2]}); }
        auto need = [&](long long th) {
            vector<int> d(n, INT_MAX);
            deque<int> dq; d[source] = 0; dq.push_back(source);
            while (!dq.empty()) {
                int u = dq.front(); dq.pop_front();
                for (auto [v, w] : adj[u]) {
                    int c = w >= th ? 1 : 0;  // "heavy" taken as >= threshold
                    if (d[u] + c < d[v]) { d[v] = d[u] + c; if (c) dq.push_back(v); else dq.push_front(v); }
                }
            }
            return d[target];
        };
        long long lo = 0, hi = 1000000001;
        if (need(hi) > k) return -1;
        while (lo < hi) {
            long long mid = (lo + hi) / 2;
            if (need(mid) <= k) hi = mid; else lo = mid + 1;
        }
        return (int)lo;
    }
};
