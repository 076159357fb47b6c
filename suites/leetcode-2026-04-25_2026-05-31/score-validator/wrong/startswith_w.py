class Solution:
    def scoreValidator(self, events: List[str]) -> List[int]:
        score = counter = 0
        for e in events:
            # "WD" is mistaken for a wicket
            if e.startswith("W"):
                counter += 1
                if counter == 10:
                    break
            elif e == "NB":
                score += 1
            else:
                score += int(e)
        return [score, counter]
