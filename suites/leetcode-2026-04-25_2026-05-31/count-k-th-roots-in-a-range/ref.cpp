class Solution {
    // number of x >= 0 with x^k <= n
    static long long upto(long long n, int k) {
        if (n < 0) return 0;
        if (k == 1) return n + 1;
        auto fits = [&](long long x) {
            long long p = 1;
            for (int i = 0; i < k; ++i) {
                p *= x;
                if (p > n) return false;
            }
            return true;
        };
        long long lo = 0, hi = 1;
        while (fits(hi)) hi *= 2;
        while (hi - lo > 1) {
            long long mid = (lo + hi) / 2;
            if (fits(mid)) lo = mid; else hi = mid;
        }
        return lo + 1;
    }
public:
    int countKthRoots(int l, int r, int k) {
        return (int)(upto(r, k) - upto((long long)l - 1, k));
    }
};
