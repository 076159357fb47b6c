class Solution:
    def scoreValidator(self, events: List[str]) -> List[int]:
        value = {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "6": 6, "W": 0, "WD": 1, "NB": 1}
        score = 0
        counter = 0
        i = 0
        while i < len(events) and counter < 10:
            score += value[events[i]]
            if events[i] == "W":
                counter += 1
            i += 1
        return [score, counter]
