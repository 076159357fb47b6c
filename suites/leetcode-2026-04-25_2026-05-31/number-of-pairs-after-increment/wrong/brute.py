class Solution:
    def numberOfPairs(self, nums1: List[int], nums2: List[int], queries: List[List[int]]) -> List[int]:
        # O(n) per operation
        a = list(nums2)
        c1 = Counter(nums1)
        res = []
        for q in queries:
            if q[0] == 1:
                _, x, y, v = q
                a[x:y + 1] = [w + v for w in a[x:y + 1]]
            else:
                c2 = Counter(a)
                res.append(sum(m * c2.get(q[1] - x, 0) for x, m in c1.items()))
        return res
