class Solution:
    def kthRemainingInteger(self, nums: List[int], queries: List[List[int]]) -> List[int]:
        ans = []
        for l, r, k in queries:
            removed = set(nums[l:r + 1])
            v = 0
            left = k
            while left > 0:
                v += 2
                if v not in removed:
                    left -= 1
            ans.append(v)
        return ans
