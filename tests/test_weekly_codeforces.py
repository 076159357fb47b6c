"""``contest-eval weekly --platform codeforces`` end to end: suites built from the
contest's accepted submissions.

A "new week" on a local replay server in Codeforces' shapes (tests/fixtures/weekly_codeforces/,
hand-written: its README says where each shape comes from): contest.list, contest.standings,
the problems' statement pages, contest.status and the submission pages.  Nobody has written a
recipe for the two new problems, so `weekly` drafts them (the generator from the statement, the
references from the scraped submission code), builds the suites with the real Docker judge,
runs a replayed model with its stored settings and writes the page, all through the real CLI
on a real SQLite file.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES
from scrape_server import Reply, Request, ScrapeServer
from test_cli import cli

CF = FIXTURES / "weekly_codeforces"
SLUGS = ["2190A", "2190B"]
WIDE = {"COLUMNS": "400"}  # one line per message, however long the paths
TABLES = ("contests", "problems", "test_suites", "tests", "runs", "generations", "submissions", "weekly_runs")
# The submissions each suite must be built from (the drafted recipe's ref_<origin>_<author>-<id> files).
REFS_A = {"ref_codeforces_alice_cf-330000005.py", "ref_codeforces_bob_cf-330000006.cpp"}
REFS_B = {"ref_codeforces_frank_cf-330000012.py", "ref_codeforces_dave_cf-330000010.cpp",
          "ref_codeforces_carol_cf-330000007.py"}

RIGHT_A = "a, b = map(int, input().split())\nprint(a + b)\n"
WRONG_B = "n = int(input())\na = list(map(int, input().split()))\nprint(max(a))\n"  # the maximum, not the spread


def _serve_week(srv: ScrapeServer, hidden: tuple[int, ...] = ()) -> None:
    """Codeforces' endpoints for the new week; the submissions in ``hidden`` do not show their source."""
    def standings(req: Request) -> Reply:
        path = CF / f"standings_{req.query.get('contestId', [''])[0]}.json"
        if path.is_file():
            return Reply.file(path)
        return Reply.json({"status": "FAILED", "comment": "contestId: Contest not found"}, status=400)

    srv.route("/api/contest.list", Reply.file(CF / "contest_list.json"))
    srv.route("/api/contest.standings", standings)
    srv.route("/api/contest.status", Reply.file(CF / "contest_status_2190.json"))
    for index in "AB":
        srv.route(f"/contest/2190/problem/{index}", Reply.file(CF / f"problem_2190{index}.html"))
    for path in CF.glob("submission_3*.html"):
        sid = int(path.stem.removeprefix("submission_"))
        srv.route(f"/contest/2190/submission/{sid}", Reply.file(CF / "submission_hidden.html" if sid in hidden else path))
    srv.route("/contest/2190/submission/330000009", Reply.file(CF / "submission_hidden.html"))


def _store(tmp_path: Path) -> Path:
    """A store with one model whose stored settings replay a right answer to A and a wrong one to B."""
    db = tmp_path / "weekly.db"
    replay = tmp_path / "replay.jsonl"
    texts = {"2190A": RIGHT_A, "2190B": WRONG_B}
    replay.write_text("".join(json.dumps({"problem": k, "rollout": 0, "text": f"Read, compute, print.\n```python\n{v}```\n"}) + "\n"
                              for k, v in texts.items()))
    out = cli("--db", str(db), "models", "add", "replayed", "--hf-id", "elsewhere/model", "--cutoff", "2026-10-01",
              "--backend", "replay", "--engine-arg", f"replay_file={replay}", "--rollouts", "1")
    assert out.returncode == 0, out.stderr
    return db


def _weekly(db: Path, srv: ScrapeServer, *extra: str) -> subprocess.CompletedProcess[str]:
    return cli("--db", str(db), "weekly", "--platform", "codeforces", "--base-url", srv.base_url, "--min-interval", "0",
               "--since", "2026-11-20", *extra, env=WIDE)


def _query(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _counts(db: Path) -> dict[str, int]:
    return {t: _query(db, f"select count(*) from {t}")[0][0] for t in TABLES}


def _suite_refs(db: Path) -> dict[str, dict[str, str]]:
    """problem -> {reference name: verdict} as the stored suites record them."""
    rows = _query(db, "select p.slug, s.info from test_suites s join problems p on p.id = s.problem_id")
    return {slug: {k: v["verdict"] for k, v in json.loads(info)["references"].items()} for slug, info in rows}


def _verdicts(db: Path) -> dict[str, str]:
    return dict(_query(db, "select p.slug, s.verdict from submissions s join generations g on g.id = s.generation_id "
                           "join problems p on p.id = g.problem_id"))


@pytest.mark.docker
def test_codeforces_week_builds_suites_from_submissions_runs_the_model_and_then_does_nothing(tmp_path: Path, judge) -> None:
    db = _store(tmp_path)
    page = tmp_path / "board.html"
    with ScrapeServer() as srv:
        _serve_week(srv)
        first = _weekly(db, srv, "--page", str(page), "--archive", str(tmp_path / "archive"), "--json")
        assert first.returncode == 0, first.stderr[-4000:]
        result = json.loads(first.stdout)
        assert result["status"] == "finished" and result["exit_code"] == 0
        # The running, the upcoming and the earlier contest are left out.
        assert result["contests"] == ["codeforces:2190"] and result["new_problems"] == SLUGS
        assert result["suites"] == {"2190A": "built", "2190B": "built"} and result["waiting"] == []
        # Every suite was decided by the scraped submissions' code, and each of them was Accepted on it.
        refs = _suite_refs(db)
        assert set(refs["2190A"]) == REFS_A and set(refs["2190B"]) == REFS_B
        assert set(refs["2190A"].values()) == set(refs["2190B"].values()) == {"AC"}
        drafted = (tmp_path / "drafts" / "2190A" / "problem.toml").read_text()  # the default --drafts: next to the db
        assert "# reference: codeforces:codeforces_alice_cf-330000005.python3" in drafted
        assert (tmp_path / "drafts" / "2190A" / "ref_codeforces_bob_cf-330000006.cpp").read_text().startswith("#include <bits/stdc++.h>\n")
        # The recipe's references are kept in the store: the `reference` pseudo-model submits them.
        stored = _query(db, "select p.slug, r.name from reference_solutions r join problems p on p.id = r.problem_id "
                            "where r.origin = 'suite'")
        assert {name for slug, name in stored if slug == "2190A"} == REFS_A
        # The hidden Java submission was skipped with its reason; the rest of B's references sufficed.
        assert "2190B: submission skipped: 330000009: the page shows no source" in first.stderr
        # One contest.status read served both problems; what cannot be a reference was never fetched.
        assert len(srv.hits("/api/contest.status")) == 1
        fetched = {r.path.rsplit("/", 1)[1] for r in srv.requests if "/submission/" in r.path}
        assert fetched == {"330000005", "330000006", "330000007", "330000009", "330000010", "330000012"}
        # ... through the scrape's own client: its archive holds them next to the contest's pages.
        archived = [json.loads(line)["url"] for line in (tmp_path / "archive" / "index.jsonl").read_text().splitlines()]
        assert sum("/api/contest.status?contestId=2190" in u for u in archived) == 1
        assert sum("/contest/2190/submission/" in u for u in archived) == 6 and any("/problem/A" in u for u in archived)
        (run,) = result["runs"]
        assert (run["model"], run["status"], run["problems"], run["accepted"], run["n"]) == ("replayed", "finished", 2, 1, 2)
        assert _verdicts(db) == {"2190A": "AC", "2190B": "WA"}
        assert page.is_file() and "replayed" in page.read_text()
        counts = _counts(db)
        assert (counts["test_suites"], counts["runs"], counts["generations"], counts["weekly_runs"]) == (2, 1, 2, 1)

        before = len(srv.requests)
        again = _weekly(db, srv, "--json")
        assert again.returncode == 0, again.stderr[-2000:]
        assert json.loads(again.stdout)["status"] == "nothing-new"
        # Only the listing (and the listed contest's standings) were read again: no problem, no submission.
        assert {r.path for r in srv.requests[before:]} <= {"/api/contest.list", "/api/contest.standings"}
    assert _counts(db) == counts


@pytest.mark.docker
def test_hidden_submission_source_is_skipped_and_the_problem_waits_with_exit_3(tmp_path: Path, judge) -> None:
    """Bob's C++ page hides its source: A keeps one reference (Alice's), too few to decide a suite."""
    db = _store(tmp_path)
    with ScrapeServer() as srv:
        _serve_week(srv, hidden=(330000006,))
        first = _weekly(db, srv)
        assert first.returncode == 3, first.stderr[-4000:]
        assert "2190A: submission skipped: 330000006: the page shows no source" in first.stderr
        waiting = next(line for line in first.stdout.splitlines() if line.startswith("  waiting 2190A: "))
        assert "fewer than 2 independent references (have: codeforces:codeforces_alice_cf-330000005.python3)" in waiting
        assert "skipped: submission 330000006: the page shows no source" in waiting
        assert "new problem 2190B: suite built" in first.stdout
        assert _verdicts(db) == {"2190B": "WA"}  # B ran; A waits for its suite
        assert _query(db, "select status from weekly_runs") == [("waiting",)]

        # The page shows the source again: the next weekly drafts A anew and finishes.
        _serve_week(srv)
        second = _weekly(db, srv, "--json")
        assert second.returncode == 0, second.stderr[-4000:]
        result = json.loads(second.stdout)
    assert result["status"] == "finished" and result["suites"] == {"2190A": "built", "2190B": "ready"}
    assert set(_suite_refs(db)["2190A"]) == REFS_A
    assert _verdicts(db) == {"2190A": "AC", "2190B": "WA"}
    assert _query(db, "select status from weekly_runs") == [("finished",)]


def test_suite_draft_reads_submissions_too(tmp_path: Path) -> None:
    """`suite draft --submissions N --base-url URL`: the same references outside `weekly` (no judge needed)."""
    db, out = tmp_path / "draft.db", tmp_path / "drafts"
    with ScrapeServer() as srv:
        _serve_week(srv, hidden=(330000006,))
        scraped = cli("--db", str(db), "scrape", "codeforces", "--base-url", srv.base_url, "--contest", "2190",
                      "--min-interval", "0")
        assert scraped.returncode == 0, scraped.stderr[-2000:]
        drafted = cli("--db", str(db), "suite", "draft", *SLUGS, "--platform", "codeforces", "--out", str(out),
                      "--submissions", "3", "--base-url", srv.base_url, "--json", env=WIDE)
    assert drafted.returncode == 3, drafted.stderr[-2000:]  # A waits: Bob's source is hidden
    rows = {r["slug"]: r for r in json.loads(drafted.stdout)}
    assert rows["2190B"]["waiting"] is None
    assert sorted(rows["2190B"]["references"]) == ["codeforces:codeforces_carol_cf-330000007.python3",
                                                   "codeforces:codeforces_dave_cf-330000010.cpp",
                                                   "codeforces:codeforces_frank_cf-330000012.python3"]
    assert "fewer than 2 independent references" in rows["2190A"]["waiting"]
    assert "2190A: submission skipped: 330000006: the page shows no source" in drafted.stderr
    assert (out / "2190B" / "problem.toml").is_file() and (out / "2190A" / "problem.toml.draft").is_file()
