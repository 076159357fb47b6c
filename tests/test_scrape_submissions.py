"""Accepted contest submissions with their source, over a real local HTTP server.

The responses are hand-written in the real shapes (tests/fixtures/submissions/README.md
says where each shape comes from)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from contest_eval.scrape.http import PoliteClient, ScrapeError
from contest_eval.scrape.submissions import (
    SubmissionScraper, judge_language, parse_leetcode_ranking, parse_source, parse_status,
)
from contest_eval.suite.draft.references import enough, from_submissions
from tests.scrape_server import Reply, ScrapeServer

FIXTURES = Path(__file__).parent / "fixtures" / "submissions"


@pytest.fixture
def server() -> Iterator[ScrapeServer]:
    with ScrapeServer() as srv:
        srv.route("/api/contest.status", Reply.file(FIXTURES / "codeforces_contest_status.json"))
        srv.route("/contest/2101/submission/318000005", Reply.file(FIXTURES / "codeforces_submission_318000005.html"))
        srv.route("/contest/2101/submission/318000003", Reply.file(FIXTURES / "codeforces_submission_318000003.html"))
        srv.route("/contest/2101/submission/318000000", Reply.file(FIXTURES / "codeforces_submission_hidden.html"))
        yield srv


@pytest.fixture
def scraper(server: ScrapeServer) -> SubmissionScraper:
    client = PoliteClient(min_interval_s={"127.0.0.1": 0.0}, retries=1, backoff_s=0.01, timeout_s=10)
    return SubmissionScraper(client, base_url=server.base_url)


def test_accepted_submissions_with_source_over_http(scraper: SubmissionScraper, server: ScrapeServer) -> None:
    found, skipped = scraper.with_source(2101, "B", limit=5)
    # Newest first, one per author, final tests only, judge languages only: the PRETESTS
    # copy, the wrong answer, problem A and the Kotlin one are left out.
    assert [(s.submission_id, s.author, s.language) for s in found] == [
        (318000005, "pyuser", "python3"), (318000003, "cpp_main", "cpp")]
    assert skipped == ["318000000: the page shows no source"]
    py, cpp = found
    assert "if a < b or a >= b:" in py.code  # raw '<' inside the <pre> is text, not a tag
    assert cpp.code.startswith("#include <bits/stdc++.h>\n") and "cin >> a >> b;" in cpp.code
    assert "// a & b are both positive: 'sum' fits" in cpp.code and 'cout << a + b << "\\n";' in cpp.code
    status = [r for r in server.requests if r.path == "/api/contest.status"]
    assert len(status) == 1 and status[0].query["contestId"] == ["2101"] and status[0].query["from"] == ["1"]
    assert not any(r.path.endswith("318000006") for r in server.requests)  # Kotlin: never fetched
    refs = from_submissions(found)
    assert {r.author for r in refs} == {"codeforces:pyuser", "codeforces:cpp_main"}
    assert enough(refs) is None  # two authors: two independent references


def test_limit_stops_fetching_pages(scraper: SubmissionScraper, server: ScrapeServer) -> None:
    found, _ = scraper.with_source(2101, "B", limit=1, languages=("cpp",))
    assert [s.submission_id for s in found] == [318000003]
    pages = [r.path for r in server.requests if "/submission/" in r.path]
    assert pages == ["/contest/2101/submission/318000003"]


def test_failed_envelope_and_missing_page_are_clear(scraper: SubmissionScraper, server: ScrapeServer) -> None:
    server.route("/api/contest.status",
                 Reply.json({"status": "FAILED", "comment": "contestId: Contest with id 2101 has not started"}, status=400))
    with pytest.raises(ScrapeError, match="contest.status failed: contestId: Contest with id 2101 has not started"):
        scraper.accepted(2101, "B")
    server.route("/api/contest.status", Reply.file(FIXTURES / "codeforces_contest_status.json"))
    server.route("/contest/2101/submission/318000005", Reply(404, {"Content-Type": "text/html"}, "not found"))
    found, skipped = scraper.with_source(2101, "B", limit=5)
    assert [s.submission_id for s in found] == [318000003]
    assert skipped[0].startswith("318000005: ") and skipped[1] == "318000000: the page shows no source"


def test_pure_parsers() -> None:
    payload = json.loads((FIXTURES / "codeforces_contest_status.json").read_text())
    assert [s.submission_id for s in parse_status(payload, "A")] == [318000001]
    assert parse_status(payload, "B", ("java",))[0].author == "hidden_one"  # out of competition counts
    assert parse_source("<html><body>nothing here</body></html>") is None
    assert parse_source('<pre id="program-source-text" class="x">  \n</pre>') is None
    assert [judge_language(n) for n in ("GNU C++17", "C++23 (GCC 14-64, msys2)", "PyPy 3", "Python 3", "Java 8",
                                        "Go", "Rust 2021", "Node.js 15.8.0 (64bit)", "Kotlin 1.9", "Pascal")] == \
        ["cpp", "cpp", "python3", "python3", "java", "go", "rust", "javascript", None, None]
    with pytest.raises(ScrapeError):
        parse_status({"status": "OK", "result": {}}, "A")
    # Malformed entries cost themselves only.
    odd = [{"problem": "A", "author": {}}, {"problem": {"index": "A"}, "author": {"members": 7}}, "x",
           {**payload["result"][-2], "id": "not a number"}]
    assert [s.submission_id for s in parse_status({"status": "OK", "result": odd + payload["result"]}, "A")] == [318000001]


def test_leetcode_ranking_lists_submission_ids_but_no_code() -> None:
    subs = parse_leetcode_ranking(json.loads((FIXTURES / "leetcode_contest_ranking.json").read_text()))
    assert [(s.username, s.question_id, s.submission_id, s.language) for s in subs] == [
        ("alice_lc", 3941, 1640000001, "python3"), ("alice_lc", 3942, 1640000002, "cpp"), ("bob_lc", 3941, 0, "java")]
    assert not any(hasattr(s, "code") for s in subs)
    with pytest.raises(ScrapeError):
        parse_leetcode_ranking({"total_rank": []})


def test_one_status_read_serves_every_problem_of_the_contest(scraper: SubmissionScraper, server: ScrapeServer) -> None:
    assert [s.submission_id for s in scraper.accepted(2101, "A")] == [318000001]
    assert [s.submission_id for s in scraper.accepted(2101, "B", languages=("cpp",))] == [318000003]
    assert len(server.hits("/api/contest.status")) == 1


def test_weekly_references_go_through_the_contest_source_and_skip_what_cannot_be_read(server: ScrapeServer) -> None:
    """The weekly job's references: the source's own client and base URL; a 403 page, a hidden
    source and an unreadable submission list are skipped with a logged reason, never raised."""
    from contest_eval.run.weekly_refs import SubmissionReferences
    from contest_eval.scrape.source import ContestSource
    from contest_eval.suite.store import ProblemKey

    server.route("/contest/2101/submission/318000005", Reply.html("<html>Forbidden</html>", status=403))
    src = ContestSource("codeforces", server.base_url, min_interval=0.0)
    logged: list[str] = []
    refs = SubmissionReferences({"codeforces": src}, limit=3, log=logged.append)
    found, skipped = refs(ProblemKey("codeforces", "2101B", "2101", "B"))
    assert [(r.origin, r.author, r.language, r.name) for r in found] == [
        ("codeforces", "codeforces:cpp_main", "cpp", "cpp_main-318000003")]
    assert skipped[0].startswith("submission 318000005: ") and "403" in skipped[0]
    assert skipped[1] == "submission 318000000: the page shows no source"
    assert any(line.startswith("2101B: submission skipped: 318000005: ") for line in logged)
    assert refs(ProblemKey("codeforces", "2101B", "2101", "B")) == (found, skipped)  # asked once per job
    assert len(server.hits("/api/contest.status")) == 1

    server.route("/api/contest.status", Reply(200, {"Content-Type": "application/json"}, '{"status": "OK", "result": [{"id'))
    fresh = ContestSource("codeforces", server.base_url, min_interval=0.0)  # the first one keeps its good list
    found, skipped = SubmissionReferences({"codeforces": fresh}, log=logged.append)(ProblemKey("codeforces", "2101A", "2101", "A"))
    assert found == [] and len(skipped) == 1 and "contest 2101 submissions: truncated/invalid JSON" in skipped[0]
    leetcode = ContestSource("leetcode", server.base_url, min_interval=0.0)
    assert SubmissionReferences({"leetcode": leetcode})(ProblemKey("leetcode", "two-sum", "weekly-contest-1", "1")) == ([], [])
