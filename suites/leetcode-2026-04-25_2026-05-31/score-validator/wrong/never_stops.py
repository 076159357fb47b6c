class Solution:
    def scoreValidator(self, events: List[str]) -> List[int]:
        score = counter = 0
        for e in events:
            # keeps processing after the tenth wicket
            if e == "W":
                counter += 1
            elif e in ("WD", "NB"):
                score += 1
            else:
                score += int(e)
        return [score, counter]
