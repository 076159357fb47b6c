class Solution:
    def limitOccurrences(self, nums: List[int], k: int) -> List[int]:
        # drops values whose count exceeds k entirely
        c = Counter(nums)
        return [x for x in nums if c[x] <= k]
