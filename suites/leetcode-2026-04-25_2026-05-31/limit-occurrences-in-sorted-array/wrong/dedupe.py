class Solution:
    def limitOccurrences(self, nums: List[int], k: int) -> List[int]:
        return sorted(set(nums))
