class Solution {
public:
    int passwordStrength(string password) {
        // counts each character class once instead of each distinct character
        bool lo = false, up = false, dg = false, sp = false;
        for (char c : password) {
            if (islower(c)) lo = true;
            else if (isupper(c)) up = true;
            else if (isdigit(c)) dg = true;
            else sp = true;
        }
        return lo * 1 + up * 2 + dg * 3 + sp * 5;
    }
};
