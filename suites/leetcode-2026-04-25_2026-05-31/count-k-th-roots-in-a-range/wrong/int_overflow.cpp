class Solution {
public:
    int countKthRoots(int l, int r, int k) {
        if (k == 1) return r - l + 1;
        int ans = 0;
        for (int x = 0;; ++x) {
            int y = 1;
            for (int i = 0; i < k; ++i) y *= x;   // 32-bit overflow for large k
            if (y > r || y < 0) break;
            if (y >= l) ++ans;
        }
        return ans;
    }
};
