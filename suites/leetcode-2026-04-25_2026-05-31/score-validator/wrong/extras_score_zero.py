class Solution:
    def scoreValidator(self, events: List[str]) -> List[int]:
        score = counter = 0
        for e in events:
            if e.isdigit():
                score += int(e)
            elif e == "W":
                counter += 1
                if counter == 10:
                    break
            # "WD" and "NB" add nothing (wrong)
        return [score, counter]
