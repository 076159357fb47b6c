class ScoreBoard:
    def __init__(self):
        self.totals = {}

    def add(self, player: str, score: int) -> None:
        self.totals[player] = self.totals.get(player, 0) + score

    def top(self, k: int) -> int:
        return sum(sorted(self.totals.values(), reverse=True)[:k])

    def reset(self, player: str) -> None:
        pass  # forgets to clear the total
