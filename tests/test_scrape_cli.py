"""``contest-eval scrape`` end to end: the real CLI, the real HTTP client, a
local replay server and a real SQLite file.

The LeetCode contest-info page is built from the documented structure
(tests/fixtures/scrape/leetcode/README.md); each question answer is the real
recorded ``two-sum`` GraphQL response with its slug and id rewritten, so the
parsing path is the recorded one.  The AtCoder tasks page is a real recording.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

import pytest

from scrape_server import Reply, Request, ScrapeServer
from test_cli import cli, one_line_error

ROOT = Path(__file__).resolve().parent
from conftest import SHARED_DATA, missing_shared_data

SHARED = SHARED_DATA / "fixtures"
BUILT = ROOT / "fixtures" / "scrape"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=missing_shared_data(SHARED, "recorded scrape responses"))


def _question_server(srv: ScrapeServer, content: dict[str, str] | None = None) -> list[str]:
    info = json.loads((BUILT / "leetcode" / "contest_info_biweekly-contest-133.json").read_text())
    slugs = [q["title_slug"] for q in info["questions"]]
    srv.route("/contest/api/info/biweekly-contest-133/", Reply.json(info))
    recorded = json.loads((SHARED / "leetcode" / "alfa_selectProblem.json").read_text())

    def answer(req: Request) -> Reply:
        slug = (req.json().get("variables") or {}).get("titleSlug")
        if slug not in slugs:
            return Reply.json({"data": {"question": None}})
        data = copy.deepcopy(recorded)
        q = data["data"]["question"]
        q["titleSlug"], q["questionFrontendId"] = slug, str(3100 + slugs.index(slug))
        q["title"] = slug.replace("-", " ").title()
        q["content"] = (content or {}).get(slug, q["content"])
        return Reply.json(data)

    srv.route("/graphql", answer, method="POST")
    return slugs


def test_scrape_leetcode_contest_fills_the_store_idempotently(tmp_path: Path):
    db, archive = tmp_path / "s.db", tmp_path / "archive"
    with ScrapeServer() as srv:
        slugs = _question_server(srv)
        args = ["--db", str(db), "scrape", "leetcode", "--base-url", srv.base_url, "--contest", "biweekly-contest-133",
                "--min-interval", "0", "--archive", str(archive), "--json"]
        first = cli(*args, env={"LEETCODE_SESSION": "secret-session-value"})
        assert first.returncode == 0, first.stderr
        summary = json.loads(first.stdout)
        assert summary["problems"]["new"] == 4 and summary["contests"]["new"] == 1
        again = json.loads(cli(*args).stdout)
        assert again["problems"]["unchanged"] == 4 and again["problems"]["new"] == 0
    rows = json.loads(cli("--db", str(db), "problems", "list", "--contest", "biweekly-contest-133", "--json").stdout)
    assert [r["slug"] for r in rows] == slugs
    assert {r["release_time"] for r in rows} == {"2024-06-22T14:30:00+00:00"}
    assert [r["index"] for r in rows] == ["Q1", "Q2", "Q3", "Q4"] and all(r["has_metadata"] for r in rows)
    # Credentials never reach the database or the archive.
    blob = db.read_bytes() + b"".join(p.read_bytes() for p in archive.rglob("*") if p.is_file())
    assert b"secret-session-value" not in blob
    assert (archive / "index.jsonl").is_file()


def test_cloudflare_block_is_one_line_error_and_store_unchanged(tmp_path: Path):
    db = tmp_path / "s.db"
    with ScrapeServer() as srv:
        _question_server(srv)
        ok = cli("--db", str(db), "scrape", "leetcode", "--base-url", srv.base_url, "--contest", "biweekly-contest-133",
                 "--min-interval", "0")
        assert ok.returncode == 0
    before = sqlite3.connect(db).execute("select count(*), group_concat(statement_hash) from problems").fetchone()
    with ScrapeServer() as srv:
        srv.route("/contest/api/info/biweekly-contest-133/", Reply.file(BUILT / "leetcode" / "cloudflare_challenge.html", status=403))
        proc = cli("--db", str(db), "scrape", "leetcode", "--base-url", srv.base_url, "--contest", "biweekly-contest-133",
                   "--min-interval", "0")
        one_line_error(proc, "Cloudflare")
    after = sqlite3.connect(db).execute("select count(*), group_concat(statement_hash) from problems").fetchone()
    assert before == after


def _stored(db: Path) -> dict[str, tuple[str, str]]:
    rows = sqlite3.connect(db).execute("select slug, statement_hash, statement_text from problems").fetchall()
    return {slug: (digest, text) for slug, digest, text in rows}


@pytest.mark.parametrize("depth", [3_000, 100_000])
def test_deeply_nested_statement_is_parsed_and_stored_without_losing_anything(tmp_path: Path, depth: int):
    """A statement nested far past Python's recursion limit (the old home-made
    DOM raised RecursionError through the CLI) is parsed and stored; the other
    problems already in the store are untouched."""
    db = tmp_path / "s.db"
    args = ["--db", str(db), "scrape", "leetcode", "--contest", "biweekly-contest-133", "--min-interval", "0", "--json"]
    with ScrapeServer() as srv:
        slugs = _question_server(srv)
        assert cli(*args, "--base-url", srv.base_url).returncode == 0
    before = _stored(db)
    recorded = json.loads((SHARED / "leetcode" / "alfa_selectProblem.json").read_text())["data"]["question"]["content"]
    deep = "<div>" * depth + "<p>Deep <b>text</b></p>" + "</div>" * depth + recorded
    with ScrapeServer() as srv:
        _question_server(srv, {slugs[0]: deep})
        proc = cli(*args, "--base-url", srv.base_url)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    summary = json.loads(proc.stdout)
    assert summary["problems"] == {**summary["problems"], "updated": 1, "unchanged": 3, "skipped": 0}
    after = _stored(db)
    assert {s: after[s] for s in slugs[1:]} == {s: before[s] for s in slugs[1:]}
    digest, text = after[slugs[0]]
    assert digest != before[slugs[0]][0] and text.startswith("Deep text\n\nGiven an array of integers nums")
    assert len(json.loads(cli("--db", str(db), "problems", "show", slugs[0], "--json").stdout)["examples"]) == 3


def test_bad_site_is_a_usage_error_before_the_store_is_touched(tmp_path: Path):
    db = tmp_path / "s.db"
    proc = cli("--db", str(db), "scrape", "leetcode", "--site", "org", "--contest", "weekly-contest-381")
    assert proc.returncode == 2 and "--site" in proc.stderr and "'org'" in proc.stderr
    assert "Traceback" not in proc.stderr and not db.exists()
    shown = cli("scrape", "leetcode", "--help")
    assert shown.returncode == 0 and "com|cn" in shown.stdout


def test_scrape_atcoder_real_tasks_page(tmp_path: Path):
    db = tmp_path / "s.db"
    with ScrapeServer() as srv:
        srv.route("/contests/abc308/tasks", Reply.file(SHARED / "atcoder" / "atcoderproblems_tasks_abc308.html"))
        proc = cli("--db", str(db), "scrape", "atcoder", "--base-url", srv.base_url, "--contest", "abc308",
                   "--min-interval", "0", "--json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["contests"]["new"] == 1
    # The task pages are not recorded: each is skipped with its reason, never half-stored.
    assert summary["problems"]["skipped"] == len(summary["rejected"]) > 0
    assert all("abc308" in r["where"] for r in summary["rejected"])


def test_scrape_codeforces_contest_with_fallbacks(tmp_path: Path):
    """Standings and statement pages are built from the documented structure
    (problem entries copied from the real problemset recording); one page is a
    Cloudflare block, which must fall back to API metadata with a warning."""
    db = tmp_path / "s.db"
    cf = BUILT / "codeforces"
    with ScrapeServer() as srv:
        srv.route("/api/contest.standings", Reply.file(cf / "standings_118.json"))
        srv.route("/contest/118/problem/A", Reply.file(cf / "118A.html"))
        srv.route("/contest/118/problem/B", Reply.file(cf / "cloudflare_403.html", status=403))
        for index in "CDE":
            srv.route(f"/contest/118/problem/{index}", Reply.file(cf / "pre_plain.html"))
        proc = cli("--db", str(db), "scrape", "codeforces", "--base-url", srv.base_url, "--contest", "118",
                   "--min-interval", "0", "--json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["contests"]["new"] == 1 and summary["problems"]["new"] >= 2
    assert any(w.startswith("118B") and "Cloudflare" in w for w in summary["warnings"])
    rows = json.loads(cli("--db", str(db), "problems", "list", "--platform", "codeforces", "--json").stdout)
    by_slug = {r["slug"]: r for r in rows}
    assert by_slug["118A"]["release_time"] == "2011-10-07T15:00:00+00:00" and by_slug["118A"]["kind"] == "stdin"
    shown = json.loads(cli("--db", str(db), "problems", "show", "118A", "--json").stdout)
    assert len(shown["examples"]) == 3
