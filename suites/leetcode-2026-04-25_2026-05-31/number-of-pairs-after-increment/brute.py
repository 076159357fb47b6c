class Solution:
    def numberOfPairs(self, nums1: List[int], nums2: List[int], queries: List[List[int]]) -> List[int]:
        a = list(nums2)
        res = []
        for q in queries:
            if q[0] == 1:
                for i in range(q[1], q[2] + 1):
                    a[i] += q[3]
            else:
                res.append(sum(1 for x in nums1 for y in a if x + y == q[1]))
        return res
