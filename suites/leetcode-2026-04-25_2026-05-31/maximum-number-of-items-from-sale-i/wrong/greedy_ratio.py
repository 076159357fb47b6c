class Solution:
    def maximumSaleItems(self, items: List[List[int]], budget: int) -> int:
        # greedy by copies per coin for first copies, then cheapest extra copies
        gain = [sum(1 for g, _ in items if g % f == 0) for f, _ in items]
        order = sorted(range(len(items)), key=lambda i: -gain[i] / items[i][1])
        mn = min(p for _, p in items)
        left, got = budget, 0
        for i in order:
            if items[i][1] <= left:
                left -= items[i][1]
                got += gain[i]
        return got + left // mn
