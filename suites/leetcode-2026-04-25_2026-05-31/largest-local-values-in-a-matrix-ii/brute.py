class Solution:
    def countLocalMaximums(self, matrix: list[list[int]]) -> int:
        n, m = len(matrix), len(matrix[0])
        count = 0
        for r in range(n):
            for c in range(m):
                x = matrix[r][c]
                if x == 0:
                    continue
                ok = True
                for i in range(n):
                    for j in range(m):
                        dr, dc = abs(i - r), abs(j - c)
                        if dr <= x and dc <= x and not (dr == x and dc == x) and matrix[i][j] > x:
                            ok = False
                if ok:
                    count += 1
        return count
