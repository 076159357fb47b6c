class Solution {
public:
    int evenSumSubgraphs(vector<int>& nums, vector<vector<int>>& edges) {
        int n = nums.size();
        vector<int> adj(n, 0);
        for (auto& e : edges) {
            adj[e[0]] |= 1 << e[1];
            adj[e[1]] |= 1 << e[0];
        }
        int full = 1 << n, ans = 0;
        for (int mask = 1; mask < full; ++mask) {
            int par = 0;
            for (int i = 0; i < n; ++i) if (mask >> i & 1) par ^= nums[i];
            if (par) continue;
            int seen = mask & -mask, frontier = seen;
            while (frontier) {
                int i = __builtin_ctz(frontier);
                frontier &= frontier - 1;
                int add = adj[i] & mask & ~seen;
                seen |= add;
                frontier |= add;
            }
            if (seen == mask) ++ans;
        }
        return ans;
    }
};
