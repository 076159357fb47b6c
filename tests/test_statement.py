"""Statement HTML utilities on real LeetCode HTML (doocs and GraphQL) and on hostile markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contest_eval.problems.statement import extract_constraints, extract_examples, html_to_text

from conftest import SHARED_DATA as DATA, missing_shared_data
PROBLEMS = DATA / "leetcode" / "problems"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(missing_shared_data(path, "real LeetCode statements / recorded LeetCode responses"))
    return path


def _statement(slug: str) -> str:
    text = (_need(PROBLEMS) / slug / "README_EN.md").read_text(encoding="utf-8")
    return text.split("<!-- description:start -->")[1].split("<!-- description:end -->")[0]


def _two_sum_html() -> str:
    path = _need(DATA / "fixtures" / "leetcode" / "alfa_selectProblem.json")
    return json.loads(path.read_text(encoding="utf-8"))["data"]["question"]["content"]


# --------------------------------------------------------------------------- html_to_text

def test_text_paragraphs_lists_sup_entities_code() -> None:
    html = ("<p>Given <code>nums</code>&nbsp;and <em>k</em>.</p>\n<ul>\n\t<li><code>1 &lt;= n &lt;= 10<sup>5</sup></code></li>"
            "\n\t<li>a &amp; b &#39;x&#39; &quot;y&quot;</li>\n</ul><p>Last</p>")
    assert html_to_text(html) == "Given nums and k.\n\n- 1 <= n <= 10^5\n- a & b 'x' \"y\"\n\nLast"


def test_text_images_br_pre_and_nesting() -> None:
    html = ('<p><img alt="" src="x.png" /> picture</p><p>one<br>two</p><pre>  keep\n    spaces</pre>'
            "<ol><li>first<ul><li>inner</li></ul></li><li>second</li></ol>")
    assert html_to_text(html) == "[image] picture\n\none\ntwo\n\n  keep\n    spaces\n\n1. first\n  - inner\n2. second"


def test_text_drops_zero_width_spaces_and_collapses_whitespace() -> None:
    assert html_to_text("<p>a\u200b\u200b   b\n\n c</p>\n\n\n<p></p><p>d</p>") == "a b c\n\nd"


def test_text_tolerates_broken_markup() -> None:
    assert html_to_text("") == ""
    assert html_to_text("</div><p>open <b>bold <i>both</p> tail") == "open bold both\n\ntail"
    assert html_to_text("<p>a <unknown x=1>b</unknown> &bogus; c") == "a b &bogus; c"


def test_text_of_real_statement() -> None:
    text = html_to_text(_statement("password-strength"))
    assert text.startswith("You are given a string password.\n\nThe strength of the password")
    assert "- 1 point for each distinct lowercase letter ('a' to 'z')." in text
    assert "- 1 <= password.length <= 10^5" in text
    assert "<" not in text.replace("<=", "")


def test_text_renders_tables_one_row_per_line() -> None:
    text = html_to_text(_statement("minimum-cost-to-buy-apples-ii"))
    assert "Shop i | prices[i] | Shop j |" in text
    assert "\n0 | 8 | 1 | 3 | 1 | 2 | 1 | 1 * 2 = 2 | 1 + 2 + 3 = 6 | min(8, 6) = 6\n" in text
    assert "roads[i] = [u_i, v_i, cost_i, tax_i]" in text


@pytest.mark.parametrize("depth", [3_000, 100_000])
def test_nesting_far_past_the_recursion_limit(depth: int) -> None:
    # The old home-made DOM walked the tree recursively: RecursionError at ~1,000.
    example = "<pre><strong>Input:</strong> x = 1\n<strong>Output:</strong> 2</pre>"
    html = ("<div>" * depth + "<p>deep <sup>2</sup></p>" + example + "</div>" * depth
            + "<p><strong>Constraints:</strong></p><ul><li>1 &lt;= x</li></ul>")
    assert html_to_text(html) == "deep ^2\n\nInput: x = 1\nOutput: 2\n\nConstraints:\n\n- 1 <= x"
    assert [(e.input_text, e.output_text) for e in extract_examples(html)] == [("x = 1", "2")]
    assert extract_constraints(html) == ["1 <= x"]


@pytest.mark.parametrize("tag", ["b", "pre", "h3"])
def test_nested_label_tags_cost_linear_time(tag: str) -> None:
    # Reading the text of each of n nested <b>/<pre>/<h3> to test it for a
    # label is n²/2 steps: at this depth that took many minutes.
    depth = 30_000
    html = (f"<{tag}>" * depth + "<strong>Input:</strong> x = 1\n<b>Output:</b> 2" + f"</{tag}>" * depth
            + "<p><strong>Constraints:</strong></p><ul><li>1 &lt;= x</li></ul>")
    examples = [(e.input_text, e.output_text) for e in extract_examples(html)]
    assert examples == ([("x = 1", "2")] if tag == "pre" else [])
    assert extract_constraints(html) == ["1 <= x"]


# --------------------------------------------------------------------------- examples

def test_examples_new_format_real() -> None:
    exs = extract_examples(_statement("password-strength"))
    assert [(e.input_text, e.output_text) for e in exs] == [('password = "aA1!"', "11"), ('password = "bbB11#"', "11")]
    assert exs[0].explanation.startswith("- The distinct characters are 'a', 'A', '1' and '!'.")


def test_examples_image_between_output_and_explanation() -> None:
    exs = extract_examples(_statement("largest-local-values-in-a-matrix-ii"))
    assert len(exs) == 4
    assert exs[0].output_text == "1"
    assert exs[0].explanation.startswith("[image]")


def test_examples_old_pre_format_real_graphql_content() -> None:
    exs = extract_examples(_two_sum_html())
    assert [(e.input_text, e.output_text) for e in exs] == [
        ("nums = [2,7,11,15], target = 9", "[0,1]"), ("nums = [3,2,4], target = 6", "[1,2]"),
        ("nums = [3,3], target = 6", "[0,1]")]
    assert exs[0].explanation == "Because nums[0] + nums[1] == 9, we return [0, 1]."
    assert exs[1].explanation == ""


def test_examples_design_both_formats() -> None:
    new = ('<div class="example-block"><p><strong>Input:</strong><br /><span class="example-io">'
           '[&quot;Counter&quot;, &quot;add&quot;]<br />[[], [3]]</span></p>'
           '<p><strong>Output:</strong> <span class="example-io">[null, 3]</span></p></div>')
    old = ("<pre><strong>Input</strong>\n[&quot;Counter&quot;, &quot;add&quot;]\n[[], [3]]\n"
           "<strong>Output</strong>\n[null, 3]\n\n<strong>Explanation</strong>\nCounter c = new Counter();\n</pre>")
    for html in (new, old):
        (ex,) = extract_examples(html)
        assert ex.input_text == '["Counter", "add"]\n[[], [3]]'
        assert ex.output_text == "[null, 3]"
    assert extract_examples(old)[0].explanation == "Counter c = new Counter();"


def test_examples_plain_text_labels_and_b_tags() -> None:
    html = "<pre>Input: s = &quot;ab&quot;\nOutput: 2\n</pre><pre><b>Input:</b> x = 1\n<b>Output:</b> true</pre>"
    assert [(e.input_text, e.output_text) for e in extract_examples(html)] == [('s = "ab"', "2"), ("x = 1", "true")]


def test_examples_skip_non_examples_and_hostile_html() -> None:
    assert extract_examples("") == []
    assert extract_examples("<pre>int x = 1;</pre><div class='example-block'><p>no labels</p></div>") == []
    # An unclosed block and a stray end tag still give the example that is there.
    html = '<div class="example-block"><p><strong>Input:</strong> a = [1,2</p></span><p><strong>Output:</strong> 3'
    assert [(e.input_text, e.output_text) for e in extract_examples(html)] == [("a = [1,2", "3")]


def test_every_real_statement_has_examples_and_constraints() -> None:
    for folder in sorted(_need(PROBLEMS).iterdir()):
        html = _statement(folder.name)
        exs = extract_examples(html)
        assert len(exs) >= 2, folder.name
        assert all(e.input_text and e.output_text for e in exs), folder.name
        assert "=" in exs[0].input_text, folder.name
        assert len(extract_constraints(html)) >= 1, folder.name


# --------------------------------------------------------------------------- constraints

def test_constraints_real() -> None:
    assert extract_constraints(_statement("password-strength")) == [
        "1 <= password.length <= 10^5",
        'password consists of lowercase and uppercase English letters, digits, and special characters from "!@#$".']
    assert extract_constraints(_two_sum_html()) == [
        "2 <= nums.length <= 10^4", "-10^9 <= nums[i] <= 10^9", "-10^9 <= target <= 10^9", "Only one valid answer exists."]


def test_constraints_absent_or_odd() -> None:
    assert extract_constraints("<p>No constraints section here.</p><ul><li>x</li></ul>") == []
    assert extract_constraints("<p><strong>Constraints:</strong></p>") == []
    assert extract_constraints("<strong>Constraints:</strong><ol><li>a <code>&lt;</code> b</li><li></li></ol>") == ["a < b"]
