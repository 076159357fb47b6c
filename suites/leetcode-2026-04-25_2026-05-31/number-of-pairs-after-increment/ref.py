from collections import _count_elements


class Solution:
    def numberOfPairs(self, nums1: List[int], nums2: List[int], queries: List[List[int]]) -> List[int]:
        # Square-root decomposition of nums2: each block keeps its stored values, a dict counting
        # them and a lazy addition (actual value = stored + lazy).  nums1 has at most 5 distinct
        # values, so a count query looks each of them up once per block.
        n = len(nums2)
        B = max(8, int((n * 3) ** 0.5))
        vals = list(nums2)
        nb = (n + B - 1) // B

        def count(seq):
            d = {}
            _count_elements(d, seq)
            return d

        cnts = [count(vals[s:s + B]) for s in range(0, n, B)]
        lazy = [0] * nb
        mult = list(Counter(nums1).items())
        getter = dict.get
        zeros = [0] * nb
        out = []
        for q in queries:
            if q[0] == 1:
                x, y, v = q[1], q[2] + 1, q[3]
                bx, by = x // B, (y - 1) // B
                if bx == by:
                    vals[x:y] = [w + v for w in vals[x:y]]
                    s = bx * B
                    cnts[bx] = count(vals[s:s + B])
                else:
                    e = bx * B + B
                    vals[x:e] = [w + v for w in vals[x:e]]
                    cnts[bx] = count(vals[bx * B:e])
                    s = by * B
                    vals[s:y] = [w + v for w in vals[s:y]]
                    cnts[by] = count(vals[s:s + B])
                    if by - bx > 1:
                        lazy[bx + 1:by] = [z + v for z in lazy[bx + 1:by]]
            else:
                tot = q[1]
                ans = 0
                for a, m in mult:
                    t = tot - a
                    c = sum(map(getter, cnts, [t - z for z in lazy], zeros))
                    ans += c * m if m > 1 else c
                out.append(ans)
        return out
