import itertools


class Solution:
    def evenSumSubgraphs(self, nums: List[int], edges: List[List[int]]) -> int:
        n = len(nums)
        count = 0
        for size in range(1, n + 1):
            for subset in itertools.combinations(range(n), size):
                s = set(subset)
                if sum(nums[i] for i in s) % 2 != 0:
                    continue
                start = subset[0]
                visited = {start}
                stack = [start]
                while stack:
                    u = stack.pop()
                    for a, b in edges:
                        for x, y in ((a, b), (b, a)):
                            if x == u and y in s and y not in visited:
                                visited.add(y)
                                stack.append(y)
                if visited == s:
                    count += 1
        return count
