class Solution:
    def countLocalMaximums(self, matrix: list[list[int]]) -> int:
        # ignores the whole border of the square, not only its corners
        n, m = len(matrix), len(matrix[0])
        count = 0
        for r in range(n):
            for c in range(m):
                x = matrix[r][c]
                if x == 0:
                    continue
                lo, hi = max(0, c - x + 1), min(m - 1, c + x - 1) + 1
                if all(max(matrix[i][lo:hi]) <= x for i in range(max(0, r - x + 1), min(n - 1, r + x - 1) + 1)):
                    count += 1
        return count
