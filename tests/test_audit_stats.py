"""The time audit's statistics on attempt rows built in memory (the Docker-judged
planted control is tests/test_audit_time.py): the edge cases a store can hold."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from contest_eval.audit.attempts import Attempt, resolve_difficulty
from contest_eval.audit.timeline import boundary_odds_ratio, monthly, time_audit


def _attempt(i: int, month: int, accepted: bool, label: str = "Easy", rating: float | None = None,
             lang: str = "python3") -> Attempt:
    return Attempt(f"p/{i}", datetime(2025, month, 10, tzinfo=timezone.utc), False, accepted, lang, label, rating)


def test_labels_fall_back_to_the_mean_rating_of_their_label():
    rows = resolve_difficulty([_attempt(0, 1, True, "Hard", 2400.0), _attempt(1, 1, True, "Hard", 2000.0),
                               _attempt(2, 2, False, "Hard"), _attempt(3, 2, False, "Medium")])
    assert [r.rating for r in rows] == [2400.0, 2000.0, 2200.0, 1700.0]
    assert [r.rating_imputed for r in rows] == [False, False, True, True]


def test_monthly_wilson_cells_and_sides():
    rows = [_attempt(i, 1 + i % 3, i % 2 == 0) for i in range(9)]
    cells = monthly(rows, datetime(2025, 1, 31, 23, 59, 59, tzinfo=timezone.utc))
    assert [(c.month, c.successes, c.n, c.after) for c in cells] == [("2025-01", 2, 3, False), ("2025-02", 1, 3, True),
                                                                     ("2025-03", 2, 3, True)]
    assert cells[0].low == pytest.approx(0.2077, abs=1e-3) and cells[0].high == pytest.approx(0.9385, abs=1e-3)


def test_odds_ratio_says_why_it_cannot_be_estimated():
    edge = datetime(2025, 1, 31, 23, 59, 59, tzinfo=timezone.utc)
    before_only = [_attempt(i, 1, i % 2 == 0) for i in range(6)]
    assert "no attempts after the boundary" in boundary_odds_ratio(before_only, edge).note
    separated = [_attempt(i, 1, True) for i in range(4)] + [_attempt(10 + i, 3, i == 0) for i in range(4)]
    assert "separation" in boundary_odds_ratio(separated, edge).note
    assert "no boundary" in boundary_odds_ratio(separated, None).note


def test_languages_enter_the_model_and_an_empty_audit_is_refused():
    rows = resolve_difficulty([_attempt(i, 1 + i % 6, (i * 7) % 3 != 0, ("Easy", "Hard")[i % 2],
                                        lang=("python3", "cpp")[(i // 2) % 2]) for i in range(40)])
    audit = time_audit("m", date(2025, 3, 31), rows, resamples=30, permutations=19)
    assert "language=python3" in audit.odds_ratio.covariates
    assert audit.odds_ratio.low < 1 < audit.odds_ratio.high
    with pytest.raises(ValueError, match="no judged attempts"):
        time_audit("m", date(2025, 3, 31), [])


def test_estimated_release_dates_are_counted_named_and_shown():
    from contest_eval.audit.page import time_page
    from contest_eval.audit.results import portable

    rows = resolve_difficulty([Attempt(f"p/{i}", datetime(2025, 1 + i % 6, 10, tzinfo=timezone.utc), i % 3 == 0,
                                       (i * 7) % 3 != 0, "python3", "Easy", None) for i in range(30)])
    audit = time_audit("m", date(2025, 3, 31), rows, resamples=30, permutations=19)
    assert audit.estimated_attempts == 10 and audit.estimated_problems == sorted(f"p/{i}" for i in range(0, 30, 3))
    assert "10 of 30 attempts are on problems whose release date is estimated" in audit.verdict
    assert [c.month for c in audit.months if c.estimated] == ["2025-01", "2025-04"]  # i % 3 == 0 falls in months 1 and 4
    page = time_page(portable(audit.to_dict()))
    assert "Estimated release dates:</b> 10 of 30 attempts (10 problems)" in page and "(est.)" in page
