"""The leaderboard page in a real headless Chromium, against the Python leaderboard.

A real store: the shipped sample contest (its three problems moved to three
release days), built and judged by the real Docker judge; finished runs of the
``reference`` pseudo-model and of replayed outputs for three models whose
boundaries fall before, between and inside those days; stored audit reports.
The page is written by the real CLI, opened from disk in Chromium (Debian's
``chromium`` + ``chromium-driver``, driven by selenium), its window sliders are
moved with the keyboard, and at every stop the ranks, counts, intervals, flags
and texts it shows must equal ``build_leaderboard`` over the same day window.
A screenshot of every stop is kept under the test's tmp_path (paths printed).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from test_cli import cli

SAMPLE = ROOT / "suites" / "sample-contest"
REQUIRE_BROWSER_ENV = "CONTEST_EVAL_REQUIRE_BROWSER"
WIDE = {"COLUMNS": "400"}
# Each sample problem gets its own contest and release day, so the slider has three stops.
DAYS = {"odd-square-sum": ("sample-contest-1", "2026-04-11"), "longest-equal-run": ("sample-contest-2", "2026-05-16"),
        "score-board": ("sample-contest-3", "2026-06-06")}


def _browser_or_skip() -> tuple[str, str]:
    """(chromium, chromedriver) paths; a skip naming the missing package, or a failure when CI requires them."""
    missing = []
    if importlib.util.find_spec("selenium") is None:
        missing.append("selenium (pip install -e '.[test]')")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or next((p for p in ("/usr/lib/chromium/chromedriver",) if Path(p).exists()), None)
    if chromium is None:
        missing.append("chromium (apt-get install chromium)")
    if driver is None:
        missing.append("chromedriver (apt-get install chromium-driver)")
    if missing:
        why = "headless browser test needs " + ", ".join(missing)
        if os.environ.get(REQUIRE_BROWSER_ENV) == "1":
            pytest.fail(f"{REQUIRE_BROWSER_ENV}=1 but the {why}")
        pytest.skip(why)
    return chromium, driver  # type: ignore[return-value]


@pytest.fixture(scope="module")
def browser():
    chromium, driver_path = _browser_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    # Both paths are given, so selenium never runs Selenium Manager (which would go online for a driver).
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--force-prefers-reduced-motion", "--lang=en-US"):
        opts.add_argument(arg)
    drv = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
    try:
        yield drv
    finally:
        drv.quit()


def _suite(tmp: Path) -> Path:
    suite = tmp / "sample-contest"
    shutil.copytree(SAMPLE, suite)
    for slug, (contest, day) in DAYS.items():
        toml = suite / slug / "problem.toml"
        text = toml.read_text(encoding="utf-8")
        text = re.sub(r'(?m)^contest = ".*"$', f'contest = "{contest}"', text)
        text = re.sub(r'(?m)^release_time = ".*"$', f'release_time = "{day}T14:30:00+00:00"', text)
        toml.write_text(text, encoding="utf-8")
    return suite


def _fence(code: str, lang: str = "python") -> str:
    return f"### Approach\nDirect.\n```{lang}\n{code}\n```\n"


def _replay(path: Path, answers: dict[tuple[str, int], str]) -> Path:
    path.write_text("".join(json.dumps({"problem": p, "rollout": r, "text": t}) + "\n" for (p, r), t in answers.items()))
    return path


def _ok(proc) -> str:
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@dataclass
class Store:
    db: Path
    runs: dict[str, int]


@pytest.fixture(scope="module")
def store(tmp_path_factory, judge) -> Store:
    tmp = tmp_path_factory.mktemp("page")
    db = tmp / "store.db"
    suite = _suite(tmp)
    _ok(cli("--db", str(db), "suite", "build", str(suite)))
    for name, cutoff in (("oracle", "2025-01-01"), ("alpha", "2025-12-01"), ("beta", "2026-04-20"), ("gamma", "2026-05-20")):
        _ok(cli("--db", str(db), "models", "add", name, "--hf-id", f"test/{name}", "--cutoff", cutoff))
    src = {p: (suite / p / "ref.py").read_text() for p in DAYS}
    wrong = {"odd-square-sum": (suite / "odd-square-sum" / "wrong" / "even.py").read_text(),
             "longest-equal-run": (suite / "longest-equal-run" / "wrong" / "off_by_one.py").read_text(),
             "score-board": (suite / "score-board" / "wrong" / "overwrite.py").read_text()}
    talk = "I would use a hash map here."  # no code: a failed attempt with nothing to judge
    plans = {
        # alpha: boundary before every problem, clean everywhere.
        "alpha": {("odd-square-sum", 0): _fence(src["odd-square-sum"]), ("odd-square-sum", 1): _fence(src["odd-square-sum"]),
                  ("longest-equal-run", 0): _fence(src["longest-equal-run"]),
                  ("longest-equal-run", 1): _fence(wrong["longest-equal-run"]),
                  ("score-board", 0): _fence(wrong["score-board"]), ("score-board", 1): talk},
        # beta: boundary between the first and second day; run on seen problems too.
        "beta": {("odd-square-sum", 0): _fence(src["odd-square-sum"]), ("odd-square-sum", 1): _fence(src["odd-square-sum"]),
                 ("longest-equal-run", 0): _fence(wrong["longest-equal-run"]), ("longest-equal-run", 1): talk,
                 ("score-board", 0): _fence(src["score-board"]), ("score-board", 1): _fence(src["score-board"])},
        # gamma: boundary between the second and third day.
        "gamma": {("odd-square-sum", 0): _fence(src["odd-square-sum"]), ("odd-square-sum", 1): _fence(wrong["odd-square-sum"]),
                  ("longest-equal-run", 0): _fence(src["longest-equal-run"]),
                  ("longest-equal-run", 1): _fence(src["longest-equal-run"]),
                  ("score-board", 0): _fence(wrong["score-board"]), ("score-board", 1): talk},
    }
    runs = {"oracle": json.loads(_ok(cli("--db", str(db), "run", "--model", "oracle", "--backend", "reference",
                                         "--platform", "sample", "--rollouts", "1", "--json")))["run"]}
    for name, answers in plans.items():
        replay = _replay(tmp / f"{name}.jsonl", answers)
        runs[name] = json.loads(_ok(cli("--db", str(db), "run", "--model", name, "--backend", "replay", "--replay-file",
                                        str(replay), "--platform", "sample", "--rollouts", "2", "--include-seen",
                                        "--json")))["run"]
    # A second protocol for alpha (C++, one rollout): its own row, never pooled with the python3 one.
    replay = _replay(tmp / "alpha-cpp.jsonl", {(p, 0): talk for p in DAYS})
    runs["alpha-cpp"] = json.loads(_ok(cli("--db", str(db), "run", "--model", "alpha", "--backend", "replay", "--replay-file",
                                           str(replay), "--platform", "sample", "--rollouts", "1", "--lang", "cpp",
                                           "--json")))["run"]
    _store_audits(db)
    return Store(db, runs)


def _store_audits(db: Path) -> None:
    from contest_eval.audit.results import save_report
    from contest_eval.db.engine import session_scope
    from contest_eval.db.models import Model

    with session_scope(str(db)) as s:
        ids = {m.name: m.id for m in s.query(Model).all()}
        save_report(s, ids["beta"], "time", {}, {}, "an older time verdict, superseded")
        save_report(s, ids["beta"], "time", {}, {}, "evidence of contamination: acceptance drops after the boundary <b>")
        save_report(s, ids["beta"], "memorization", {}, {}, "no separation beyond the blind baseline")
        s.commit()


def _python_board(db: Path, first: str, last: str):
    from contest_eval.db.engine import session_scope
    from contest_eval.report.leaderboard import build_leaderboard, day_window
    from contest_eval.report.queries import load_leaderboard

    with session_scope(str(db)) as s:
        data = load_leaderboard(s)
    window = day_window(date.fromisoformat(first), date.fromisoformat(last))
    return data, build_leaderboard(data.entries, [window], "custom")


@pytest.mark.docker
def test_cli_writes_the_page_and_every_rendering_shows_audits(store: Store, tmp_path: Path):
    page, html = tmp_path / "board.html", tmp_path / "plain.html"
    board = json.loads(_ok(cli("--db", str(store.db), "leaderboard", "--json", "--page", str(page), "--html", str(html))))
    rows = {(r["model"], r["protocol"].split(",")[0]): r for r in board["rows"]}
    assert sorted(rows) == [("alpha", "cpp"), ("alpha", "python3"), ("beta", "python3"), ("gamma", "python3"),
                            ("oracle", "python3")]
    beta = rows[("beta", "python3")]
    assert [(a["kind"], a["verdict"][:20]) for a in beta["audits"]] == [("memorization", "no separation beyond"),
                                                                      ("time", "evidence of contamin")]
    assert rows[("alpha", "python3")]["audits"] == [] and rows[("oracle", "python3")]["sanity"] is True
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>") and "Content-Security-Policy" in text
    # Self-contained: nothing is fetched (no external src/href), and the data is embedded.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text) and "<link" not in text
    assert 'id="ce-data"' in text and "superseded" not in text  # only the newest verdict of each kind
    assert "boundary <b>" not in text  # embedded names and verdicts cannot open tags
    plain = html.read_text(encoding="utf-8")
    assert "audit time of beta" in plain and "&lt;b&gt;" in plain
    term = _ok(cli("--db", str(store.db), "leaderboard", env=WIDE))
    assert "audits" in term and "memorization, time" in term and "audit memorization of beta" in term
    bad = cli("--db", str(store.db), "leaderboard", "--page", str(html / "under-a-file.html"))  # parent is a file
    assert bad.returncode == 2 and "cannot write" in bad.stderr and "Traceback" not in bad.stderr


def _page_rows(drv) -> list[dict[str, str]]:
    from selenium.webdriver.common.by import By

    out = []
    for tr in drv.find_elements(By.CSS_SELECTOR, "#board tr.row"):
        get = tr.get_attribute
        out.append({k: get(f"data-{k}") for k in ("model", "protocol", "sanity", "rank", "flag", "successes", "n", "low",
                                                  "high", "ie", "problems")}
                   | {"acc": tr.find_element(By.CSS_SELECTOR, "td.acc").text,
                      "rank_text": tr.find_element(By.CSS_SELECTOR, "td.rank").text,
                      "name": tr.find_element(By.CSS_SELECTOR, "td.model").text,
                      "audits": tr.find_element(By.CSS_SELECTOR, "td.audits").text})
    return out


def _window(drv) -> tuple[str, str]:
    from selenium.webdriver.common.by import By

    w = drv.find_element(By.ID, "window")
    return w.get_attribute("data-start"), w.get_attribute("data-end")


def _check_against_python(drv, store: Store, shot: Path) -> dict[tuple[str, str], dict[str, str]]:
    from contest_eval.report.render import fmt_prop, row_label

    drv.save_screenshot(str(shot))
    print(f"screenshot: {shot}")
    first, last = _window(drv)
    _, board = _python_board(store.db, first, last)
    shown = _page_rows(drv)
    assert len(shown) == len(board.rows)
    by_key = {(r["model"], r["protocol"]): r for r in shown}
    for row in board.rows:
        cell = row.cells[0]
        got = by_key[(row.name, row.protocol)]
        p = cell.acceptance
        expect = {"rank": "" if cell.rank is None else str(cell.rank), "flag": cell.flag.value,
                  "successes": str(p.successes), "n": str(p.n), "ie": str(cell.ie), "problems": str(cell.problems),
                  "sanity": "true" if row.pseudo else "false"}
        assert {k: got[k] for k in expect} == expect, (first, last, row.name, row.protocol)
        # The browser's doubles are Python's doubles, bit for bit (shortest repr round-trips).
        assert (float(got["low"]), float(got["high"])) == (p.low, p.high)
        assert got["acc"] == fmt_prop(p) and got["name"] == row_label(row.name, row.pseudo)
        assert got["rank_text"] == ("—" if cell.rank is None else f"#{cell.rank}")
    # Sorted by clean acceptance: ranked rows first in rank order, sanity rows last.
    ranks = [int(r["rank"]) for r in shown if r["rank"]]
    is_ranked = [r["rank"] != "" for r in shown]
    assert ranks == sorted(ranks) and is_ranked == sorted(is_ranked, reverse=True)
    assert [r["sanity"] for r in shown][-1] == "true"
    return {(r["model"], r["protocol"].split(",")[0]): r for r in shown}


@pytest.mark.docker
def test_page_slider_matches_the_python_leaderboard(browser, store: Store, tmp_path: Path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from contest_eval.report.summary import is_scored

    page = tmp_path / "board.html"
    _ok(cli("--db", str(store.db), "leaderboard", "--page", str(page)))
    browser.get(page.as_uri())
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []  # no script error
    start, end = browser.find_element(By.ID, "start"), browser.find_element(By.ID, "end")
    d1, d2, d3 = (DAYS[p][1] for p in ("odd-square-sum", "longest-equal-run", "score-board"))

    # Every day: beta and gamma saw part of it, alpha none; the reference row is a sanity check.
    assert _window(browser) == (d1, d3)
    rows = _check_against_python(browser, store, tmp_path / "0-all-days.png")
    assert (rows[("alpha", "python3")]["acc"], rows[("alpha", "python3")]["rank"]) == ("3/6 50.0% [18.8, 81.2]", "1")
    assert rows[("alpha", "cpp")]["rank"] == "2" and rows[("alpha", "cpp")]["acc"].startswith("0/3 0.0% [0.0, ")
    assert rows[("beta", "python3")]["flag"] == rows[("gamma", "python3")]["flag"] == "contaminated window"
    assert rows[("oracle", "python3")]["flag"] == "sanity check" and rows[("oracle", "python3")]["acc"].startswith("3/3 ")
    assert "time: evidence of contamination" in rows[("beta", "python3")]["audits"]
    assert rows[("alpha", "python3")]["audits"] == "none"

    start.send_keys(Keys.ARROW_RIGHT)  # from the second day: beta is clean and leads
    assert _window(browser) == (d2, d3)
    rows = _check_against_python(browser, store, tmp_path / "1-from-day-2.png")
    assert [rows[(m, "python3")]["rank"] for m in ("beta", "alpha", "gamma")] == ["1", "2", ""]
    assert rows[("beta", "python3")]["acc"] == "2/4 50.0% [15.0, 85.0]"

    start.send_keys(Keys.ARROW_RIGHT)  # the last day alone: gamma's boundary is behind it too
    assert _window(browser) == (d3, d3)
    rows = _check_against_python(browser, store, tmp_path / "2-day-3.png")
    assert rows[("gamma", "python3")]["flag"] == "clean" and rows[("beta", "python3")]["rank"] == "1"

    end.send_keys(Keys.ARROW_LEFT)  # the end handle passes the start one and drags it along
    assert _window(browser) == (d2, d2)
    _check_against_python(browser, store, tmp_path / "3-day-2.png")

    start.send_keys(Keys.HOME)  # the first day alone: only alpha is clean
    assert _window(browser) == (d1, d2)
    end.send_keys(Keys.ARROW_LEFT)
    assert _window(browser) == (d1, d1)
    rows = _check_against_python(browser, store, tmp_path / "4-day-1.png")
    assert rows[("beta", "python3")]["flag"] == rows[("gamma", "python3")]["flag"] == "before boundary"

    # Drill-down: alpha's per-problem results in the window [day 1, day 3].
    end.send_keys(Keys.END)
    assert _window(browser) == (d1, d3)
    alpha = "#board tr.row[data-model='alpha'][data-protocol^='python3,']"
    entry_index = browser.find_element(By.CSS_SELECTOR, alpha).get_attribute("data-entry")
    browser.find_element(By.CSS_SELECTOR, f"{alpha} td.model button").click()
    detail = browser.find_element(By.CSS_SELECTOR, f"tr.detail[data-entry='{entry_index}']")
    browser.save_screenshot(str(tmp_path / "5-drill-down.png"))
    print(f"screenshot: {tmp_path / '5-drill-down.png'}")
    got = {tr.get_attribute("data-problem"): (tr.get_attribute("data-solved"), tr.get_attribute("data-scored"),
                                               [c.text for c in tr.find_elements(By.CSS_SELECTOR, "span.v")])
           for tr in detail.find_elements(By.CSS_SELECTOR, "table.problems tbody tr")}
    data, _ = _python_board(store.db, d1, d3)
    entry = next(e for e in data.entries if e.name == "alpha" and e.protocol.startswith("python3"))
    expect = {p: (str(sum(r.verdict == "AC" for r in entry.rows if r.problem == p)),
                  str(sum(r.problem == p and is_scored(r.verdict) for r in entry.rows)),
                  [r.verdict for r in sorted(entry.rows, key=lambda r: r.rollout) if r.problem == p]) for p in DAYS}
    assert got == expect
    assert got["score-board"] == ("0", "2", ["WA", "no_code_block"])
    assert "No contamination audit stored" in detail.text
    # The drill-down stays open while the window moves, and follows it.
    start.send_keys(Keys.END)
    detail = browser.find_element(By.CSS_SELECTOR, "tr.detail")
    assert [tr.get_attribute("data-problem") for tr in detail.find_elements(By.CSS_SELECTOR, "table.problems tbody tr")] \
        == ["score-board"]

    # The preset buttons: every day, then the first day after every model's boundary (gamma's 2026-05-20).
    browser.find_element(By.ID, "all-days").click()
    assert _window(browser) == (d1, d3)
    browser.find_element(By.ID, "after-boundaries").click()
    assert _window(browser) == (d3, d3)
    rows = _check_against_python(browser, store, tmp_path / "6-after-every-boundary.png")
    assert all(r["flag"] in ("clean", "sanity check") for r in rows.values())

    # --since/--until choose the first window shown ([since, until) in UTC days).
    _ok(cli("--db", str(store.db), "leaderboard", "--page", str(page), "--since", "2026-05-01", "--until", "2026-06-01"))
    browser.get(page.as_uri())
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    assert _window(browser) == (d2, d2)
    _check_against_python(browser, store, tmp_path / "7-since-until.png")


@pytest.mark.docker
def test_page_without_dated_problems_says_so(browser, store: Store, tmp_path: Path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    db = tmp_path / "undated.db"
    shutil.copy(store.db, db)
    con = sqlite3.connect(db)
    con.execute("update problems set release_time = null")
    con.commit()
    con.close()
    page = tmp_path / "undated.html"
    _ok(cli("--db", str(db), "leaderboard", "--page", str(page), "--json"))
    browser.get(page.as_uri())
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    browser.save_screenshot(str(tmp_path / "undated.png"))
    print(f"screenshot: {tmp_path / 'undated.png'}")
    assert browser.find_element(By.ID, "empty").is_displayed()
    assert "attempt(s) on problems without a release date" in browser.find_element(By.ID, "notes").text
    assert not browser.find_element(By.ID, "start").is_enabled()


def test_page_statistics_are_pythons_bit_for_bit(browser, tmp_path: Path):
    """The page's Wilson interval and number formatting against report/stats.py and render.fmt_prop, no store needed."""
    import random
    from datetime import datetime, timezone

    from contest_eval.report.leaderboard import ModelEntry
    from contest_eval.report.page import write_leaderboard_page
    from contest_eval.report.queries import LeaderboardData
    from contest_eval.report.render import fmt_prop
    from contest_eval.report.stats import proportion
    from contest_eval.report.summary import AttemptRow

    row = AttemptRow("p", "c", "Easy", "python3", 0, "AC", datetime(2026, 1, 1, tzinfo=timezone.utc), "x")
    data = LeaderboardData([ModelEntry("m", date(2025, 1, 1), [row])], [], [])
    page = write_leaderboard_page(tmp_path / "stats.html", data)
    browser.get(page.as_uri())
    pairs = [(k, n) for n in range(0, 61) for k in range(0, n + 1)] + [(1234, 4321), (99_999, 100_000), (1, 100_000)]
    got = browser.execute_script(
        "const f = window.contestEvalPage; return arguments[0].map(([s, n]) => {"
        " const [low, high] = f.wilson(s, n, 1.96);"
        " return [String(low), String(high), f.fmtProp({successes: s, n, low, high})]; });",
        pairs)
    for (k, n), (low, high, text) in zip(pairs, got):
        p = proportion(k, n)
        assert (float(low), float(high), text) == (p.low, p.high, fmt_prop(p)), (k, n)
    # Python rounds an exact tie to even, JavaScript's toFixed up: 0.25 must print 0.2 on both sides.
    rng = random.Random(7)
    values = [j / 4 for j in range(400)] + [j / 8 for j in range(800)]
    values += [100 * (k / n) for n in range(1, 120) for k in range(n + 1)]  # what pct() formats
    values += [rng.uniform(0, 100) for _ in range(2000)] + [0.05, 0.15, 0.35, 2.675, 99.95, 49.95, 1e-7, -0.0, -0.25]
    shown = browser.execute_script("return arguments[0].map((x) => window.contestEvalPage.fixed1(x));", values)
    assert [x for x, js in zip(values, shown) if js != f"{x:.1f}"] == []
