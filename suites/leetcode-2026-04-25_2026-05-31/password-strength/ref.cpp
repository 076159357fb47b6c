class Solution {
public:
    int passwordStrength(string password) {
        bool seen[256] = {false};
        int total = 0;
        for (unsigned char c : password) {
            if (seen[c]) continue;
            seen[c] = true;
            if (c >= 'a' && c <= 'z') total += 1;
            else if (c >= 'A' && c <= 'Z') total += 2;
            else if (c >= '0' && c <= '9') total += 3;
            else if (c == '!' || c == '@' || c == '#' || c == '$') total += 5;
        }
        return total;
    }
};
