class ScoreBoard:
    def __init__(self):
        self.totals = {}

    def add(self, player: str, score: int) -> None:
        self.totals[player] = self.totals.get(player, 0) + score

    def top(self, k: int) -> int:
        return max(self.totals.values()) * k  # assumes the top k are equal

    def reset(self, player: str) -> None:
        self.totals[player] = 0
