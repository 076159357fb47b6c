class Solution {
public:
    int evenSumSubgraphs(vector<int>& nums, vector<vector<int>>& edges) {
        // "connected" taken as: every chosen node has a chosen neighbour (or is alone)
        int n = nums.size();
        vector<int> adj(n, 0);
        for (auto& e : edges) { adj[e[0]] |= 1 << e[1]; adj[e[1]] |= 1 << e[0]; }
        int ans = 0;
        for (int mask = 1; mask < (1 << n); ++mask) {
            int par = 0;
            bool ok = true;
            for (int i = 0; i < n; ++i) if (mask >> i & 1) {
                par ^= nums[i];
                if (__builtin_popcount(mask) > 1 && !(adj[i] & mask)) ok = false;
            }
            if (!par && ok) ++ans;
        }
        return ans;
    }
};
