class Solution {
public:
    int minimumThreshold(int n, vector<vector<int>>& edges, int source, int target, int k) {
        if (source == target) return 0;
        vector<vector<pair<int, int>>> adj(n);
        vector<int> cands = {0};
        for (auto& e : edges) {
            adj[e[0]].push_back({e[1], e[2]});
            adj[e[1]].push_back({e[0], e[2]});
            cands.push_back(e[2]);
        }
        sort(cands.begin(), cands.end());
        cands.erase(unique(cands.begin(), cands.end()), cands.end());
        const int INF = INT_MAX;
        auto need = [&](int th) {
            vector<int> dist(n, INF);
            deque<int> dq;
            dist[source] = 0;
            dq.push_back(source);
            while (!dq.empty()) {
                int u = dq.front(); dq.pop_front();
                for (auto [v, w] : adj[u]) {
                    int c = w > th ? 1 : 0;
                    if (dist[u] + c < dist[v]) {
                        dist[v] = dist[u] + c;
                        if (c) dq.push_back(v); else dq.push_front(v);
                    }
                }
            }
            return dist[target];
        };
        if (need(cands.back()) > k) return -1;
        int lo = 0, hi = cands.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (need(cands[mid]) <= k) hi = mid; else lo = mid + 1;
        }
        return cands[lo];
    }
};
