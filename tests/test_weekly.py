"""``contest-eval weekly`` end to end: the real CLI, the real HTTP client against a
local replay server, the real Docker judge and a real SQLite file.

The "new week" (tests/fixtures/weekly/) is a contest listing, two contests'
info and three problems' GraphQL answers in LeetCode's response shapes; the
recipes folder holds each problem's generator and our reference.  A model is
registered with stored replay settings, so `weekly` runs it without flags.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from conftest import FIXTURES
from scrape_server import Reply, Request, ScrapeServer
from test_cli import EXE, cli

WEEK = FIXTURES / "weekly"
RECIPES = WEEK / "recipes"
SLUGS = ["maximum-pair-product", "count-even-digit-sums", "longest-increasing-run"]  # release, then contest order
WIDE = {"COLUMNS": "400"}  # one line per message, however long the paths
TABLES = ("contests", "problems", "test_suites", "tests", "runs", "generations", "submissions", "weekly_runs")


def _serve_week(srv: ScrapeServer) -> None:
    def graphql(req: Request) -> Reply:
        body = req.json()
        if body.get("operationName") == "pastContests":
            return Reply.file(WEEK / "pastContests.json")
        slug = (body.get("variables") or {}).get("titleSlug")
        path = WEEK / f"question_{slug}.json"
        return Reply.file(path) if path.is_file() else Reply.json({"data": {"question": None}})

    srv.route("/graphql", graphql, method="POST")
    for path in WEEK.glob("contest_info_*.json"):
        srv.route(f"/contest/api/info/{path.stem.removeprefix('contest_info_')}/", Reply.file(path))


def _completion(code: str) -> str:
    return f"Here is my solution.\n```python\n{code}\n```\n"


WRONG_RUN = ("from typing import List\n\nclass Solution:\n    def longestIncreasingRun(self, nums: List[int]) -> int:\n"
             "        return len(nums)\n")


def _store(tmp_path: Path) -> Path:
    """A store with three models: one replayed with stored settings, one whose boundary
    is after the new week, one without a stored backend."""
    db = tmp_path / "weekly.db"
    replay = tmp_path / "replay.jsonl"
    texts = {"maximum-pair-product": (RECIPES / "maximum-pair-product" / "ref.py").read_text(),
             "count-even-digit-sums": (RECIPES / "count-even-digit-sums" / "ref.py").read_text(),
             "longest-increasing-run": WRONG_RUN}
    replay.write_text("".join(json.dumps({"problem": k, "rollout": 0, "text": _completion(v)}) + "\n" for k, v in texts.items()))
    for args in (["replayed", "--hf-id", "elsewhere/model", "--cutoff", "2026-10-01", "--backend", "replay",
                  "--engine-arg", f"replay_file={replay}", "--rollouts", "1"],
                 ["too-recent", "--hf-id", "elsewhere/new", "--cutoff", "2026-11-30", "--backend", "replay",
                  "--engine-arg", f"replay_file={replay}"],
                 ["unconfigured", "--hf-id", "elsewhere/plain", "--cutoff", "2026-01-01"]):
        out = cli("--db", str(db), "models", "add", *args)
        assert out.returncode == 0, out.stderr
    return db


def _weekly(db: Path, srv: ScrapeServer, *extra: str, recipes: Path = RECIPES,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return cli("--db", str(db), "weekly", "--base-url", srv.base_url, "--min-interval", "0", "--since", "2026-11-20",
               "--recipes", str(recipes), *extra, env=env)


def _counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def _verdicts(db: Path) -> dict[str, str]:
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("select p.slug, s.verdict from submissions s join generations g on g.id = s.generation_id "
                                "join problems p on p.id = g.problem_id"))
    finally:
        con.close()


@pytest.mark.docker
def test_weekly_scrapes_builds_runs_writes_the_page_and_then_does_nothing(tmp_path: Path, judge) -> None:
    db = _store(tmp_path)
    page = tmp_path / "board.html"
    with ScrapeServer() as srv:
        _serve_week(srv)
        first = _weekly(db, srv, "--page", str(page), "--json")
        assert first.returncode == 0, first.stderr[-3000:]
        result = json.loads(first.stdout)
        assert result["status"] == "finished" and result["exit_code"] == 0
        assert result["contests"] == ["leetcode:biweekly-contest-197", "leetcode:weekly-contest-530"]
        assert result["new_problems"] == SLUGS and result["suites"] == {s: "built" for s in SLUGS}
        assert result["waiting"] == [] and result["skipped"] == []
        (run,) = result["runs"]
        assert (run["model"], run["status"], run["problems"], run["accepted"], run["n"]) == ("replayed", "finished", 3, 2, 3)
        skipped = {m["model"]: m["why"] for m in result["models_skipped"]}
        assert "boundary 2026-11-30" in skipped["too-recent"] and "no stored backend" in skipped["unconfigured"]
        assert [(m["row"].split(" [")[0], m["before"], m["after"]) for m in result["rank_moves"]] == [("replayed", None, 1)]
        assert _verdicts(db) == {"maximum-pair-product": "AC", "count-even-digit-sums": "AC", "longest-increasing-run": "WA"}
        assert page.is_file() and "replayed" in page.read_text()
        counts = _counts(db)
        assert counts["test_suites"] == 3 and counts["runs"] == 1 and counts["generations"] == 3 and counts["weekly_runs"] == 1
        # The run used the stored settings: replay backend, its file's hash in the identity.
        params = json.loads(sqlite3.connect(db).execute("select params from runs").fetchone()[0])
        assert params["identity"]["hf_id"] == "elsewhere/model" and len(params["identity"]["replay_sha256"]) == 64

        page.unlink()
        again = cli("--db", str(db), "weekly", "--base-url", srv.base_url, "--min-interval", "0", "--recipes", str(RECIPES))
        assert again.returncode == 0, again.stderr[-2000:]
        assert "nothing new" in again.stdout
        # The same --since again: the contests are a finished job's, not new.
        same = _weekly(db, srv, "--json")
        assert same.returncode == 0 and json.loads(same.stdout)["status"] == "nothing-new", same.stderr[-2000:]
        assert _counts(db) == counts and not page.exists()


@pytest.mark.docker
def test_killed_weekly_is_finished_by_the_next(tmp_path: Path, judge) -> None:
    db = _store(tmp_path)
    with ScrapeServer() as srv:
        _serve_week(srv)
        args = [EXE, "--db", str(db), "weekly", "--base-url", srv.base_url, "--min-interval", "0", "--since", "2026-11-20",
                "--recipes", str(RECIPES), "--json"]
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        deadline, suites = time.monotonic() + 300, 0
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            try:
                suites = sqlite3.connect(db).execute("select count(*) from test_suites").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if suites >= 1:
                break
        assert proc.poll() is None and suites >= 1, "weekly finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        status = sqlite3.connect(db).execute("select status from weekly_runs").fetchall()
        assert status == [("running",)]
        done = cli(*args[1:])
        assert done.returncode == 0, done.stderr[-3000:]
        result = json.loads(done.stdout)
        assert result["status"] == "finished" and result["weekly"] == 1
    counts = _counts(db)
    assert (counts["test_suites"], counts["runs"], counts["generations"], counts["submissions"], counts["weekly_runs"]) == (3, 1, 3, 3, 1)
    assert sqlite3.connect(db).execute("select count(distinct problem_id) from test_suites").fetchone()[0] == 3
    assert _verdicts(db)["longest-increasing-run"] == "WA"


@pytest.mark.docker
def test_problems_without_references_wait_with_exit_3_then_the_next_weekly_finishes(tmp_path: Path, judge) -> None:
    """One problem's recipe has no reference; another has no recipe at all and is drafted
    (suite draft), which waits too: no reference exists for a problem scraped an hour ago."""
    db = _store(tmp_path)
    partial, drafts = tmp_path / "recipes", tmp_path / "drafts"
    shutil.copytree(RECIPES, partial)
    (partial / "longest-increasing-run" / "ref.py").unlink()
    shutil.rmtree(partial / "maximum-pair-product")
    with ScrapeServer() as srv:
        _serve_week(srv)
        first = _weekly(db, srv, "--drafts", str(drafts), recipes=partial, env=WIDE)
        assert first.returncode == 3, first.stderr[-3000:]
        assert "waiting longest-increasing-run: no reference solution" in first.stdout
        assert f"waiting maximum-pair-product: draft in {drafts / 'maximum-pair-product'} waits:" in first.stdout
        assert (drafts / "maximum-pair-product" / "gen.py").is_file()
        assert sqlite3.connect(db).execute("select status from weekly_runs").fetchall() == [("waiting",)]
        assert _verdicts(db) == {"count-even-digit-sums": "AC"}
        shutil.copy(RECIPES / "longest-increasing-run" / "ref.py", partial / "longest-increasing-run" / "ref.py")
        shutil.copytree(RECIPES / "maximum-pair-product", partial / "maximum-pair-product")
        second = _weekly(db, srv, "--drafts", str(drafts), "--json", recipes=partial)
        assert second.returncode == 0, second.stderr[-3000:]
        result = json.loads(second.stdout)
    assert result["status"] == "finished" and result["waiting"] == []
    assert result["suites"] == {"maximum-pair-product": "built", "count-even-digit-sums": "ready", "longest-increasing-run": "built"}
    # The waiting problems ran in a batch of their own: the first batch's run was not redone.
    assert [(r["problems"], r["n"]) for r in result["runs"]] == [(1, 1), (2, 2)]
    counts = _counts(db)
    assert (counts["runs"], counts["generations"], counts["weekly_runs"]) == (2, 3, 1)
    assert sqlite3.connect(db).execute("select status from weekly_runs").fetchall() == [("finished",)]


def test_dry_run_prints_the_plan_and_stores_nothing(tmp_path: Path) -> None:
    db = _store(tmp_path)
    before = _counts(db)
    with ScrapeServer() as srv:
        _serve_week(srv)
        out = _weekly(db, srv, "--dry-run", "--json")
        assert out.returncode == 0, out.stderr[-2000:]
        plan = json.loads(out.stdout)
        text = _weekly(db, srv, "--dry-run").stdout
        # Only the listing and the contests' info were read: no problem was fetched.
        assert not [r for r in srv.requests if r.method == "POST" and r.json().get("operationName") == "questionData"]
    assert plan["status"] == "planned" and plan["new_problems"] == SLUGS
    assert set(plan["suites"].values()) == {"would build"}
    assert [(r["model"], r["problems"]) for r in plan["runs"]] == [("replayed", 3)]
    assert "dry run, nothing stored" in text
    assert _counts(db) == before


def test_drafting_is_on_by_default_and_off_with_no_drafts_and_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    db = _store(tmp_path)
    empty = tmp_path / "no-recipes"
    empty.mkdir()
    with ScrapeServer() as srv:
        _serve_week(srv)
        drafted = _weekly(db, srv, "--dry-run", "--json", recipes=empty)
        assert drafted.returncode == 0, drafted.stderr[-2000:]
        assert set(json.loads(drafted.stdout)["suites"].values()) == {"would draft"}
        off = _weekly(db, srv, "--dry-run", "--json", "--no-drafts", recipes=empty)
        assert off.returncode == 0, off.stderr[-2000:]
        assert set(json.loads(off.stdout)["suites"].values()) == {"would wait (no recipe)"}
    # No drafts/ folder and no lock file: a dry run writes nothing at all.
    assert not (tmp_path / "drafts").exists() and not (tmp_path / "weekly.db.weekly.lock").exists()
    both = cli("--db", str(db), "weekly", "--drafts", str(tmp_path / "d"), "--no-drafts")
    assert both.returncode == 2 and "--drafts and --no-drafts exclude each other" in both.stderr


def test_a_second_weekly_on_the_same_store_exits_4_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    """Two real processes: the first stalls on a slow contest listing while holding the lock."""
    db = tmp_path / "weekly.db"
    lock = tmp_path / "weekly.db.weekly.lock"
    empty = {"status": "OK", "result": []}
    with ScrapeServer() as srv:
        srv.route("/api/contest.list", Reply.json(empty, delay_s=120))
        args = [EXE, "--db", str(db), "weekly", "--platform", "codeforces", "--base-url", srv.base_url, "--min-interval", "0",
                "--no-drafts"]
        holder = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while not srv.hits("/api/contest.list") and time.monotonic() < deadline and holder.poll() is None:
                time.sleep(0.1)
            assert srv.hits("/api/contest.list") and holder.poll() is None, "the first weekly never reached the listing"
            second = cli(*args[1:], env=WIDE)
            assert second.returncode == 4, second.stderr[-2000:]
            assert second.stderr.strip() == f"error: another weekly run holds {lock} (pid {holder.pid})"
            assert second.stdout == "" and len(srv.hits("/api/contest.list")) == 1  # it did nothing at all
        finally:
            os.killpg(holder.pid, signal.SIGKILL)
            holder.wait()
        # The kernel released the killed holder's lock: the next run goes ahead.
        srv.route("/api/contest.list", Reply.json(empty))
        third = cli(*args[1:], "--json")
        assert third.returncode == 0, third.stderr[-2000:]
        assert json.loads(third.stdout)["status"] == "nothing-new"
    assert lock.read_text().strip().isdigit()


def test_bad_options_are_one_line_errors(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    out = cli("--db", str(db), "weekly", "--platform", "mars")
    assert out.returncode == 2 and "Invalid value" in out.stderr
    out = cli("--db", str(db), "weekly", "--base-url", "ftp://x")
    assert out.returncode == 2 and "--base-url" in out.stderr and "Traceback" not in out.stderr
    shown = " ".join(cli("weekly", "--help", env={"COLUMNS": "300"}).stdout.split())
    assert "3 some new problems still wait" in shown and "--dry-run" in shown
    assert "4 another weekly job holds the store's lock" in shown
    assert "drafts/ next to the --db file" in shown and "--no-drafts" in shown and "--submissions" in shown
