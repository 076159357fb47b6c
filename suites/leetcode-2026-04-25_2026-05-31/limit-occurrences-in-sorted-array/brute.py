class Solution:
    def limitOccurrences(self, nums: List[int], k: int) -> List[int]:
        res = []
        for x in nums:
            if res.count(x) < k:
                res.append(x)
        return res
