"""LeetCode scraper over real HTTP against a local server.

Real recordings (``../shared/data/fixtures/leetcode``, provenance in its
README): ``alfa_selectProblem.json`` (two-sum, full ``question`` answer) and
``alfa_dailyProblem.json`` (binary-subarrays-with-sum).  Everything under
``tests/fixtures/scrape/leetcode`` is BUILT FOR TESTS from the documented
structure (scraping.md §1.2–1.6) because no recording exists — contest info,
the past-contest listing, ``contestHistory``, the ``__NEXT_DATA__`` page, the
Cloudflare page — each file says which of its values are real.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from contest_eval.problems.metadata import parse_metadata
from contest_eval.problems.record import ContestRecord, ProblemRecord, Rejected
from contest_eval.scrape import Archive, PoliteClient, ScrapeError
from contest_eval.scrape.leetcode import LeetCodeScraper
from scrape_server import Reply, Request, ScrapeServer

HERE = Path(__file__).resolve().parent
BUILT = HERE / "fixtures" / "scrape" / "leetcode"
from conftest import SHARED_DATA, missing_shared_data

RECORDED = SHARED_DATA / "fixtures" / "leetcode"
SCHEDULE = SHARED_DATA / "leetcode" / "contests.json"


def recorded(name: str) -> dict:
    path = RECORDED / name
    if not path.exists():
        pytest.skip(missing_shared_data(path, "recorded LeetCode response"))
    return json.loads(path.read_text())


def built(name: str) -> dict:
    return json.loads((BUILT / name).read_text())


class Sleeps:
    """Injected sleep plus a fake clock that only moves when the client sleeps."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self.now = 0.0

    def __call__(self, s: float) -> None:
        self.delays.append(s)
        self.now += s

    def clock(self) -> float:
        return self.now


@pytest.fixture
def server():
    with ScrapeServer() as srv:
        yield srv


def graphql(server: ScrapeServer, answers: dict[str, list[Reply]], path: str = "/graphql") -> None:
    """Route GraphQL POSTs by operationName (and page/slug) to scripted replies."""

    def handle(req: Request) -> Reply:
        body = req.json()
        op, var = body.get("operationName"), body.get("variables") or {}
        key = f"{op}:{var.get('titleSlug') or var.get('pageNo') or var.get('pageNum') or ''}"
        seq = answers.get(key) or answers.get(op)
        if not seq:
            return Reply.json({"errors": [{"message": f"no answer for {key}"}]}, status=400)
        return seq.pop(0) if len(seq) > 1 else seq[0]

    server.route(path, handle, method="POST")


def scraper(server: ScrapeServer, site: str = "com", **kw) -> LeetCodeScraper:
    sleeps = kw.setdefault("sleep", Sleeps())
    client = PoliteClient(min_interval_s={"127.0.0.1": 0.0}, jitter=lambda: 0.0, clock=sleeps.clock, **kw)
    return LeetCodeScraper(client, base_url=server.base_url, site=site)


# -- problems: real recording ------------------------------------------------------

def test_two_sum_from_recorded_graphql_answer(server):
    answer = recorded("alfa_selectProblem.json")
    graphql(server, {"questionData:two-sum": [Reply.json(answer)]})
    rec = scraper(server).problem("two-sum")
    assert isinstance(rec, ProblemRecord)
    assert (rec.slug, rec.title, rec.frontend_id, rec.difficulty) == ("two-sum", "Two Sum", "1", "Easy")
    assert rec.tags == ["Array", "Hash Table"] and not rec.paid_only and rec.kind == "function"
    assert rec.metadata["name"] == "twoSum"
    assert [(p["name"], p["type"]) for p in rec.metadata["params"]] == [("nums", "integer[]"), ("target", "integer")]
    parse_metadata(rec.metadata)
    assert set(rec.starter_code) == {"python3", "cpp", "java", "go", "rust", "javascript"}
    assert rec.starter_code["python3"].startswith("class Solution:\n    def twoSum(self, nums: List[int], target: int)")
    assert "func twoSum(nums []int, target int) []int" in rec.starter_code["go"]
    # The recording has no exampleTestcaseList: inputs come from exampleTestcases cut by arity.
    assert [(e.input, e.output) for e in rec.examples] == [
        ("[2,7,11,15]\n9", "[0,1]"), ("[3,2,4]\n6", "[1,2]"), ("[3,3]\n6", "[0,1]")]
    assert rec.examples[0].explanation.startswith("Because nums[0] + nums[1] == 9")
    assert rec.statement_html == answer["data"]["question"]["content"]
    assert "Only one valid answer exists." in rec.statement_text
    assert rec.source == "leetcode.com" and rec.release_time is None
    req = server.hits("/graphql")[0]
    assert req.headers["referer"] == server.base_url + "/" and req.headers["content-type"] == "application/json"
    assert "exampleTestcaseList" in req.json()["query"]


def test_daily_recording_question_parses_with_crlf_content(server):
    q = recorded("alfa_dailyProblem.json")["data"]["activeDailyCodingChallengeQuestion"]["question"]
    graphql(server, {"questionData": [Reply.json({"data": {"question": q}})]})
    rec = scraper(server).problem("binary-subarrays-with-sum")
    assert isinstance(rec, ProblemRecord)
    assert (rec.frontend_id, rec.title) == ("930", "Binary Subarrays With Sum")
    assert [(e.input, e.output) for e in rec.examples] == [("[1,0,1,0,1]\n2", "4"), ("[0,0,0,0,0]\n0", "15")]


def test_problem_with_contest_gets_release_time_and_index(server):
    graphql(server, {"questionData": [Reply.json(recorded("alfa_selectProblem.json"))]})
    contest = ContestRecord(platform="leetcode", slug="weekly-contest-1",
                            start_time=datetime(2024, 1, 21, 2, 30, tzinfo=timezone.utc),
                            problem_slugs=["x", "two-sum"])
    rec = scraper(server).problem("two-sum", contest)
    assert (rec.contest_slug, rec.contest_index, rec.release_time) == ("weekly-contest-1", "Q2", contest.start_time)


def test_paid_only_problem_is_kept_with_a_message(server):
    q = dict(recorded("alfa_selectProblem.json")["data"]["question"], isPaidOnly=True, content=None,
             titleSlug="two-sum", codeSnippets=None)
    graphql(server, {"questionData": [Reply.json({"data": {"question": q}})]})
    rec = scraper(server).problem("two-sum")
    assert isinstance(rec, ProblemRecord) and rec.paid_only
    assert "paid-only" in rec.statement_text and rec.examples == [] and rec.statement_html == ""


def test_design_problem_examples_are_two_wire_lines(server):
    """``graphql_exam-room.json`` is built (metaData from scraping.md §1.4)."""
    graphql(server, {"questionData": [Reply.json(built("graphql_exam-room.json"))]})
    rec = scraper(server).problem("exam-room")
    assert isinstance(rec, ProblemRecord) and rec.kind == "design"
    assert [(e.input, e.output) for e in rec.examples] == [(
        '["ExamRoom","seat","seat","seat","seat","leave","seat"]\n[[10],[],[],[],[],[4],[]]',
        "[null,0,9,4,2,null,5]")]


def test_non_algorithm_problem_is_rejected_with_reason(server):
    q = dict(recorded("alfa_selectProblem.json")["data"]["question"], categoryTitle="Database",
             metaData='{"mysql": ["Create table ..."], "database": true}')
    graphql(server, {"questionData": [Reply.json({"data": {"question": q}})]})
    rej = scraper(server).problem("two-sum")
    assert isinstance(rej, Rejected) and "not an algorithm problem" in rej.reason


def test_broken_metadata_is_rejected_not_half_stored(server):
    q = dict(recorded("alfa_selectProblem.json")["data"]["question"], metaData='{"name": "twoSum", "params": [')
    graphql(server, {"questionData": [Reply.json({"data": {"question": q}})]})
    rej = scraper(server).problem("two-sum")
    assert isinstance(rej, Rejected) and rej.reason.startswith("metaData: not JSON")


def test_unknown_question_is_rejected(server):
    graphql(server, {"questionData": [Reply.json({"data": {"question": None}})]})
    rej = scraper(server).problem("no-such-problem")
    assert isinstance(rej, Rejected) and "not found" in rej.reason


def test_cn_question_uses_json_example_testcases(server):
    """A .cn answer BUILT from the real two-sum recording with the documented .cn
    differences (scraping.md §1.4, §1.6): Chinese ``translatedTitle``/
    ``translatedContent``, ``jsonExampleTestcases`` instead of ``exampleTestcaseList``."""
    q = dict(recorded("alfa_selectProblem.json")["data"]["question"], translatedTitle="两数之和",
             translatedContent="<p>给定一个整数数组 <code>nums</code>…</p>",
             jsonExampleTestcases=json.dumps(["[2,7,11,15]\n9", "[3,2,4]\n6", "[3,3]\n6"]))
    for k in ("enableDebugger", "envInfo", "adminUrl", "challengeQuestion"):
        q.pop(k)
    graphql(server, {"questionData": [Reply.json({"data": {"question": q}})]}, path="/graphql/")
    rec = scraper(server, site="cn").problem("two-sum")
    assert isinstance(rec, ProblemRecord) and rec.title == "Two Sum" and rec.source == "leetcode.cn"
    assert [e.input for e in rec.examples] == ["[2,7,11,15]\n9", "[3,2,4]\n6", "[3,3]\n6"]
    query = server.hits("/graphql/")[0].json()["query"]
    assert "jsonExampleTestcases" in query and "exampleTestcaseList" not in query
    # A .cn-only problem has only the Chinese statement.
    graphql(server, {"questionData": [Reply.json({"data": {"question": dict(q, content=None)}})]}, path="/graphql/")
    rec = scraper(server, site="cn").problem("two-sum")
    assert isinstance(rec, ProblemRecord) and not rec.paid_only and rec.statement_html.startswith("<p>给定")


# -- __NEXT_DATA__ fallback (built page) -------------------------------------------

def test_schema_error_falls_back_to_next_data_page(server):
    """The page is BUILT from scraping.md §1.5 around the REAL two-sum question."""
    error = {"errors": [{"message": 'Cannot query field "exampleTestcaseList" on type "QuestionNode".',
                         "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"}}]}
    graphql(server, {"questionData": [Reply.json(error, status=400)]})
    server.route("/problems/two-sum/", Reply.file(BUILT / "next_data_two-sum.html"))
    rec = scraper(server).problem("two-sum")
    assert isinstance(rec, ProblemRecord) and rec.title == "Two Sum"
    assert rec.metadata["name"] == "twoSum" and len(rec.examples) == 3
    assert rec.examples[1].input == "[3,2,4]\n6"


def test_unpublished_contest_problem_reads_the_contest_page(server):
    graphql(server, {"questionData": [Reply.json({"data": {"question": None}})]})
    server.route("/contest/weekly-contest-381/problems/two-sum/", Reply.file(BUILT / "next_data_two-sum.html"))
    rec = scraper(server).problem("two-sum", contest="weekly-contest-381")
    assert isinstance(rec, ProblemRecord) and rec.contest_slug == "weekly-contest-381"
    assert set(rec.starter_code) == {"python3", "cpp", "java", "go", "rust", "javascript"}


def test_contest_page_login_redirect_is_recorded_as_rejected(server):
    graphql(server, {"questionData": [Reply.json({"data": {"question": None}})]})
    server.route("/contest/weekly-contest-381/problems/two-sum/",
                 Reply(302, {"Location": "/accounts/login/?next=/contest/weekly-contest-381/problems/two-sum/"}))
    rej = scraper(server).problem("two-sum", contest="weekly-contest-381")
    assert isinstance(rej, Rejected) and rej.reason.startswith("login required")


def test_layout_change_without_next_data_is_a_clear_error(server):
    graphql(server, {"questionData": [Reply.json({"errors": [{"message": "Unknown field"}], "data": None})]})
    server.route("/problems/two-sum/", Reply.file(BUILT / "layout_changed_no_next_data.html"))
    with pytest.raises(ScrapeError, match=r"layout changed: no script#__NEXT_DATA__.*GraphQL failed"):
        scraper(server).problem("two-sum")


def test_truncated_graphql_answer_is_an_error_not_a_partial_record(server):
    body = json.dumps(recorded("alfa_selectProblem.json"))[:5000]
    graphql(server, {"questionData": [Reply(200, {"Content-Type": "application/json"}, body)]})
    with pytest.raises(ScrapeError, match="truncated/invalid JSON"):
        scraper(server).problem("two-sum")


def test_cloudflare_on_graphql_stops_without_retry(server):
    server.route("/graphql", Reply.file(BUILT / "cloudflare_challenge.html", status=403), method="POST")
    sleeps = Sleeps()
    with pytest.raises(ScrapeError, match="blocked by a Cloudflare challenge"):
        scraper(server, sleep=sleeps).problem("two-sum")
    assert len(server.hits("/graphql")) == 1 and sleeps.delays == []


def test_rate_limited_graphql_is_retried_after_retry_after(server, tmp_path):
    answer = recorded("alfa_selectProblem.json")
    graphql(server, {"questionData": [Reply(429, {"Retry-After": "2"}, "Too Many Requests"), Reply(500),
                                      Reply.json(answer)]})
    sleeps, archive = Sleeps(), Archive(tmp_path)
    rec = scraper(server, sleep=sleeps, archive=archive, backoff_s=0.25).problem("two-sum")
    assert isinstance(rec, ProblemRecord) and rec.title == "Two Sum"
    assert sleeps.delays == [2.0, 0.5]
    assert [e["status"] for e in archive.entries()] == [429, 500, 200]
    last = list(archive.entries())[-1]
    assert json.loads(archive.body(last["sha256"])) == answer


# -- contests (built from documented structure) -------------------------------------

def test_contest_info_com(server):
    """``contest_info_biweekly-contest-133.json`` is BUILT (scraping.md §1.2); its
    id, start time and question slugs are real (scraping.md, doocs contest.json)."""
    server.route("/contest/api/info/biweekly-contest-133/", Reply.file(BUILT / "contest_info_biweekly-contest-133.json"))
    c = scraper(server).contest("biweekly-contest-133")
    assert c.title == "Biweekly Contest 133" and c.duration_s == 5400
    assert c.start_time == datetime(2024, 6, 22, 14, 30, tzinfo=timezone.utc)  # Saturday 14:30 UTC
    assert c.problem_slugs[0] == "find-minimum-operations-to-make-all-elements-divisible-by-three"
    assert len(c.problem_slugs) == 4 and c.source == "leetcode.com"


def test_contest_info_cn_matches_doocs_schedule(server):
    """BUILT .cn body (Chinese title, english_title); values from doocs contest.json."""
    server.route("/contest/api/info/weekly-contest-381/", Reply.file(BUILT / "cn_contest_info_weekly-contest-381.json"))
    c = scraper(server, site="cn").contest("weekly-contest-381")
    entry = next(e for e in json.loads(SCHEDULE.read_text()) if e["contest_title_slug"] == "weekly-contest-381") \
        if SCHEDULE.exists() else None
    assert c.title == "Weekly Contest 381" and c.source == "leetcode.cn"
    if entry:
        assert int(c.start_time.timestamp()) == entry["contest_start_time"]
        assert c.problem_slugs == entry["question_slugs"]


def test_contest_info_error_and_layout_change(server):
    server.route("/contest/api/info/nope/", Reply.json({"error": "Contest not found"}))
    server.route("/contest/api/info/odd/", Reply.json({"contest": {"title": "x"}, "questions": []}))
    with pytest.raises(ScrapeError, match="Contest not found"):
        scraper(server).contest("nope")
    with pytest.raises(ScrapeError, match="no start_time"):
        scraper(server).contest("odd")


def test_past_contests_com_pages_until_since(server):
    """Pages are BUILT (scraping.md §1.3) from the newest 30 real contests in doocs contest.json."""
    pages = {f"pastContests:{p}": [Reply.file(BUILT / f"pastContests_page{p}.json")] for p in (1, 2, 3)}
    graphql(server, pages)
    got = scraper(server).contests(since=date(2026, 7, 1), until=date(2026, 7, 31))
    assert all(c.start_time.tzinfo is not None for c in got)
    assert [c.start_time for c in got] == sorted(c.start_time for c in got)
    assert all(datetime(2026, 7, 1, tzinfo=timezone.utc) <= c.start_time < datetime(2026, 8, 1, tzinfo=timezone.utc)
               for c in got)
    listed = [i for p in (1, 2, 3) for i in built(f"pastContests_page{p}.json")["data"]["pastContests"]["data"]]
    expected = sorted(i["titleSlug"] for i in listed if 1782864000 <= i["startTime"] < 1785542400)
    assert sorted(c.slug for c in got) == expected and expected
    assert {c.slug.split("-")[0] for c in got} == {"weekly", "biweekly"}
    # Newest first: once a page reaches back before `since`, no further page is fetched.
    assert len(server.hits("/graphql")) < 3


def test_past_contests_with_problems_fetches_contest_info(server):
    page = {"data": {"pastContests": {"pageNum": 1, "data": [
        {"title": "Biweekly Contest 133", "titleSlug": "biweekly-contest-133", "startTime": 1719066600,
         "duration": 5400, "originStartTime": 1719066600}]}}}
    graphql(server, {"pastContests": [Reply.json(page)]})
    server.route("/contest/api/info/biweekly-contest-133/", Reply.file(BUILT / "contest_info_biweekly-contest-133.json"))
    (c,) = scraper(server).contests(with_problems=True)
    assert c.slug == "biweekly-contest-133" and len(c.problem_slugs) == 4


def test_contest_history_cn_filters_non_weekly(server):
    """``cn_contestHistory_page1.json`` is BUILT (scraping.md §1.3 contestHistory)."""
    graphql(server, {"contestHistory": [Reply.file(BUILT / "cn_contestHistory_page1.json")]}, path="/graphql/")
    got = scraper(server, site="cn").contests()
    assert len(got) == 10 and "season-2026-spring" not in {c.slug for c in got}
    assert got[-1].slug == "weekly-contest-515" and got[-1].title == "Weekly Contest 515"


def test_listing_schema_error_falls_back_to_all_contests(server):
    """``alfa_allContests.json`` is a real response SHAPE with hand-made times (fixtures README)."""
    graphql(server, {"pastContests": [Reply.json({"errors": [{"message": "Cannot query field"}]}, status=400)],
                     "allContests": [Reply.json(recorded("alfa_allContests.json"))]})
    got = scraper(server).contests()
    assert [c.slug for c in got] == ["weekly-contest-300", "biweekly-contest-82"]
