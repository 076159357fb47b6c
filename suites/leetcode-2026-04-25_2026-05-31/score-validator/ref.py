class Solution:
    def scoreValidator(self, events: List[str]) -> List[int]:
        score = wickets = 0
        for e in events:
            if wickets == 10:
                break
            if e == "W":
                wickets += 1
            elif e == "WD" or e == "NB":
                score += 1
            else:
                score += int(e)
        return [score, wickets]
