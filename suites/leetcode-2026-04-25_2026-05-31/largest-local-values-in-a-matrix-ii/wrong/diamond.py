class Solution:
    def countLocalMaximums(self, matrix: list[list[int]]) -> int:
        # reads "within x rows and x columns" as Manhattan distance <= x
        n, m = len(matrix), len(matrix[0])
        count = 0
        for r in range(n):
            for c in range(m):
                x = matrix[r][c]
                if x == 0:
                    continue
                ok = True
                for i in range(max(0, r - x), min(n - 1, r + x) + 1):
                    k = x - abs(i - r)
                    lo, hi = max(0, c - k), min(m - 1, c + k) + 1
                    if max(matrix[i][lo:hi]) > x:
                        ok = False
                        break
                if ok:
                    count += 1
        return count
