"""Release dates estimated from LeetCode problem numbers.

Pure fixtures check the interpolation, its bounds and the reconciliation
rules; the shipped anchor table must be exactly what the two public files it
cites produce; and the real LeetCodeDataset v0.2.0 file (1,890 problems
without dates) goes through the real CLI into a real SQLite store, where
every numbered problem gets an estimate, a second run changes nothing, and a
contest schedule arriving replaces the estimates of its problems.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import SHARED_DATA, need_shared_data
from contest_eval.problems.release_estimate import (Anchor, Estimator, build_anchor_table, leave_one_contest_out,
                                                    parse_anchor_table, problem_number, reconcile, shipped_anchors)
from test_cli import cli

UTC = timezone.utc


def _day(d: str) -> datetime:
    return datetime.fromisoformat(d).replace(tzinfo=UTC)


ANCHORS = [Anchor(100, _day("2020-01-05"), "weekly-1"), Anchor(101, _day("2020-01-05"), "weekly-1"),
           Anchor(110, _day("2020-01-12"), "weekly-2"), Anchor(112, _day("2020-01-12"), "weekly-2"),
           Anchor(120, _day("2020-01-26"), "weekly-3"), Anchor(119, _day("2020-01-19"), "weekly-4")]


def test_interpolates_between_the_bracketing_anchors_with_their_dates_as_bounds():
    est = Estimator(ANCHORS)
    mid = est.estimate(105)  # between #101 (01-05) and #110 (01-12): 4/9 of the way
    assert mid.release == _day("2020-01-05") + timedelta(days=7 * 4 / 9)
    assert (mid.low, mid.high) == (_day("2020-01-05"), _day("2020-01-12"))
    assert "#101 (weekly-1)" in mid.basis and "#110 (weekly-2)" in mid.basis
    # A number is an anchor: that contest's date, no uncertainty.
    hit = est.estimate(112)
    assert hit.release == hit.low == hit.high == _day("2020-01-12")
    # Outside the anchors: a one-sided bound, the other side null.
    early, late = est.estimate(3), est.estimate(500)
    assert (early.release, early.low, early.high) == (_day("2020-01-05"), None, _day("2020-01-05"))
    assert (late.release, late.low, late.high) == (_day("2020-01-26"), _day("2020-01-26"), None)
    assert early.to_json()["method"] == "problem-number" and early.to_json()["low"] is None


def test_numbers_out_of_time_order_still_give_an_ordered_interval():
    # The lower number has the later date (numbers follow writing, not contest order).
    est = Estimator([Anchor(10, _day("2020-02-09"), "late"), Anchor(20, _day("2020-02-02"), "early")])
    got = est.estimate(15)
    assert got.low == _day("2020-02-02") and got.high == _day("2020-02-09") and got.low <= got.release <= got.high


def test_leave_one_contest_out_excludes_the_whole_contest():
    # Without weekly-2, #110 and #112 lie between #101 (01-05) and #119 (01-19).
    errors = leave_one_contest_out(ANCHORS)
    est = Estimator(ANCHORS)
    got = est.estimate(110, exclude=frozenset({"weekly-2"}))
    assert got.low == _day("2020-01-05") and got.high == _day("2020-01-19")
    # weekly-1 (#100, #101) and weekly-3 (#120) would be bounds, not interpolations: not counted.
    # #110: 9/18 of 14 days after 01-05 = 01-12 exactly; #112: 11/18 of 14 days = 01-13.56 (1.56 late);
    # #119 without weekly-4: between #112 (01-12) and #120 (01-26), 7/8 of 14 days = 01-24.25 (5.25 late).
    assert errors == pytest.approx([0.0, 14 * 11 / 18 - 7, 5.25])


def test_reconcile_never_overwrites_a_real_date_and_lets_one_replace_an_estimate():
    est = Estimator(ANCHORS).estimate(105)
    real = _day("2019-06-01")
    assert reconcile(real, None, None, est) == (real, None, "real")
    release, stored, outcome = reconcile(None, None, None, est)
    assert (release, stored, outcome) == (est.release, est.to_json(), "estimated")
    assert reconcile(release, stored, None, est)[2] == "unchanged"
    # A contest start arrives: it replaces the estimate, which is cleared.
    assert reconcile(release, stored, real, est) == (real, None, "replaced")
    # Someone stored a real release time over the estimate: kept, estimate cleared.
    assert reconcile(real, stored, None, est) == (real, None, "replaced")
    assert reconcile(None, None, None, None) == (None, None, "unestimable")
    assert problem_number(" 42 ") == 42 and problem_number("LCP 1") is None and problem_number(None) is None


def test_shipped_table_is_derived_from_the_cited_files():
    contests = need_shared_data(SHARED_DATA / "leetcode" / "contests.json")
    ratings = need_shared_data(SHARED_DATA / "leetcode" / "ratings.txt")
    rebuilt = build_anchor_table(json.loads(contests.read_text(encoding="utf-8")), ratings.read_text(encoding="utf-8"))
    shipped = Path(__file__).resolve().parents[1] / "contest_eval" / "problems" / "leetcode_anchors.csv"
    assert shipped.read_text(encoding="utf-8") == rebuilt
    anchors = shipped_anchors()
    assert parse_anchor_table(rebuilt) == anchors and len(anchors) > 2400
    errors = leave_one_contest_out(anchors)
    median = statistics.median(errors)
    print(f"leave-one-contest-out over {len(errors)} contest problems: median {median:.2f} days, "
          f"p90 {sorted(errors)[int(0.9 * (len(errors) - 1))]:.2f}, max {max(errors):.2f}")
    assert median <= 7.0  # contests are a week apart: the neighbours bound the error


@pytest.fixture(scope="module")
def lcd_store(tmp_path_factory) -> Path:
    data = need_shared_data(SHARED_DATA / "leetcodedataset" / "LeetCodeDataset-v0.2.0-train.jsonl.gz")
    db = tmp_path_factory.mktemp("estimates") / "lcd.db"
    out = cli("--db", str(db), "import", "leetcodedataset", str(data), "--json")
    assert out.returncode == 0, out.stderr
    return db


def test_the_real_leetcodedataset_gets_estimates_and_keeps_real_dates(lcd_store: Path):
    con = sqlite3.connect(lcd_store)
    assert con.execute("select count(*) from problems where release_time is null").fetchone()[0] >= 1800
    first = cli("--db", str(lcd_store), "audit", "estimate-dates", "--json")
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    numbered = con.execute("select count(*) from problems where platform='leetcode'").fetchone()[0]
    assert data["outcomes"]["estimated"] == numbered
    rows = con.execute("select slug, frontend_id, release_time, release_estimate from problems").fetchall()
    assert all(r[2] is not None and json.loads(r[3])["method"] == "problem-number" for r in rows)
    # Idempotent.
    again = json.loads(cli("--db", str(lcd_store), "audit", "estimate-dates", "--json").stdout)
    assert again["outcomes"] == {"unchanged": numbered}
    assert con.execute("select slug, frontend_id, release_time, release_estimate from problems").fetchall() == rows

    # Contest problems in the dataset: estimated without their own contest, against the real date.
    by_number = {}
    for a in shipped_anchors():
        by_number[a.number] = a
    est = Estimator(shipped_anchors())
    errors = []
    for slug, fid, _, _ in rows:
        a = by_number.get(problem_number(fid) or -1)
        if a is not None:
            got = est.estimate(a.number, exclude=frozenset({a.basis}))
            if got.low is not None and got.high is not None:
                errors.append(abs((got.release - a.release).total_seconds()) / 86400)
    print(f"LeetCodeDataset v0.2.0: {len(errors)} contest problems, leave-one-contest-out median "
          f"{statistics.median(errors):.2f} days, max {max(errors):.2f}")
    assert len(errors) > 500 and statistics.median(errors) <= 7.0

    # Classic problems before the first anchor (Weekly Contest 83, 2018-05-06): an upper bound only.
    two_sum = json.loads(con.execute("select release_estimate from problems where slug='two-sum'").fetchone()[0])
    assert two_sum["low"] is None and two_sum["high"].startswith("2018-05-06")

    # The schedule arrives: the contest problems' estimates give way to their contests' start.
    contests = need_shared_data(SHARED_DATA / "leetcode" / "contests.json")
    estimated_before = con.execute("select count(*) from problems where release_estimate is not null").fetchone()[0]
    assert cli("--db", str(lcd_store), "import", "contests", str(contests)).returncode == 0
    # The import itself replaces them (db/catalog.py); estimate-dates finds nothing left to replace.
    estimated_after = con.execute("select count(*) from problems where release_estimate is not null").fetchone()[0]
    assert estimated_before - estimated_after > 500
    third = json.loads(cli("--db", str(lcd_store), "audit", "estimate-dates", "--json").stdout)
    assert "replaced" not in third["outcomes"] and "estimated" not in third["outcomes"], third["outcomes"]
    dated = con.execute("select p.release_time, p.release_estimate, c.start_time from problems p join contests c "
                        "on p.contest_id = c.id where p.source = 'leetcodedataset'").fetchall()
    assert dated and all(r[1] is None and r[0] == r[2] for r in dated)
    # Re-importing the dataset (no dates in it) neither erases an estimate nor a real date.
    data_file = SHARED_DATA / "leetcodedataset" / "LeetCodeDataset-v0.2.0-train.jsonl.gz"
    before = con.execute("select slug, release_time, release_estimate from problems order by slug").fetchall()
    assert cli("--db", str(lcd_store), "import", "leetcodedataset", str(data_file)).returncode == 0
    assert con.execute("select slug, release_time, release_estimate from problems order by slug").fetchall() == before
