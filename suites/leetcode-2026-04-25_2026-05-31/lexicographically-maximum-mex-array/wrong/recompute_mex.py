class Solution:
    def maximumMEX(self, nums: List[int]) -> List[int]:
        # recomputes the MEX of the remaining suffix from scratch each step: O(n^2)
        n = len(nums)
        res = []
        i = 0
        while i < n:
            s = set(nums[i:])
            m = 0
            while m in s:
                m += 1
            if m == 0:
                res.append(0)
                i += 1
                continue
            seen = set()
            while len(seen) < m:
                if nums[i] < m:
                    seen.add(nums[i])
                i += 1
            res.append(m)
        return res
