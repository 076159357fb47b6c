"""Time-sliced leaderboard: windows, contamination flags and per-window ranks."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from contest_eval.report.leaderboard import (Flag, ModelEntry, Window, build_leaderboard, classify, edge_windows,
                                             make_windows, month_windows, week_windows)
from contest_eval.report.summary import AttemptRow


def utc(*a: int) -> datetime:
    return datetime(*a, tzinfo=timezone.utc)


def attempts(month: int, accepted: int, total: int, day: int = 10, tag: str = "") -> list[AttemptRow]:
    # One problem per attempt keeps the arithmetic obvious.
    return [AttemptRow(f"m{month}{tag}-{i}", f"contest-{month}", "Medium", "python3", 0,
                       "AC" if i < accepted else "WA", utc(2025, month, day, 12))
            for i in range(total)]


def board():
    # A: boundary mid-February. B: boundary on the last day of March.
    a = ModelEntry("model-a", date(2025, 2, 15),
                   attempts(1, 9, 10) + attempts(2, 8, 10) + attempts(3, 6, 10) + attempts(4, 5, 10)
                   + attempts(5, 7, 10) + attempts(6, 3, 10))
    b = ModelEntry("model-b", date(2025, 3, 31),
                   attempts(1, 10, 10) + attempts(2, 10, 10) + attempts(3, 9, 10, day=31) + attempts(4, 8, 10)
                   + attempts(5, 7, 10) + [AttemptRow("ie-only", "c", "Hard", "python3", 0, "IE", utc(2025, 6, 2))])
    c = ModelEntry("model-c", None, attempts(4, 10, 10))
    entries = [a, b, c]
    windows = make_windows(entries, "month")
    return windows, build_leaderboard(entries, windows, "month")


def test_month_windows_from_data():
    windows, _ = board()
    assert [w.label for w in windows] == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]
    assert windows[1].start == utc(2025, 2, 1) and windows[1].end == utc(2025, 3, 1)
    assert windows[-1].end == utc(2025, 7, 1)
    dec = month_windows(date(2024, 12, 5), date(2025, 1, 1))
    assert [w.label for w in dec] == ["2024-12", "2025-01"] and dec[0].end == utc(2025, 1, 1)


def test_flags():
    windows, lb = board()
    a, b, c = lb.rows
    assert [x.flag for x in a.cells] == [Flag.BEFORE, Flag.CONTAMINATED, Flag.CLEAN, Flag.CLEAN, Flag.CLEAN, Flag.CLEAN]
    # A boundary on the month's last day puts the whole month on the seen side.
    assert [x.flag for x in b.cells] == [Flag.BEFORE, Flag.BEFORE, Flag.BEFORE, Flag.CLEAN, Flag.CLEAN, Flag.NO_DATA]
    assert all(x.flag is Flag.NO_BOUNDARY and x.rank is None for x in c.cells)
    assert classify(windows[3], date(2025, 4, 1)) is Flag.CONTAMINATED
    assert classify(windows[3], date(2025, 4, 30)) is Flag.BEFORE  # April's last day seen: all of April seen
    assert classify(windows[3], date(2025, 3, 31)) is Flag.CLEAN


def test_cells_and_ranks():
    _, lb = board()
    a, b, c = lb.rows
    assert [x.acceptance.fraction() for x in a.cells] == ["9/10", "8/10", "6/10", "5/10", "7/10", "3/10"]
    assert b.cells[2].acceptance.fraction() == "9/10" and b.cells[5].acceptance.fraction() == "0/0"
    assert b.cells[5].ie == 1
    # Flagged cells never carry a rank, whatever their score.
    assert [x.rank for x in a.cells] == [None, None, 1, 2, 1, 1]
    assert [x.rank for x in b.cells] == [None, None, None, 1, 1, None]  # May: 7/10 each, a tie shares rank 1
    assert c.cells[3].acceptance.fraction() == "10/10" and c.cells[3].rank is None  # best score, no boundary
    assert a.total.fraction() == "21/40" and b.total.fraction() == "15/20" and c.total.n == 0


def test_ranks_order_three_clean_models():
    entries = [ModelEntry(n, date(2024, 1, 1), attempts(4, k, 10, tag=n)) for n, k in (("x", 4), ("y", 8), ("z", 4))]
    windows = month_windows(date(2025, 4, 1), date(2025, 4, 30))
    lb = build_leaderboard(entries, windows)
    assert [r.cells[0].rank for r in lb.rows] == [2, 1, 2]
    lo, hi = lb.rows[1].cells[0].acceptance.low, lb.rows[1].cells[0].acceptance.high
    assert lo < 0.8 < hi


def test_week_and_custom_windows():
    weeks = week_windows(date(2025, 1, 1), date(2025, 1, 13))
    assert [w.label for w in weeks] == ["2025-W01", "2025-W02", "2025-W03"]
    assert weeks[0].start == utc(2024, 12, 30) and weeks[0].start.weekday() == 0
    custom = edge_windows([date(2025, 1, 1), date(2025, 3, 1), date(2025, 7, 1)])
    assert [w.label for w in custom] == ["2025-01-01..2025-02-28", "2025-03-01..2025-06-30"]
    lb = build_leaderboard([ModelEntry("a", date(2025, 2, 15), attempts(1, 1, 2) + attempts(4, 2, 2))], custom, "custom")
    assert [x.flag for x in lb.rows[0].cells] == [Flag.CONTAMINATED, Flag.CLEAN]
    with pytest.raises(ValueError):
        edge_windows([date(2025, 1, 1)])
    with pytest.raises(ValueError):
        edge_windows([date(2025, 2, 1), date(2025, 1, 1)])
    with pytest.raises(ValueError):
        make_windows([], "fortnight", since=date(2025, 1, 1), until=date(2025, 2, 1))


def test_undated_and_empty():
    entry = ModelEntry("a", date(2025, 1, 1), [AttemptRow("u", None, None, "python3", 0, "AC", None)])
    assert make_windows([entry]) == []
    lb = build_leaderboard([entry], month_windows(date(2025, 2, 1), date(2025, 2, 1)))
    assert lb.undated_attempts == 1 and lb.rows[0].cells[0].flag is Flag.NO_DATA
    assert Window("x", utc(2025, 1, 1), utc(2025, 2, 1)).contains(utc(2025, 1, 31, 23, 59))


def test_pseudo_model_is_a_sanity_row_never_ranked():
    # The reference solutions score 100%: listed last as a sanity row, never #1.
    oracle = ModelEntry("oracle", date(2000, 1, 1), attempts(4, 10, 10, tag="o"), protocol="python3", pseudo=True)
    model = ModelEntry("model", date(2024, 1, 1), attempts(4, 6, 10, tag="m"), protocol="python3")
    lb = build_leaderboard([oracle, model], month_windows(date(2025, 4, 1), date(2025, 4, 30)))
    assert [r.name for r in lb.rows] == ["model", "oracle"]
    real, sanity = lb.rows
    assert real.cells[0].rank == 1 and not real.pseudo
    assert sanity.pseudo and sanity.cells[0].rank is None and sanity.cells[0].flag is Flag.SANITY
    assert sanity.total.fraction() == "10/10"  # its own check stays visible
    assert any("sanity" in n for n in lb.notes)


def test_rows_of_different_protocols_are_noted():
    a = ModelEntry("m", date(2024, 1, 1), attempts(4, 5, 10, tag="a"), protocol="python3, 1 rollout")
    b = ModelEntry("m", date(2024, 1, 1), attempts(4, 7, 10, tag="b"), protocol="cpp, 1 rollout")
    lb = build_leaderboard([a, b], month_windows(date(2025, 4, 1), date(2025, 4, 30)))
    assert [r.protocol for r in lb.rows] == ["python3, 1 rollout", "cpp, 1 rollout"]
    assert [r.cells[0].acceptance.fraction() for r in lb.rows] == ["5/10", "7/10"]  # never pooled into 12/20
    assert any("2 different protocols" in n for n in lb.notes)
    same = build_leaderboard([a], month_windows(date(2025, 4, 1), date(2025, 4, 30)))
    assert same.notes == []


def test_day_window_is_inclusive_of_both_days():
    from contest_eval.report.leaderboard import day_window

    w = day_window(date(2026, 5, 16), date(2026, 6, 6))
    assert (w.start, w.end, w.label) == (utc(2026, 5, 16), utc(2026, 6, 7), "2026-05-16..2026-06-06")
    assert w.contains(utc(2026, 6, 6, 23, 59)) and not w.contains(utc(2026, 6, 7)) and not w.contains(utc(2026, 5, 15, 23))
    # The boundary day itself is seen: a window starting on it is contaminated, one starting the day after is clean.
    assert classify(day_window(date(2026, 5, 20), date(2026, 6, 6)), date(2026, 5, 20)) is Flag.CONTAMINATED
    assert classify(day_window(date(2026, 5, 21), date(2026, 6, 6)), date(2026, 5, 20)) is Flag.CLEAN
    assert classify(day_window(date(2026, 4, 11), date(2026, 5, 20)), date(2026, 5, 20)) is Flag.BEFORE
    with pytest.raises(ValueError):
        day_window(date(2026, 6, 6), date(2026, 6, 5))


def test_audits_pass_through_to_the_row_and_never_change_a_rank():
    from contest_eval.report.leaderboard import AuditNote

    notes = (AuditNote("memorization", "no separation", "2026-11-30T10:00:00+00:00", 7),
             AuditNote("time", "evidence of contamination", "2026-11-29T10:00:00+00:00", 5))
    audited = ModelEntry("audited", date(2024, 1, 1), attempts(4, 6, 10, tag="a"), audits=notes)
    plain = ModelEntry("plain", date(2024, 1, 1), attempts(4, 4, 10, tag="p"))
    lb = build_leaderboard([audited, plain], month_windows(date(2025, 4, 1), date(2025, 4, 30)))
    assert lb.rows[0].audits == notes and lb.rows[1].audits == ()
    assert [r.cells[0].rank for r in lb.rows] == [1, 2]
