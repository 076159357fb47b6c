class Solution:
    def limitOccurrences(self, nums: List[int], k: int) -> List[int]:
        out, run = [], 0
        for i, x in enumerate(nums):
            run = run + 1 if i > 0 and nums[i - 1] == x else 1
            if run < k or run == 1:
                out.append(x)
        return out
