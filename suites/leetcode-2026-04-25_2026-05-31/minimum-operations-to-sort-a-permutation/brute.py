class Solution:
    def minOperations(self, nums: List[int]) -> int:
        start = tuple(nums)
        goal = tuple(sorted(nums))
        dist = {start: 0}
        q = deque([start])
        while q:
            a = q.popleft()
            if a == goal:
                return dist[a]
            for b in (a[::-1], a[1:] + a[:1]):
                if b not in dist:
                    dist[b] = dist[a] + 1
                    q.append(b)
        return -1
