"""AtCoder scraper over real HTTP against a local server.

What is real and what is built:
- The archive page and the abc399 (Japanese UI, "MB"), abc308 (English UI, "MiB") and
  codequeen2023 tasks pages are REAL recordings (shared/data/fixtures/atcoder), served unchanged.
- The abc096_a task page is BUILT from the documented structure (scraping.md §3); the expected
  parse it must reproduce is REAL (competitive-companion's expected result for abc096_a).
- Variants (older nested ``<pre>``, MiB/msec labels, no samples = layout change) are BUILT.
See tests/fixtures/scrape/atcoder/README.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from contest_eval.problems.record import Example, ProblemRecord, Rejected
from contest_eval.scrape.atcoder import (
    AtCoderScraper, ContestTasks, memory_limit_bytes, memory_limit_mb, parse_archive, parse_task_page,
    parse_tasks, time_limit_ms,
)
from contest_eval.scrape.http import PoliteClient
from tests.scrape_server import Reply, Request, ScrapeServer

from conftest import SHARED_DATA

RECORDED = SHARED_DATA / "fixtures" / "atcoder"
BUILT = Path(__file__).parent / "fixtures" / "scrape" / "atcoder"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def _archive(req: Request) -> Reply:
    page = req.query.get("page", ["1"])[0]
    real = (RECORDED / "atcoderproblems_contests_archive.html").read_text()
    if page == "1":  # the recorded rows, plus a pagination link the trimmed recording lacks
        return Reply.html(real.replace("</table>", '</table><ul class="pagination"><li>'
                                       '<a href="/contests/archive?lang=en&amp;page=2">2</a></li></ul>'))
    if page == "2":  # BUILT older row (illustrative), to exercise paging
        return Reply.html(real.split("<tbody>")[0] + "<tbody><tr><td><time class='fixtime fixtime-full'>"
                          "2019-09-16 21:00:00+0900</time></td><td><a href='/contests/abc141'>AtCoder Beginner "
                          "Contest 141</a></td><td>01:40</td><td> ~ 1999</td></tr></tbody></table></body></html>")
    return Reply.html("<html><body><table><tbody></tbody></table></body></html>")


@pytest.fixture
def server() -> Iterator[ScrapeServer]:
    with ScrapeServer() as srv:
        srv.route("/contests/archive", _archive)
        srv.route("/contests/abc399/tasks", Reply.file(RECORDED / "atcoderproblems_tasks.html"))
        srv.route("/contests/abc308/tasks", Reply.file(RECORDED / "atcoderproblems_tasks_abc308.html"))
        srv.route("/contests/codequeen2023-final-open/tasks",
                  Reply.file(RECORDED / "atcoderproblems_tasks_codequeen2023.html"))
        # No tasks page for abc096 (not recorded): the server answers 404 there.
        srv.route("/contests/abc096/tasks/abc096_a", Reply.file(BUILT / "abc096_a.html"))
        srv.route("/contests/abc399/tasks/abc399_a", Reply.file(BUILT / "abc096_a_no_samples.html"))
        srv.route("/contests/abc399/tasks/abc399_b", Reply(302, {"Location": "/login?continue=%2Fcontests"}))
        srv.route("/contests/abc399/tasks/abc399_c", Reply.file(BUILT / "abc096_a_mib.html"))
        yield srv


@pytest.fixture
def scraper(server: ScrapeServer) -> AtCoderScraper:
    client = PoliteClient(min_interval_s={"127.0.0.1": 0.0}, retries=1, backoff_s=0.01, timeout_s=10)
    return AtCoderScraper(client, base_url=server.base_url)


def test_archive_rows_real_recording(scraper: AtCoderScraper, server: ScrapeServer) -> None:
    contests = scraper.contests(since=date(2019, 9, 20), until=date(2019, 11, 1))
    # +0900 start times converted to UTC; oldest first.
    assert [(c.slug, c.title, c.start_time, c.duration_s) for c in contests] == [
        ("abc142", "AtCoder Beginner Contest 142", utc(2019, 9, 28, 12, 0), 6000),
        ("agc039", "AtCoder Grand Contest 039", utc(2019, 10, 5, 12, 0), 9000),
        ("kupc2019", "Kyoto University Programming Contest 2019", utc(2019, 10, 13, 4, 0), 18000),
    ]
    assert all(c.platform == "atcoder" and c.start_time.tzinfo is timezone.utc for c in contests)
    # Page 1 does not reach back to `since`, so page 2 (abc141, too old) is read too.
    assert [h.query["page"] for h in server.hits("/contests/archive")] == [["1"], ["2"]]
    assert server.hits("/contests/archive")[0].query["lang"] == ["en"]


def test_archive_stops_paging_once_past_since(scraper: AtCoderScraper, server: ScrapeServer) -> None:
    assert [c.slug for c in scraper.contests(since=date(2019, 10, 1))] == ["agc039", "kupc2019"]
    # Newest first: page 1 already reaches before `since`, so page 2 is never fetched.
    assert [h.query["page"] for h in server.hits("/contests/archive")] == [["1"]]


def test_archive_window_and_paging(scraper: AtCoderScraper, server: ScrapeServer) -> None:
    assert [c.slug for c in scraper.contests(until=datetime(2019, 10, 13, 4, 0, tzinfo=timezone.utc))] == [
        "abc141", "abc142", "agc039"]  # `until` is exclusive
    assert [h.query["page"] for h in server.hits("/contests/archive")] == [["1"], ["2"]]


def test_tasks_abc399_japanese_ui_mb(scraper: AtCoderScraper, server: ScrapeServer) -> None:
    got = scraper.contest("abc399")
    assert isinstance(got, ContestTasks)
    c = got.contest
    assert (c.slug, c.title, c.start_time, got.end_time, c.duration_s) == (
        "abc399", "AtCoder Beginner Contest 399", utc(2025, 3, 29, 12, 0), utc(2025, 3, 29, 13, 40), 6000)
    assert c.problem_slugs == [f"abc399_{x}" for x in "abcdefg"]
    assert [(t.index, t.title) for t in got.tasks][:2] == [("A", "Hamming Distance"), ("B", "Ranking with Ties")]
    assert [t.time_limit_ms for t in got.tasks] == [2000] * 6 + [6000]
    assert {t.memory_limit_mb for t in got.tasks} == {1024}  # "1024 MB" on this page
    assert server.hits("/contests/abc399/tasks")[0].query["lang"] == ["en"]


def test_tasks_abc308_english_ui_mib(scraper: AtCoderScraper) -> None:
    got = scraper.contest("abc308")
    assert isinstance(got, ContestTasks)
    assert got.contest.start_time == utc(2023, 7, 1, 12, 0) and got.contest.duration_s == 6000
    assert [t.index for t in got.tasks] == ["A", "B", "C", "D", "E", "F", "G", "Ex"]
    assert got.contest.problem_slugs[-1] == "abc308_h"  # index "Ex", task id "_h"
    assert [t.time_limit_ms for t in got.tasks][-2:] == [3000, 4000]
    assert {t.memory_limit_mb for t in got.tasks} == {1024}  # "1024 MiB" on this page


def test_tasks_codequeen2023(scraper: AtCoderScraper) -> None:
    got = scraper.contest("codequeen2023-final-open")
    assert isinstance(got, ContestTasks)
    assert got.contest.title == "CodeQUEEN 2023 決勝（オープンコンテスト）"
    assert got.contest.start_time == utc(2023, 8, 6, 4, 30) and got.contest.duration_s == 7200
    assert got.contest.problem_slugs == [f"codequeen2023_final_{x}" for x in "abcdef"]
    assert got.tasks[-1].title == "Queen's Crown"  # entity decoded, trailing tab dropped


def test_mb_and_mib_mean_the_same_limit() -> None:
    """1024 MiB = 1073741824 bytes; AtCoder's pre-2025 "MB" label meant the same binary limit."""
    assert memory_limit_bytes(1024, "MiB") == 1073741824 == memory_limit_bytes(1024, "MB")
    assert memory_limit_mb("1024 MiB") == memory_limit_mb("1024 MB") == 1024
    assert memory_limit_mb("256 MB") == 256 and memory_limit_mb("262144 KiB") == 256
    assert memory_limit_mb("1 GiB") == 1024 and memory_limit_mb("1000 KB") == 1  # rounded up, never 0
    assert time_limit_ms("2 sec") == 2000 and time_limit_ms("2500 msec") == 2500 and time_limit_ms("5.25 sec") == 5250


def test_task_page_reproduces_real_expected_parse(scraper: AtCoderScraper) -> None:
    """abc096_a: the page is BUILT from the documented structure; the expected result is REAL
    (competitive-companion tests/data/atcoder/problem/normal.json)."""
    expected = json.loads((RECORDED / "competitive-companion_expected_problem_normal.json").read_text())["result"]
    rec = scraper.problem("abc096", "abc096_a")
    assert isinstance(rec, ProblemRecord)
    assert f"{rec.contest_index} - {rec.title}" == expected["name"]
    assert (rec.time_limit_ms, rec.memory_limit_mb) == (expected["timeLimit"], expected["memoryLimit"])
    assert [(e.input, e.output) for e in rec.examples] == [(t["input"], t["output"]) for t in expected["tests"]]
    assert (rec.platform, rec.slug, rec.contest_slug, rec.kind) == ("atcoder", "abc096_a", "abc096", "stdin")
    # No tasks page for abc096 here, so the start comes from the task page's own nav bar.
    assert rec.release_time == utc(2018, 5, 5, 12, 0)
    # English section only: no Japanese prose, no editorial link text in the title.
    assert "Takahashi" in rec.statement_text and "問題文" not in rec.statement_text
    assert "Editorial" not in rec.title and "Sample Input 3" in rec.statement_text


def test_task_page_variants() -> None:
    nested = parse_task_page((BUILT / "abc096_a_nested_pre.html").read_text(), "abc096", "abc096_a")
    assert isinstance(nested, ProblemRecord)
    assert nested.examples == [Example("5 5\n", "5\n"), Example("2 1\n", "1\n"), Example("11 30\n", "11\n")]
    mib = parse_task_page((BUILT / "abc096_a_mib.html").read_text(), "abc096", "abc096_a")
    assert isinstance(mib, ProblemRecord) and (mib.time_limit_ms, mib.memory_limit_mb) == (2500, 1024)


def test_problems_release_time_is_contest_start_and_failures_are_rejected(scraper: AtCoderScraper) -> None:
    results = scraper.problems("abc399")
    assert len(results) == 7
    a, b, c = results[:3]
    # Layout change: the sample sections are gone.
    assert isinstance(a, Rejected) and a.where == "abc399_a" and "Sample Input" in a.reason
    # Login redirect: a clear reason, not an exception.
    assert isinstance(b, Rejected) and "login required" in b.reason
    # Release time and index come from the abc399 tasks page, not the task page's own nav bar.
    assert isinstance(c, ProblemRecord)
    assert c.release_time == utc(2025, 3, 29, 12, 0) and c.contest_index == "C"
    assert all(isinstance(r, Rejected) and "404" in r.reason for r in results[3:])


def test_layout_changes_are_rejected_not_raised() -> None:
    archive_html = (RECORDED / "atcoderproblems_contests_archive.html").read_text()
    rejected = parse_tasks(archive_html, "abc142")
    assert isinstance(rejected, Rejected) and "no task rows" in rejected.reason
    assert isinstance(parse_task_page("<html><body>maintenance</body></html>", "abc1", "abc1_a"), Rejected)
    no_limits = (BUILT / "abc096_a.html").read_text().replace("Time Limit: 2 sec / Memory Limit: 256 MB", "")
    assert "Time Limit" in parse_task_page(no_limits, "abc096", "abc096_a").reason  # type: ignore[union-attr]
    assert parse_archive("<html><body><p>no table</p></body></html>") == []
