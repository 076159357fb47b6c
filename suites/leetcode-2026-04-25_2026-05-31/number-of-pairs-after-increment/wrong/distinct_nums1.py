class Solution:
    def numberOfPairs(self, nums1: List[int], nums2: List[int], queries: List[List[int]]) -> List[int]:
        # nums1 duplicates collapsed: pairs are counted per distinct value
        n = len(nums2)
        B = max(8, int((n * 2.5) ** 0.5))
        vals = list(nums2)
        nb = (n + B - 1) // B
        cnts = [Counter(vals[s:s + B]) for s in range(0, n, B)]
        lazy = [0] * nb
        out = []
        for q in queries:
            if q[0] == 1:
                _, x, y, v = q
                for i in range(x, y + 1):
                    b = i // B
                    if i % B == 0 and i + B - 1 <= y:
                        continue
                    cnts[b][vals[i]] -= 1
                    vals[i] += v
                    cnts[b][vals[i]] += 1
                for b in range(nb):
                    s = b * B
                    if s >= x and s + B - 1 <= y and s + B - 1 < n and (s % B == 0):
                        lazy[b] += v
            else:
                out.append(sum(cnts[b].get(q[1] - a - lazy[b], 0) for a in set(nums1) for b in range(nb)))
        return out
