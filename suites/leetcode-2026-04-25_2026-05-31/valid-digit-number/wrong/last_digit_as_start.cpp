class Solution {
public:
    bool validDigit(int n, int x) {
        // treats n % 10 as the first digit
        bool has = false;
        int m = n;
        do { if (m % 10 == x) has = true; m /= 10; } while (m > 0);
        return has && n % 10 != x;
    }
};
