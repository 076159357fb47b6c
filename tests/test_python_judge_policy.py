"""How imported problems' answers are compared (``comparison_for``): the
"all the sequences, in no stated order" rule (no Docker)."""

from __future__ import annotations

from contest_eval.problems.answers import comparison_for

WORD_LADDER_II = (
    "Given two words, beginWord and endWord, and a dictionary wordList, return all the shortest transformation "
    "sequences from beginWord to endWord, or an empty list if no such sequence exists. Each sequence should be "
    "returned as a list of the words [beginWord, s1, s2, ..., sk]."
)


def test_all_the_sequences_without_an_order_are_a_set() -> None:
    assert comparison_for(WORD_LADDER_II, "string[][]").compare == "unordered"
    assert comparison_for("Return all possible palindrome partitioning of s.", "string[][]").compare == "unordered"
    assert comparison_for("Return an array of all the palindrome pairs of words.", "integer[][]").compare == "unordered"


def test_an_order_word_or_a_flat_list_keeps_exact() -> None:
    # A word of order anywhere in the statement: the listing order may be the answer.
    assert comparison_for("Find all pairs with the minimum difference. Return a list of pairs in ascending order.",
                          "integer[][]").compare == "exact"
    assert comparison_for(WORD_LADDER_II + " The sequences are sorted.", "string[][]").compare == "exact"
    # A flat list: "return all elements of the matrix in spiral order" and the like.
    assert comparison_for("Given a 2D integer array nums, return all elements of nums.", "integer[]").compare == "exact"
    # Not "all" of anything.
    assert comparison_for("Return the shortest transformation sequence.", "string[][]").compare == "exact"
    # "Return any of them" still means not judged at all.
    assert comparison_for("Return all of them. If there are several answers, return any of them.",
                          "integer[][]").compare is None


def test_a_pin_word_before_any_does_not_pin_the_answer() -> None:
    # LeetCode 943: any shortest superstring is accepted; "smallest" describes the set, not one answer.
    free = comparison_for("If there are multiple valid strings of the smallest length, return any of them.", "string")
    assert free.compare is None and free.flag.startswith("multi-answer")
    # After "any", a pin word still picks one answer out.
    pinned = comparison_for("If several indices qualify, return any index with the smallest value.", "integer")
    assert pinned.compare == "exact"


def test_any_order_inside_the_lists_frees_only_the_inner_lists() -> None:
    text = ("Return a list answer of size 2 where answer[0] is a list of all distinct integers in nums1 which are not "
            "present in nums2. Note that the integers in the lists may be returned in any order.")
    assert comparison_for(text, "integer[][]").compare == "unordered_inner"
    assert comparison_for("You may return the answer in any order.", "integer[][]").compare == "unordered"
