class Solution:
    def findValidElements(self, nums: List[int]) -> List[int]:
        n = len(nums)
        left = [i for i in range(n) if all(nums[i] > nums[j] for j in range(i))]
        right = [i for i in range(n) if all(nums[i] > nums[j] for j in range(i + 1, n))]
        # loses the original order: the left maxima, then the right maxima
        seen = set()
        res = []
        for i in left + right:
            if i not in seen:
                seen.add(i)
                res.append(nums[i])
        return res
