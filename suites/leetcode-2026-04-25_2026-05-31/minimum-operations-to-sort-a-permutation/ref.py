class Solution:
    def minOperations(self, nums: List[int]) -> int:
        # States: (r, s) = rotate-left^s(reverse^r(nums)).  Rotate: s+1; reverse: (1-r, -s).
        n = len(nums)
        z = nums.index(0)
        targets = set()
        if all(nums[(z + i) % n] == i for i in range(n)):
            targets.add((0, z))
        rev = nums[::-1]
        zr = rev.index(0)
        if all(rev[(zr + i) % n] == i for i in range(n)):
            targets.add((1, zr))
        if not targets:
            return -1
        dist = [[-1] * n for _ in range(2)]
        dist[0][0] = 0
        q = deque([(0, 0)])
        while q:
            r, s = q.popleft()
            d = dist[r][s]
            if (r, s) in targets:
                return d
            for nr, ns in ((r, (s + 1) % n), (1 - r, (-s) % n)):
                if dist[nr][ns] < 0:
                    dist[nr][ns] = d + 1
                    q.append((nr, ns))
        return -1
