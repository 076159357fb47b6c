"""Codeforces scraper over real HTTP against a local server.

What is real and what is built:
- ``problemset.problems`` is the REAL recorded response (shared/data/fixtures/codeforces,
  7579 problems), served unchanged.
- The 118A statement page is BUILT from the documented structure (scraping.md §2.2); the
  expected parse it must reproduce is REAL (competitive-companion's expected result).
- ``contest.list``/``contest.standings`` bodies are BUILT envelopes whose problem entries are
  copied from the real problemset; start times are illustrative.
- The three ``<pre>`` encodings, the Cloudflare page and the layout change are BUILT pages.
See tests/fixtures/scrape/codeforces/README.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from contest_eval.problems.record import Example, ProblemRecord, Rejected
from contest_eval.scrape.codeforces import (
    MIN_INTERVAL_S, CodeforcesScraper, ScrapedProblem, check_api, is_blocked, parse_memory_limit,
    parse_problem_page, parse_time_limit,
)
from contest_eval.scrape.http import PoliteClient, ScrapeError
from tests.scrape_server import Reply, Request, ScrapeServer

from conftest import SHARED_DATA

RECORDED = SHARED_DATA / "fixtures" / "codeforces"
BUILT = Path(__file__).parent / "fixtures" / "scrape" / "codeforces"
START_118 = datetime.fromtimestamp(1317999600, tz=timezone.utc)  # illustrative, from the built envelope


def _standings(req: Request) -> Reply:
    cid = req.query.get("contestId", [""])[0]
    path = BUILT / f"standings_{cid}.json"
    if path.exists():
        return Reply.file(path)
    return Reply.json({"status": "FAILED", "comment": f"contestId: Contest with id {cid} not found"}, status=400)


@pytest.fixture
def server() -> Iterator[ScrapeServer]:
    with ScrapeServer() as srv:
        srv.route("/api/problemset.problems", Reply.file(RECORDED / "cs5131_problemset.problems.json"))
        srv.route("/api/contest.list", Reply.file(BUILT / "contest_list.json"))
        srv.route("/api/contest.standings", _standings)
        srv.route("/contest/118/problem/A", Reply.file(BUILT / "118A.html"))
        srv.route("/contest/118/problem/B", Reply.file(BUILT / "cloudflare_403.html", status=403))
        srv.route("/contest/118/problem/C", Reply.file(BUILT / "no_samples.html"))
        # /contest/118/problem/D has no route: the server answers 404.
        srv.route("/contest/118/problem/E", Reply(500, {"Content-Type": "text/plain"}, "oops"))
        srv.route("/contest/1644/problem/A", Reply.file(BUILT / "pre_lines.html"))
        yield srv


@pytest.fixture
def scraper(server: ScrapeServer) -> CodeforcesScraper:
    client = PoliteClient(min_interval_s={"127.0.0.1": 0.0}, retries=1, backoff_s=0.01, timeout_s=10)
    return CodeforcesScraper(client, base_url=server.base_url)


def test_min_interval_matches_documented_api_limit() -> None:
    assert MIN_INTERVAL_S == 2.0


def test_problemset_real_recording(scraper: CodeforcesScraper) -> None:
    """The real problemset.problems response: counts and specific problems."""
    problems = scraper.problemset()
    assert len(problems) == 7579
    by_slug = {p.slug: p for p in problems}
    assert len(by_slug) == 7579
    a = by_slug["118A"]
    assert (a.title, a.rating, a.tags, a.contest_slug, a.contest_index) == (
        "String Task", 1000.0, ["implementation", "strings"], "118", "A")
    assert (by_slug["118D"].title, by_slug["118D"].rating, by_slug["118D"].tags) == ("Caesar's Legions", 1700.0, ["dp"])
    assert (by_slug["1A"].title, by_slug["1A"].rating, by_slug["1A"].tags) == ("Theatre Square", 1000.0, ["math"])
    basis = by_slug["1644F"]  # newest contest in the recording: not rated yet
    assert (basis.title, basis.rating) == ("Basis", None)
    assert basis.tags == ["combinatorics", "fft", "math", "number theory"]
    assert sum(p.rating is None for p in problems) == 192
    assert all(p.kind == "stdin" and p.release_time is None and p.platform == "codeforces" for p in problems)


def test_contests_window_finished_only(scraper: CodeforcesScraper, server: ScrapeServer) -> None:
    contests = scraper.contests(since=date(2011, 1, 1), until=date(2022, 3, 1))
    # Contest 1 starts before `since`; BEFORE/CODING/SYSTEM_TEST contests are not finished.
    assert [c.slug for c in contests] == ["118", "1644"]
    c118 = contests[0]
    assert c118.title == "Codeforces Beta Round 89 (Div. 2)"
    assert c118.start_time == START_118 and c118.start_time.tzinfo is timezone.utc
    assert c118.duration_s == 7200
    assert c118.problem_slugs == ["118A", "118B", "118C", "118D", "118E"]
    assert contests[1].problem_slugs == ["1644A", "1644B", "1644C", "1644D", "1644E", "1644F"]
    assert server.hits("/api/contest.list")[0].query["gym"] == ["false"]
    for hit in server.hits("/api/contest.standings"):
        assert (hit.query["from"], hit.query["count"]) == (["1"], ["1"])


def test_statement_page_reproduces_real_expected_parse(scraper: CodeforcesScraper, server: ScrapeServer) -> None:
    """118A: the page is BUILT from the documented structure; the expected result is REAL
    (competitive-companion tests/data/codeforces/problem/normal.json)."""
    expected = json.loads((RECORDED / "competitive-companion_expected_problem_normal.json").read_text())["result"]
    page = parse_problem_page((BUILT / "118A.html").read_text(), "118A")
    assert not isinstance(page, Rejected)
    assert page.header == expected["name"]
    assert f"Codeforces - {page.contest_name}" == expected["group"]
    assert (page.time_limit_ms, page.memory_limit_mb) == (expected["timeLimit"], expected["memoryLimit"])
    assert [(e.input, e.output) for e in page.examples] == [(t["input"], t["output"]) for t in expected["tests"]]

    a = scraper.problems(118)[0]
    assert isinstance(a, ScrapedProblem) and a.warnings == []
    assert (a.slug, a.title, a.contest_index, a.kind) == ("118A", "String Task", "A", "stdin")
    assert (a.time_limit_ms, a.memory_limit_mb, a.rating) == (2000, 256, 1000.0)
    assert a.release_time == START_118
    assert a.examples[0] == Example("tour\n", ".t.r\n")
    assert "deletes" not in a.statement_text and "delete all the vowels" in a.statement_text
    assert "time limit per test" not in a.statement_text  # limits live in their own fields
    assert "$1$ to $100$" in a.statement_text
    assert server.hits("/contest/118/problem/A")[0].query["locale"] == ["en"]


def test_blocked_missing_and_failing_pages_fall_back_to_api_metadata(scraper: CodeforcesScraper) -> None:
    _, b, c, d, e = scraper.problems(118)
    # B: Cloudflare challenge (403) -> metadata with a clear warning, nothing invented.
    assert isinstance(b, ScrapedProblem)
    assert (b.title, b.rating, b.tags) == ("Present from Lena", 1000.0, ["constructive algorithms", "implementation"])
    assert b.release_time == START_118
    assert b.examples == [] and b.statement_html == "" and b.time_limit_ms is None
    assert len(b.warnings) == 1 and "blocked" in b.warnings[0] and "Cloudflare" in b.warnings[0]
    assert "API metadata only" in b.warnings[0]
    # C: the page came back but its layout changed -> Rejected with the reason, no exception.
    assert isinstance(c, Rejected) and c.where == "118C" and "sample-tests" in c.reason
    # D: 404, E: 500 after retries -> metadata with a warning naming the status.
    assert isinstance(d, ScrapedProblem) and "not available" in d.warnings[0] and "404" in d.warnings[0]
    assert isinstance(e, ScrapedProblem) and "500" in e.warnings[0]


def test_multitest_page_through_server(scraper: CodeforcesScraper) -> None:
    results = scraper.problems("1644")
    a = results[0]
    assert isinstance(a, ProblemRecord) and a.title == "Doors and Keys"
    assert a.examples == [Example("4\nrgbBRG\nRgbrBG\nbBrRgG\nrgRGBb\n", "YES\nNO\nYES\nNO\n")]
    assert all(isinstance(p, ScrapedProblem) and p.warnings for p in results[1:])


@pytest.mark.parametrize("name", ["pre_plain.html", "pre_br.html", "pre_lines.html"])
def test_three_pre_encodings_parse_alike(name: str) -> None:
    page = parse_problem_page((BUILT / name).read_text(), "1644A")
    assert not isinstance(page, Rejected)
    assert page.examples == [Example("4\nrgbBRG\nRgbrBG\nbBrRgG\nrgRGBb\n", "YES\nNO\nYES\nNO\n")]
    # The stored statement shows samples one line each, without "Copy" buttons.
    assert "rgbBRG\nRgbrBG" in page.statement_html and "Copy" not in page.statement_html


def test_statement_nested_past_the_recursion_limit_parses() -> None:
    """The stored statement is re-serialised from the tree: 100,000 nested
    ``<div>`` in the legend must not end in RecursionError."""
    depth = 100_000
    html = (BUILT / "pre_br.html").read_text()
    marker = '<div class="input-specification">'
    assert marker in html
    html = html.replace(marker, "<div>" * depth + "<p>deep</p>" + "</div>" * depth + marker, 1)
    page = parse_problem_page(html, "1644A")
    assert not isinstance(page, Rejected)
    assert page.examples == [Example("4\nrgbBRG\nRgbrBG\nbBrRgG\nrgRGBb\n", "YES\nNO\nYES\nNO\n")]
    assert page.statement_html.count("<div>") >= depth and "<p>deep</p>" in page.statement_html


def test_nested_sample_blocks_cost_linear_time() -> None:
    # Searching each of n nested div.input for its <pre> is n²/2 steps: minutes at this depth.
    depth = 30_000
    html = (BUILT / "pre_br.html").read_text()
    marker = '<div class="sample-test"><div class="input">'
    assert marker in html
    page = parse_problem_page(html.replace(marker, marker + '<div class="input">' * depth, 1), "1644A")
    assert isinstance(page, Rejected) and page.reason == f"sample tests unreadable: {depth + 1} input and 1 output blocks"


def test_api_failed_status_is_a_clear_error(scraper: CodeforcesScraper) -> None:
    with pytest.raises(ScrapeError, match=r"contest.standings failed: contestId: Contest with id 999999 not found"):
        scraper.problems(999999)
    with pytest.raises(ScrapeError, match="contest.list failed: Call limit exceeded"):
        check_api({"status": "FAILED", "comment": "Call limit exceeded"}, "contest.list")


def test_truncated_api_json_is_a_clear_error(server: ScrapeServer, scraper: CodeforcesScraper) -> None:
    body = (BUILT / "contest_list.json").read_bytes()[:200]
    server.route("/api/contest.list", Reply(200, {"Content-Type": "application/json"}, body))
    with pytest.raises(ScrapeError, match=r"JSON from .*contest\.list"):
        scraper.contests()


def test_layout_changes_are_rejected_not_raised() -> None:
    assert isinstance(parse_problem_page("<html><body><p>Welcome</p></body></html>", "x"), Rejected)
    html = (BUILT / "118A.html").read_text()
    no_limits = html.replace('class="time-limit"', 'class="tl"')
    assert "time-limit" in parse_problem_page(no_limits, "118A").reason  # type: ignore[union-attr]
    interactive = html.replace('<div class="sample-tests">',
                               '<div class="interaction"><div class="section-title">Interaction</div></div>'
                               '<div class="sample-tests">')
    assert "interactive" in parse_problem_page(interactive, "118A").reason  # type: ignore[union-attr]


def test_block_detection_does_not_flag_normal_pages() -> None:
    cf = (BUILT / "cloudflare_403.html").read_text()
    assert is_blocked(403, cf) and is_blocked(200, cf)
    # Real pages load Cloudflare's challenge-platform script too (the built 118A page does).
    assert not is_blocked(200, (BUILT / "118A.html").read_text())


@pytest.mark.parametrize("text,ms", [("2 seconds", 2000), ("1 second", 1000), ("2.5 seconds", 2500), ("500 ms", 500)])
def test_time_limits(text: str, ms: int) -> None:
    assert parse_time_limit(text) == ms


@pytest.mark.parametrize("text,mb", [("256 megabytes", 256), ("1024 megabytes", 1024), ("65536 kilobytes", 64)])
def test_memory_limits(text: str, mb: int) -> None:
    assert parse_memory_limit(text) == mb
