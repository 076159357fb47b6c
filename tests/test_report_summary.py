"""The run report on a synthetic 8 contests x 4 problems x 4 rollouts run."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from contest_eval.report.stats import wilson
from contest_eval.report.summary import AttemptRow, summarize

DIFFICULTY = ["Easy", "Medium", "Medium", "Hard"]
# Five failures over four problems: (contest, problem index, rollout) -> verdict.
FAILURES = {(0, 0, 0): "WA", (0, 0, 1): "TLE", (1, 2, 3): "no_code_block", (3, 3, 2): "RE", (5, 1, 0): "CE"}


def release(ci: int) -> datetime:
    return datetime(2025, 1, 4, 14, 30, tzinfo=timezone.utc) + timedelta(days=7 * ci)


def synthetic_run() -> list[AttemptRow]:
    return [AttemptRow(problem=f"c{ci}-p{pi}", contest=f"weekly-{ci}", difficulty=DIFFICULTY[pi], language="python3",
                       rollout=r, verdict=FAILURES.get((ci, pi, r), "AC"), release_time=release(ci), platform="leetcode")
            for ci in range(8) for pi in range(4) for r in range(4)]


def by_label(groups):
    return {g.label: g for g in groups}


def test_headline_123_of_128():
    s = summarize(synthetic_run())
    assert (s.attempts.successes, s.attempts.n) == (123, 128)
    assert (s.attempts.low, s.attempts.high) == pytest.approx(wilson(123, 128))
    assert round(s.attempts.low, 3) == 0.912 and round(s.attempts.high, 3) == 0.983
    assert s.ie == 0 and s.pending == 0 and s.headline_valid
    assert s.extraction_failures == 1 and s.extraction_reasons == {"no_code_block": 1}
    assert s.by_verdict == {"AC": 123, "CE": 1, "RE": 1, "TLE": 1, "WA": 1, "no_code_block": 1}


def test_problem_level():
    s = summarize(synthetic_run())
    rates = {p.problem: p.rate for p in s.per_problem}
    assert len(rates) == 32
    assert rates["c0-p0"] == 0.5 and rates["c1-p2"] == 0.75 and rates["c3-p3"] == 0.75 and rates["c5-p1"] == 0.75
    assert sum(r == 1.0 for r in rates.values()) == 28
    assert s.problems == 32 and s.solved_by_all == 28 and s.solved_by_any == 32
    assert s.problem_mean is not None
    assert s.problem_mean.mean == pytest.approx(30.75 / 32) and s.problem_mean.n == 32
    assert s.problem_mean.low < s.problem_mean.mean < s.problem_mean.high <= 1.0
    assert s.pass_at[1] == pytest.approx(123 / 128)  # equal rollouts per problem: pass@1 = attempt rate
    assert s.pass_at[2] == pytest.approx((5 / 6 + 31) / 32)
    assert s.pass_at[4] == 1.0 and set(s.pass_at) == {1, 2, 4}


def test_breakdowns():
    s = summarize(synthetic_run())
    contests = by_label(s.by_contest)
    assert len(contests) == 8
    assert contests["weekly-0"].attempts.fraction() == "14/16" and contests["weekly-0"].mean_solve_rate == 0.875
    for c in ("weekly-1", "weekly-3", "weekly-5"):
        assert contests[c].attempts.fraction() == "15/16"
    for c in ("weekly-2", "weekly-4", "weekly-6", "weekly-7"):
        assert contests[c].attempts.fraction() == "16/16" and contests[c].problems == 4
    diff = by_label(s.by_difficulty)
    assert {k: v.attempts.fraction() for k, v in diff.items()} == {"Easy": "30/32", "Medium": "62/64", "Hard": "31/32"}
    assert diff["Medium"].problems == 16
    assert {k: v.attempts.fraction() for k, v in by_label(s.by_language).items()} == {"python3": "123/128"}


def test_ie_attempts_leave_n_and_invalidate_headline():
    rows = synthetic_run()
    extra = [replace(rows[0], rollout=4, verdict="IE"), replace(rows[40], rollout=4, verdict="IE"),
             replace(rows[41], verdict="IE", rollout=5)]
    s = summarize(rows + extra)
    assert s.attempts.fraction() == "123/128" and s.ie == 3
    assert not s.headline_valid and "IE" in s.validity_note
    assert s.by_verdict["IE"] == 3
    assert {p.problem: p.attempts for p in s.per_problem}[rows[0].problem] == 4
    assert sum(g.ie for g in s.by_contest) == 3


def test_all_ie_problem_is_not_a_problem_count():
    rows = synthetic_run() + [AttemptRow("lonely", "weekly-9", "Hard", "python3", 0, "IE", release(9), "leetcode")]
    s = summarize(rows)
    assert s.problems == 32 and len(s.per_problem) == 33 and any("no scored attempt" in n for n in s.notes)


def test_pending_attempts_are_reported_not_scored():
    rows = synthetic_run()
    rows[5] = replace(rows[5], verdict=None)  # c0-p1 rollout 1, an AC
    s = summarize(rows)
    assert s.attempts.fraction() == "122/127" and s.pending == 1 and not s.headline_valid
    assert s.by_verdict["pending"] == 1


def test_boundary_excludes_seen_problems():
    rows = synthetic_run()
    # Contest 1 is released on 2025-01-11: a boundary on that very day makes it seen.
    s = summarize(rows, boundary=date(2025, 1, 11))
    assert s.attempts.fraction() == "94/96"  # contests 2..7: failures in 3 and 5
    assert s.excluded_before_boundary is not None and s.excluded_before_boundary.fraction() == "29/32"
    assert s.excluded_problems == 8 and s.problems == 24
    assert {g.label for g in s.by_contest} == {f"weekly-{i}" for i in range(2, 8)}
    # The day before: contest 1 is clean again.
    assert summarize(rows, boundary=date(2025, 1, 10)).attempts.fraction() == "109/112"


def test_undated_problem_is_never_clean():
    rows = synthetic_run() + [AttemptRow("undated", "x", None, "python3", 0, "AC", None)]
    assert summarize(rows, boundary=date(2024, 1, 1)).attempts.fraction() == "123/128"
    s = summarize(rows)
    assert s.attempts.fraction() == "124/129" and "(none)" in {g.label for g in s.by_difficulty}


def test_empty_run():
    s = summarize([])
    assert s.attempts.n == 0 and not s.headline_valid and s.problem_mean is None and s.pass_at == {}
