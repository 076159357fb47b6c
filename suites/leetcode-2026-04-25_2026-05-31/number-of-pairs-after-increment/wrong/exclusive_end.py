class Solution:
    def numberOfPairs(self, nums1: List[int], nums2: List[int], queries: List[List[int]]) -> List[int]:
        # treats nums2[x..y] as half-open [x, y)
        n = len(nums2)
        B = max(8, int((n * 2.5) ** 0.5))
        vals = list(nums2)
        cnts = [Counter(vals[s:s + B]) for s in range(0, n, B)]
        lazy = [0] * len(cnts)
        out = []
        for q in queries:
            if q[0] == 1:
                _, x, y, v = q
                i = x
                while i < y:
                    b = i // B
                    if i == b * B and b * B + B <= y:
                        lazy[b] += v
                        i += B
                    else:
                        cnts[b][vals[i]] -= 1
                        vals[i] += v
                        cnts[b][vals[i]] += 1
                        i += 1
            else:
                out.append(sum(c.get(q[1] - a - z, 0) for a in nums1 for c, z in zip(cnts, lazy)))
        return out
