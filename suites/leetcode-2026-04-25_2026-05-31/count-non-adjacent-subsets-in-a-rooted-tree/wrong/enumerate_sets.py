class Solution:
    def countValidSubsets(self, parent: list[int], nums: list[int], k: int) -> int:
        # walks every independent set explicitly: exponential
        MOD = 10**9 + 7
        n = len(parent)
        chosen = [False] * n
        count = 0

        def go(i, s):
            nonlocal count
            if i == n:
                count += s % k == 0
                return
            go(i + 1, s)
            if i == 0 or not chosen[parent[i]]:
                chosen[i] = True
                go(i + 1, s + nums[i])
                chosen[i] = False

        import sys
        sys.setrecursionlimit(10000)
        go(0, 0)
        return (count - 1) % MOD
