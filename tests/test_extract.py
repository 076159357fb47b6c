"""Golden tests for code extraction on real-looking model outputs."""

from __future__ import annotations

import pytest

from contest_eval.generate.extract import (
    NO_CODE_BLOCK,
    TRUNCATED,
    WRONG_LANGUAGE,
    extract_code,
    parse_blocks,
    split_reasoning,
)

FINAL_PY = "class Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n                return [seen[target - x], i]\n            seen[x] = i\n"

REASONING_OUTPUT = f"""<think>
Okay, let me think. A brute force would be:

```python
class Solution:
    def twoSum(self, nums, target):
        for i in range(len(nums)):
            for j in range(i):
                if nums[i] + nums[j] == target:
                    return [j, i]
```

That is O(n^2). n can be 10^4 so it's fine, but a hash map is better.
</think>

### Approach
Use a hash map from value to index.

### Complexity
O(n) time.

```python
{FINAL_PY}```
"""


def test_reasoning_code_is_ignored_and_headings_cut_nothing() -> None:
    result = extract_code(REASONING_OUTPUT, "python3", "stop")
    assert result.reason is None
    assert result.code == FINAL_PY
    assert "range(i)" not in result.code


def test_only_the_last_think_close_splits() -> None:
    text = "<think>a</think> draft ```python\nx=1\n```\n</think>\n```python\nprint(2)\n```"
    reasoning, answer, truncated = split_reasoning(text)
    assert not truncated and reasoning is not None and "x=1" in reasoning
    assert extract_code(text, "python3").code == "print(2)\n"


def test_template_injected_think_has_only_closing_tag() -> None:
    # Templates that put "<think>\n" in the prompt: the output holds only "</think>".
    text = "Let me try\n```python\nprint('draft')\n```\n</think>\n\n```python\nprint('final')\n```\n"
    assert extract_code(text, "python3").code == "print('final')\n"


def test_unclosed_think_is_truncated_even_with_code_inside() -> None:
    text = "<think>\nFirst idea:\n```python\nprint(1)\n```\nHmm, but wait, what if n is 0? Then"
    assert extract_code(text, "python3", "length").reason == TRUNCATED
    assert extract_code(text, "python3", "stop").reason == TRUNCATED


def test_truncated_inside_final_block() -> None:
    text = "Here is my solution:\n\n```python\nimport sys\n\ndef main():\n    n = int(sys.stdin.readline())\n    for i in range("
    result = extract_code(text, "python3", "length")
    assert result.code is None and result.reason == TRUNCATED


def test_truncated_after_an_earlier_complete_block() -> None:
    text = "Draft:\n```python\nprint(1)\n```\nImproved:\n```python\nprint(2"
    assert extract_code(text, "python3", "length").reason == TRUNCATED


def test_unclosed_only_block_is_taken_when_model_stopped() -> None:
    text = "```python\nprint(input())\n"
    result = extract_code(text, "python3", "stop")
    assert result.code == "print(input())\n"


def test_unclosed_tail_after_closed_blocks_is_ignored_when_model_stopped() -> None:
    text = "```python\nprint(1)\n```\nExplanation follows.\n```\nsome prose the model forgot to close"
    assert extract_code(text, "python3", "stop").code == "print(1)\n"


def test_last_block_wins() -> None:
    text = "```python\nprint('first')\n```\nActually, a better one:\n```py\nprint('second')\n```\nDone."
    result = extract_code(text, "python3")
    assert result.code == "print('second')\n" and result.tag == "py"


def test_tagged_block_beats_later_untagged_and_output_blocks() -> None:
    text = "```python3\nprint(sum(map(int, input().split())))\n```\nExample:\n```\n1 2\n```\n```text\n3\n```"
    assert extract_code(text, "python3").code == "print(sum(map(int, input().split())))\n"


def test_untagged_block_counts_when_no_tagged_one() -> None:
    text = "Solution:\n```\nprint(42)\n```\nSample output:\n```text\n42\n```"
    result = extract_code(text, "python3")
    assert result.code == "print(42)\n" and result.tag == ""


def test_wrong_language() -> None:
    text = "```cpp\n#include <bits/stdc++.h>\nint main(){}\n```"
    assert extract_code(text, "python3").reason == WRONG_LANGUAGE
    assert extract_code(text, "cpp").code == "#include <bits/stdc++.h>\nint main(){}\n"


def test_wrong_tag_is_not_taken_even_if_last() -> None:
    text = "```java\nclass Solution {}\n```\n```python\nprint(1)\n```\n```bash\npython3 main.py < in.txt\n```"
    assert extract_code(text, "python3").code == "print(1)\n"


def test_no_code_block() -> None:
    assert extract_code("I think the answer is to use dynamic programming.", "python3").reason == NO_CODE_BLOCK
    assert extract_code("", "python3").reason == NO_CODE_BLOCK
    assert extract_code("```text\n42\n```", "python3").reason == NO_CODE_BLOCK


def test_no_fence_at_the_cap_is_truncated() -> None:
    assert extract_code("Let me carefully consider every case " * 50, "python3", "length").reason == TRUNCATED


@pytest.mark.parametrize(
    "language,tag",
    [("cpp", "cpp"), ("cpp", "c++"), ("cpp", "C++"), ("java", "java"), ("go", "go"), ("go", "golang"),
     ("rust", "rust"), ("rust", "rs"), ("javascript", "javascript"), ("javascript", "js"),
     ("python3", "python"), ("python3", "Python"), ("python3", "py"), ("python3", "python3")],
)
def test_fence_names_per_language(language: str, tag: str) -> None:
    assert extract_code(f"```{tag}\nX\n```", language).code == "X\n"


def test_headings_and_hashes_inside_code_survive() -> None:
    text = "### Solution\n\n```python\n### a comment with hashes\nprint('###')\n```\n\n### Notes\nnone"
    assert extract_code(text, "python3").code == "### a comment with hashes\nprint('###')\n"


def test_backticks_inside_code_strings() -> None:
    text = 'Here:\n```python\nfence = "```"\nprint(f"{fence}python")\ns = "``"\n```\n'
    assert extract_code(text, "python3").code == 'fence = "```"\nprint(f"{fence}python")\ns = "``"\n'


def test_longer_outer_fence_holds_inner_fence_lines() -> None:
    text = '````python\nDOC = """\n```python\nx = 1\n```\n"""\nprint(DOC)\n````\n'
    assert extract_code(text, "python3").code == 'DOC = """\n```python\nx = 1\n```\n"""\nprint(DOC)\n'


def test_tilde_fences() -> None:
    text = "~~~python\nprint('tilde')\n```\nstill code\n~~~\n"
    assert extract_code(text, "python3").code == "print('tilde')\n```\nstill code\n"


def test_crlf_output() -> None:
    text = "Answer:\r\n```python\r\nimport sys\r\nprint(sys.stdin.read())\r\n```\r\n"
    assert extract_code(text, "python3").code == "import sys\nprint(sys.stdin.read())\n"


def test_indented_fence_in_list_item() -> None:
    text = "1. Code:\n   ```go\n   package main\n\n   func main() {}\n   ```\n"
    assert extract_code(text, "go").code == "package main\n\nfunc main() {}\n"


def test_inline_triple_backticks_do_not_open_a_block() -> None:
    text = "Use ```python``` fences.\n```python\nprint(1)\n```"
    assert extract_code(text, "python3").code == "print(1)\n"


def test_info_string_with_attributes() -> None:
    assert extract_code("```python title=solution.py\nprint(1)\n```", "python3").code == "print(1)\n"
    assert extract_code("```{.cpp}\nint main(){}\n```", "cpp").code == "int main(){}\n"


def test_empty_final_block_falls_back_to_previous() -> None:
    text = "```python\nprint(1)\n```\n```python\n\n```"
    assert extract_code(text, "python3").code == "print(1)\n"


def test_parse_blocks_reports_unclosed() -> None:
    blocks = parse_blocks("```python\na\n```\n```rust\nfn main(){")
    assert [(b.tag, b.closed) for b in blocks] == [("python", True), ("rust", False)]


def test_unclosed_wrong_language_block_is_wrong_language() -> None:
    assert extract_code("```java\nclass Main {}\n", "python3", "stop").reason == WRONG_LANGUAGE
