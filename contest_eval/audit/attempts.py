"""What the time audit reads: one row per judged attempt, with its covariates.

An attempt is a generation of a model's run (``run --include-seen`` makes runs
that cover both sides of the boundary).  The outcome is Accepted or not; an
output with no extractable code is a failed attempt, as in every report.
Attempts whose verdict is IE (the judge's fault) or still pending say nothing
about the model and are left out; runs of the ``reference`` pseudo-backend are
not a model and are never audited.

Difficulty is the contest rating where known (the store's ``problems.rating``,
else a ratings file in the zerotrac ``ratings.txt`` layout passed by the
user), else the difficulty label.  The label is mapped onto the rating scale
(the mean rating of rated problems with that label in this audit, else a fixed
typical value) and the attempt is marked ``rating_imputed`` so the model can
tell the two apart.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_eval.audit.dating import is_estimated
from contest_eval.db.catalog import model_named
from contest_eval.db.models import Generation, Model, Problem, Run, Submission

NOT_AN_OUTCOME = frozenset({"IE"})
PSEUDO_BACKENDS = frozenset({"reference"})
# Typical zerotrac ratings of LeetCode contest problems per label; used only
# when no rated problem with that label is in the audit.
TYPICAL_RATING = {"easy": 1300.0, "medium": 1700.0, "hard": 2200.0}
UNKNOWN_RATING = 1700.0


class AuditInputError(ValueError):
    """Bad audit input (unknown model, unreadable ratings file, no data)."""


@dataclass(frozen=True)
class Attempt:
    problem: str  # platform/slug: the cluster
    release: datetime
    release_estimated: bool  # an estimated date, not a contest's start
    accepted: bool
    language: str
    difficulty: str | None
    rating: float | None  # None until resolve_difficulty fills it in
    rating_imputed: bool = False


def load_ratings(path: str | Path) -> dict[str, float]:
    """``Title Slug -> Rating`` from a tab-separated zerotrac ``ratings.txt``."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise AuditInputError(f"cannot read ratings file {path}: {exc.strerror}") from exc
    out: dict[str, float] = {}
    with handle:
        reader = csv.reader(handle, delimiter="\t")
        header = next(reader, None)
        if not header or "Rating" not in header or "Title Slug" not in header:
            raise AuditInputError(f"{path}: expected a tab-separated header with 'Rating' and 'Title Slug'")
        r_col, s_col = header.index("Rating"), header.index("Title Slug")
        for number, row in enumerate(reader, start=2):
            if len(row) <= max(r_col, s_col):
                continue
            try:
                out[row[s_col]] = float(row[r_col])
            except ValueError:
                raise AuditInputError(f"{path}:{number}: rating {row[r_col]!r} is not a number") from None
    return out


def find_model(session: Session, name: str) -> Model:
    return model_named(session, name, AuditInputError)


def load_attempts(session: Session, model: Model, ratings: dict[str, float] | None = None) -> list[Attempt]:
    """Every judged attempt of every run of ``model`` on a dated problem."""
    rows = session.execute(
        select(Problem.platform, Problem.slug, Problem.release_time, Problem.contest_id, Problem.source, Problem.difficulty,
               Problem.rating, Problem.release_estimate, Run.language, Submission.language, Submission.verdict, Generation.extract_reason)
        .join(Run, Generation.run_id == Run.id)
        .join(Problem, Generation.problem_id == Problem.id)
        .outerjoin(Submission, Submission.generation_id == Generation.id)
        .where(Run.model_id == model.id, Run.backend.not_in(PSEUDO_BACKENDS))
        .order_by(Problem.release_time, Problem.slug, Generation.id)
    ).all()
    out: list[Attempt] = []
    for platform, slug, released, contest_id, source, difficulty, rating, estimate, run_lang, sub_lang, verdict, reason in rows:
        if released is None or verdict in NOT_AN_OUTCOME or (verdict is None and reason is None):
            continue
        known = rating
        if known is None and ratings and platform == "leetcode":  # the zerotrac file rates LeetCode slugs
            known = ratings.get(slug)
        out.append(Attempt(problem=f"{platform}/{slug}", release=released, release_estimated=is_estimated(estimate, contest_id, source),
                           accepted=verdict == "AC", language=sub_lang or run_lang, difficulty=difficulty, rating=known))
    return resolve_difficulty(out)


def resolve_difficulty(attempts: list[Attempt]) -> list[Attempt]:
    """Fill in a rating for every attempt: known, else imputed from its label."""
    by_label: dict[str, list[float]] = {}
    seen: set[str] = set()
    for a in attempts:
        if a.rating is not None and a.difficulty and a.problem not in seen:
            by_label.setdefault(a.difficulty.lower(), []).append(a.rating)
            seen.add(a.problem)
    means = {k: sum(v) / len(v) for k, v in by_label.items()}
    out = []
    for a in attempts:
        if a.rating is not None:
            out.append(a)
            continue
        label = (a.difficulty or "").lower()
        value = means.get(label, TYPICAL_RATING.get(label, UNKNOWN_RATING))
        out.append(Attempt(a.problem, a.release, a.release_estimated, a.accepted, a.language, a.difficulty, value, True))
    return out
