class Solution {
public:
    vector<int> scoreValidator(vector<string>& events) {
        int score = 0, wickets = 0;
        for (const string& e : events) {
            if (wickets == 10) break;
            if (e == "W") ++wickets;
            else if (e == "WD" || e == "NB") ++score;
            else score += e[0] - '0';
        }
        return {score, wickets};
    }
};
