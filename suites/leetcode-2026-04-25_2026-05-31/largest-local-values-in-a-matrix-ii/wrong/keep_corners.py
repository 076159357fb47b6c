class Solution:
    def countLocalMaximums(self, matrix: list[list[int]]) -> int:
        # forgets to ignore the four corners of the square (row prefix maxima per row)
        n, m = len(matrix), len(matrix[0])
        count = 0
        for r in range(n):
            for c in range(m):
                x = matrix[r][c]
                if x == 0:
                    continue
                lo, hi = max(0, c - x), min(m - 1, c + x) + 1
                if all(max(matrix[i][lo:hi]) <= x for i in range(max(0, r - x), min(n - 1, r + x) + 1)):
                    count += 1
        return count
