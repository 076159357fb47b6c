class Solution:
    def minArraySum(self, nums: list[int]) -> int:
        # explore every reachable array (small inputs only)
        start = tuple(nums)
        seen = {start}
        stack = [start]
        best = sum(start)
        while stack:
            cur = stack.pop()
            best = min(best, sum(cur))
            for a in range(len(cur)):
                for b in range(len(cur)):
                    if cur[a] % cur[b] == 0 and cur[a] != cur[b]:
                        nxt = cur[:a] + (cur[b],) + cur[a + 1:]
                        if nxt not in seen:
                            seen.add(nxt)
                            stack.append(nxt)
        return best
