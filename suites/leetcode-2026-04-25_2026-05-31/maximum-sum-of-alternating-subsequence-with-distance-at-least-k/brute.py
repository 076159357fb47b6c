class Solution:
    def maxAlternatingSum(self, nums: list[int], k: int) -> int:
        # every non-empty subsequence (small n only)
        n = len(nums)
        best = 0
        for mask in range(1, 1 << n):
            idx = [i for i in range(n) if mask >> i & 1]
            if any(idx[t + 1] - idx[t] < k for t in range(len(idx) - 1)):
                continue
            v = [nums[i] for i in idx]
            ok = True
            for first_up in (True, False):
                ok = True
                for t in range(len(v) - 1):
                    want_up = first_up if t % 2 == 0 else not first_up
                    if want_up and not v[t] < v[t + 1]:
                        ok = False
                    if not want_up and not v[t] > v[t + 1]:
                        ok = False
                if ok:
                    break
            if ok:
                best = max(best, sum(v))
        return best
