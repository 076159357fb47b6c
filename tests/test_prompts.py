"""The prompt: one template, starter code fenced in the target language, one answer instruction."""

from __future__ import annotations

import re

import pytest

from contest_eval.generate import prompts
from contest_eval.generate.extract import extract_code
from contest_eval.generate.prompts import build_messages, template_hash

STATEMENT = "Given an array `nums` and an integer `k`, return the number of pairs {i, j} with nums[i] + nums[j] == k.\n\n### Example 1\nInput: nums = [1,2,3], k = 4\nOutput: 1\n\nCosts $5 and 100% of {x}."
STARTER = "class Solution:\n    def countPairs(self, nums: List[int], k: int) -> int:\n        "


def test_messages_shape_and_roles() -> None:
    messages = build_messages(STATEMENT, "python3", STARTER, None)
    assert [m["role"] for m in messages] == ["system", "user"]
    assert all(isinstance(m["content"], str) and m["content"] for m in messages)


def test_statement_verbatim_and_starter_fenced_in_target_language() -> None:
    user = build_messages(STATEMENT, "python3", STARTER, None)[1]["content"]
    assert STATEMENT in user  # $, {}, % and ### pass through untouched
    assert "```python\nclass Solution:\n    def countPairs(self, nums: List[int], k: int) -> int:\n```" in user
    # The starter block is itself a parseable python block (the model sees a clean fence).
    assert extract_code(user.split("Answer with")[0], "python3").code.startswith("class Solution:")


def test_exactly_one_answer_instruction() -> None:
    for starter, hint in ((STARTER, None), (None, "def solve(n: int) -> int"), (None, None)):
        user = build_messages(STATEMENT, "python3", starter, hint)[1]["content"]
        assert len(re.findall(r"single fenced code block", user)) == 1
        assert user.rstrip().endswith("complete Python 3 solution.")


@pytest.mark.parametrize(
    "language,tag,name",
    [("cpp", "cpp", "C++"), ("java", "java", "Java 21"), ("go", "go", "Go"), ("rust", "rust", "Rust"),
     ("javascript", "javascript", "JavaScript"), ("python3", "python", "Python 3")],
)
def test_target_language_tag_and_name(language: str, tag: str, name: str) -> None:
    system, user = (m["content"] for m in build_messages("Print 1.", language, "// starter", None))
    assert f"```{tag}\n// starter\n```" in user
    assert f"in {name}" in system
    assert f"starts with ```{tag} " in user


def test_stdin_problem_without_starter() -> None:
    user = build_messages("Read two integers and print their sum.", "cpp", None, None)[1]["content"]
    assert "standard input" in user and "standard output" in user
    assert "starter" not in user


def test_signature_hint_without_starter() -> None:
    user = build_messages("Sum.", "go", None, "func sum(a int, b int) int")[1]["content"]
    assert "func sum(a int, b int) int" in user and "standard input" not in user


def test_signature_hint_with_starter_is_added() -> None:
    user = build_messages("Sum.", "python3", STARTER, "countPairs(nums, k) -> int")[1]["content"]
    assert "countPairs(nums, k) -> int" in user and "```python\nclass Solution" in user


def test_starter_with_backticks_gets_a_longer_fence() -> None:
    user = build_messages("x", "python3", 'S = "```"\n', None)[1]["content"]
    assert '````python\nS = "```"\n````' in user


def test_crlf_statement_normalised_and_empty_rejected() -> None:
    user = build_messages("a\r\nb", "python3")[1]["content"]
    assert "a\nb" in user and "\r" not in user
    with pytest.raises(ValueError):
        build_messages("  \n", "python3")


def test_template_hash_is_stable_and_tracks_template_text(monkeypatch: pytest.MonkeyPatch) -> None:
    first = template_hash()
    assert re.fullmatch(r"[0-9a-f]{64}", first) and template_hash() == first
    monkeypatch.setattr(prompts, "_TEMPLATES", prompts._TEMPLATES[:-1] + (prompts.INSTRUCTION + " ",))
    assert template_hash() != first


def test_no_stop_marker_dependence() -> None:
    # The template itself has no "###" sections (LiveCodeBench's prompt was built around them).
    for part in prompts._TEMPLATES:
        assert "###" not in part
