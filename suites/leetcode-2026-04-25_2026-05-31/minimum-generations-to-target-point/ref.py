def _build_mid():
    # points are encoded as x * 49 + y * 7 + z with 0 <= x, y, z <= 6
    mid = []
    for a in range(343):
        ax, ay, az = a // 49, a // 7 % 7, a % 7
        row = []
        for b in range(343):
            bx, by, bz = b // 49, b // 7 % 7, b % 7
            row.append((ax + bx) // 2 * 49 + (ay + by) // 2 * 7 + (az + bz) // 2)
        mid.append(row)
    return mid


_MID = _build_mid()


class Solution:
    def minGenerations(self, points: List[List[int]], target: List[int]) -> int:
        enc = lambda p: p[0] * 49 + p[1] * 7 + p[2]
        goal = enc(target)
        known = {enc(p) for p in points}
        if goal in known:
            return 0
        avail = list(known)
        newest = avail[:]
        gen = 0
        while newest:
            gen += 1
            produced = set()
            # pairs of two old points were already used by earlier generations,
            # so only pairs with a point of the newest generation can add something
            for a in newest:
                row = _MID[a]
                for b in avail:
                    if a != b:
                        c = row[b]
                        if c not in known:
                            produced.add(c)
            if goal in produced:
                return gen
            known |= produced
            newest = list(produced)
            avail.extend(newest)
        return -1
