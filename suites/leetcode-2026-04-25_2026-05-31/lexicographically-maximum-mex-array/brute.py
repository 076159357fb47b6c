class Solution:
    def maximumMEX(self, nums: List[int]) -> List[int]:
        n = len(nums)

        def mex(a):
            s = set(a)
            m = 0
            while m in s:
                m += 1
            return m

        # try every split; tuples compare exactly as the statement orders arrays
        @lru_cache(maxsize=None)
        def best(i):
            if i == n:
                return ()
            return max((mex(nums[i:j]),) + best(j) for j in range(i + 1, n + 1))

        return list(best(0))
