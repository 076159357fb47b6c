class Solution {
public:
    int sumOfPrimesInRange(int n) {
        int r = 0;
        for (int t = n; t > 0; t /= 10) r = r * 10 + t % 10;
        int lo = min(n, r), hi = max(n, r);
        int total = 0;
        for (int x = max(lo, 2); x <= hi; ++x) {
            bool prime = true;
            for (int d = 2; d * d <= x; ++d)
                if (x % d == 0) { prime = false; break; }
            if (prime) total += x;
        }
        return total;
    }
};
