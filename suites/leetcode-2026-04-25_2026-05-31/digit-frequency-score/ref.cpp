class Solution {
public:
    int digitFrequencyScore(int n) {
        int freq[10] = {0};
        while (n > 0) {
            freq[n % 10]++;
            n /= 10;
        }
        int s = 0;
        for (int d = 0; d < 10; d++) s += d * freq[d];
        return s;
    }
};
