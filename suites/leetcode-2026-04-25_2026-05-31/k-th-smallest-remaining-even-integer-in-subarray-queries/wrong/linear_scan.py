class Solution:
    def kthRemainingInteger(self, nums: List[int], queries: List[List[int]]) -> List[int]:
        ans = []
        for l, r, k in queries:
            # walks the subarray for every query: O(n * q)
            cur = 2 * k
            for i in range(l, r + 1):
                v = nums[i]
                if v % 2 == 0 and v <= cur:
                    cur += 2
            ans.append(cur)
        return ans
