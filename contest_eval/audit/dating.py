"""`audit estimate-dates`: store estimated release dates for LeetCode problems that have none.

The estimation itself is :mod:`contest_eval.problems.release_estimate` (pure);
this module reads the anchors and the problems from the store and writes the
results back.  It is idempotent: a second run changes nothing unless the
anchors changed.  A problem with a real date is never touched, and an
estimate whose problem has since received a real date (its contest's start,
or a release time that no longer equals the estimate recorded with it) is
replaced by that date and cleared.
"""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

from sqlalchemy import null, select
from sqlalchemy.orm import Session, selectinload

from contest_eval.db.models import Problem
from contest_eval.problems.leetcodedataset import SOURCE as LEETCODEDATASET
from contest_eval.problems.release_estimate import (Anchor, Estimator, leave_one_contest_out, problem_number, reconcile,
                                                    shipped_anchors)

# Sources whose own dates are estimates (LeetCodeDataset's ``estimated_date``): never anchors.
ESTIMATED_SOURCES = frozenset({LEETCODEDATASET})


def is_estimated(release_estimate: Any, contest_id: int | None, source: str) -> bool:
    """Whether a problem's release time is an estimate: ours, or a dataset's own."""
    return release_estimate is not None or (contest_id is None and source in ESTIMATED_SOURCES)


def store_anchors(session: Session) -> list[Anchor]:
    """LeetCode problems in the store with a number and a real release date."""
    rows = session.execute(select(Problem.slug, Problem.frontend_id, Problem.release_time, Problem.contest_id,
                                  Problem.source, Problem.release_estimate)
                           .where(Problem.platform == "leetcode", Problem.release_time.is_not(None),
                                  Problem.frontend_id.is_not(None))).all()
    out = []
    for slug, fid, released, contest_id, source, estimate in rows:
        number = problem_number(fid)
        if number is not None and not is_estimated(estimate, contest_id, source):
            out.append(Anchor(number, released, f"store:{slug}"))
    return out


def estimate_dates(session: Session, validate: bool = True) -> dict[str, Any]:
    """Estimate, update or clear release estimates of the store's LeetCode problems; returns counts."""
    table = shipped_anchors()
    own = store_anchors(session)
    estimator = Estimator([*table, *own])  # store dates override the table for the same number
    counts: Counter[str] = Counter()
    widths: list[float] = []
    q = (select(Problem).options(selectinload(Problem.contest))
         .where(Problem.platform == "leetcode")
         .where((Problem.release_time.is_(None)) | (Problem.release_estimate.is_not(None))))
    for p in session.scalars(q):
        number = problem_number(p.frontend_id)
        start = p.contest.start_time if p.contest is not None else None
        estimate = estimator.estimate(number) if number is not None else None
        release, stored, outcome = reconcile(p.release_time, p.release_estimate, start, estimate)
        if outcome != "real":  # rows an older writer cleared to JSON null: nothing to do, nothing to count
            counts[outcome] += 1
        if (release, stored) != (p.release_time, p.release_estimate):
            # null(): SQL NULL, not the JSON literal null, so "IS NOT NULL" finds only estimates.
            p.release_time, p.release_estimate = release, stored if stored is not None else null()
        if stored is not None and estimate is not None and estimate.low and estimate.high:
            widths.append((estimate.high - estimate.low).total_seconds() / 86400.0)
    session.flush()
    out: dict[str, Any] = {"anchors": {"table": len(table), "store": len(own)}, "outcomes": dict(sorted(counts.items())),
                           "interval_days_median": statistics.median(widths) if widths else None}
    if validate:
        errors = leave_one_contest_out([*table, *own])
        out["leave_one_contest_out"] = {"anchors_checked": len(errors),
                                        "median_abs_error_days": statistics.median(errors) if errors else None,
                                        "p90_abs_error_days": sorted(errors)[int(0.9 * (len(errors) - 1))] if errors else None,
                                        "max_abs_error_days": max(errors) if errors else None}
    return out
