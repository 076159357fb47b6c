class Solution {
public:
    int digitFrequencyScore(int n) {
        int s = 0;
        while (n > 9) {  // misses the leading digit
            s += n % 10;
            n /= 10;
        }
        return s;
    }
};
