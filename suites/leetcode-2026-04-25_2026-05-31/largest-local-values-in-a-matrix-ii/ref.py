class Solution:
    def countLocalMaximums(self, matrix: list[list[int]]) -> int:
        # The considered cells of (r, c) with value x are the square of radius x minus its
        # four corners = the union of two rectangles:
        #   rows r-x+1 .. r+x-1, cols c-x .. c+x   and   rows r-x .. r+x, cols c-x+1 .. c+x-1.
        # A 2D sparse table answers each rectangle maximum in O(1).
        n, m = len(matrix), len(matrix[0])
        lg = [0] * (max(n, m) + 1)
        for i in range(2, len(lg)):
            lg[i] = lg[i // 2] + 1
        # table[a][b][i][j] = max of rows i .. i+2^a-1, cols j .. j+2^b-1
        table = []
        for a in range(lg[n] + 1):
            row_tables = []
            if a == 0:
                base = [row[:] for row in matrix]
            else:
                prev = table[a - 1][0]
                h = 1 << (a - 1)
                base = [list(map(max, prev[i], prev[i + h])) for i in range(n - (1 << a) + 1)]
            row_tables.append(base)
            for b in range(1, lg[m] + 1):
                prev = row_tables[b - 1]
                h = 1 << (b - 1)
                row_tables.append([list(map(max, r[:len(r) - h], r[h:])) for r in prev])
            table.append(row_tables)

        count = 0
        for r in range(n):
            row = matrix[r]
            for c in range(m):
                x = row[c]
                if x == 0:
                    continue
                top, bottom = r - x if r >= x else 0, r + x if r + x < n else n - 1
                left, right = c - x if c >= x else 0, c + x if c + x < m else m - 1
                # rectangle 1: rows strictly inside the square's top and bottom edges, full width
                r1, r2 = r - x + 1 if r - x + 1 > 0 else 0, r + x - 1 if r + x - 1 < n else n - 1
                a, b = lg[r2 - r1 + 1], lg[right - left + 1]
                t = table[a][b]
                r3, c3 = r2 - (1 << a) + 1, right - (1 << b) + 1
                if t[r1][left] > x or t[r1][c3] > x or t[r3][left] > x or t[r3][c3] > x:
                    continue
                # rectangle 2: full height, columns strictly inside the left and right edges
                c1, c2 = c - x + 1 if c - x + 1 > 0 else 0, c + x - 1 if c + x - 1 < m else m - 1
                a, b = lg[bottom - top + 1], lg[c2 - c1 + 1]
                t = table[a][b]
                r3, c3 = bottom - (1 << a) + 1, c2 - (1 << b) + 1
                if t[top][c1] > x or t[top][c3] > x or t[r3][c1] > x or t[r3][c3] > x:
                    continue
                count += 1
        return count
