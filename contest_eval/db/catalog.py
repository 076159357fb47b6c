"""Contests, problems, references and suites: idempotent writes and queries.

Importers and scrapers hand over :class:`ProblemRecord`/:class:`ContestRecord`;
this module turns them into rows.  Re-importing updates in place and never
duplicates; a changed statement keeps its history as a revision; fields the
new source does not know (``None``/empty) never erase what another source
already stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contest_eval.db.models import Contest, Model, Problem, Reference, Revision, Suite, utcnow
from contest_eval.problems.metadata import is_inferred, merge_metadata
from contest_eval.problems.record import ContestRecord, ProblemRecord

# ProblemRecord fields copied onto Problem when the record knows them.
# Importers whose release dates are themselves estimates (LeetCodeDataset's
# `estimated_date`): such a date never clears a stored estimate's marking.
ESTIMATED_DATE_SOURCES = frozenset({"leetcodedataset"})
_FIELDS = ("title", "frontend_id", "contest_index", "release_time", "difficulty", "rating", "statement_html",
           "statement_text", "kind", "starter_code", "tags", "time_limit_ms", "memory_limit_mb", "paid_only")


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def as_dict(self) -> dict[str, int]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged, "skipped": self.skipped}


def _known(value: Any) -> bool:
    return value not in (None, "", [], {})


def upsert_contest(session: Session, rec: ContestRecord) -> str:
    row = session.scalar(select(Contest).where(Contest.platform == rec.platform, Contest.slug == rec.slug))
    outcome = "unchanged"
    if row is None:
        row = Contest(platform=rec.platform, slug=rec.slug)
        session.add(row)
        outcome = "new"
    for name, value in (("title", rec.title), ("start_time", rec.start_time), ("duration_s", rec.duration_s), ("source", rec.source)):
        if _known(value) and getattr(row, name) != value:
            setattr(row, name, value)
            outcome = "updated" if outcome == "unchanged" else outcome
    session.flush()
    # The schedule is what gives every problem its release time.
    for index, slug in enumerate(rec.problem_slugs, start=1):
        problem = session.scalar(select(Problem).where(Problem.platform == rec.platform, Problem.slug == slug))
        if problem is None:
            problem = Problem(platform=rec.platform, slug=slug, source=rec.source)
            session.add(problem)
        problem.contest_id = row.id
        problem.contest_index = problem.contest_index or (f"Q{index}" if rec.platform == "leetcode" else chr(64 + index))
        if rec.start_time is not None:
            problem.release_time = rec.start_time
            problem.release_estimate = None  # the schedule's date is the real one
    return outcome


def _contest_for(session: Session, platform: str, slug: str) -> Contest:
    row = session.scalar(select(Contest).where(Contest.platform == platform, Contest.slug == slug))
    if row is None:
        row = Contest(platform=platform, slug=slug)
        session.add(row)
        session.flush()
    return row


def _richer_metadata(stored: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any] | None:
    """Never replace LeetCode's own signature with one inferred from a solution's code;
    two inferred ones are merged (Java/C++ refine Python's int to long, str to char)."""
    if stored is None or not is_inferred(new):
        return new
    if not is_inferred(stored):
        return stored
    return merge_metadata(new, stored)


def upsert_problem(session: Session, rec: ProblemRecord) -> str:
    """Insert or update one problem with its references; returns the outcome."""
    row = session.scalar(select(Problem).where(Problem.platform == rec.platform, Problem.slug == rec.slug))
    outcome = "unchanged"
    if row is None:
        row = Problem(platform=rec.platform, slug=rec.slug, source=rec.source)
        session.add(row)
        outcome = "new"
    elif not row.title and not row.statement_hash and not row.statement_text and row.meta is None:
        outcome = "new"  # a placeholder a contest schedule made: this is its first real content
    changed = False
    if _known(rec.release_time) and rec.source not in ESTIMATED_DATE_SOURCES and row.release_estimate is not None:
        row.release_estimate, changed = None, True  # a real date arrived: it replaces the estimate
    for name in _FIELDS:
        value = getattr(rec, name)
        if name == "paid_only":
            value = value or None
        if _known(value) and getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    if rec.metadata and row.meta != rec.metadata:
        meta = _richer_metadata(row.meta, rec.metadata)
        if meta != row.meta:
            row.meta, changed = meta, True
    if rec.examples:
        examples = [{"input": e.input, "output": e.output, "explanation": e.explanation} for e in rec.examples]
        if row.examples != examples:
            row.examples, changed = examples, True
    if rec.statement_html and row.statement_hash != rec.statement_hash:
        row.statement_hash = rec.statement_hash
        changed = True
    if rec.contest_slug:
        contest = _contest_for(session, rec.platform, rec.contest_slug)
        if row.contest_id != contest.id:
            row.contest_id, changed = contest.id, True
        if (row.release_time is None or row.release_estimate is not None) and contest.start_time is not None:
            row.release_time, row.release_estimate = contest.start_time, None
    session.flush()
    if rec.statement_html and not session.scalar(select(Revision.id).where(Revision.problem_id == row.id, Revision.statement_hash == rec.statement_hash)):
        session.add(Revision(problem_id=row.id, statement_hash=rec.statement_hash, statement_html=rec.statement_html,
                             fetched_at=utcnow(), source=rec.source))
    for ref in rec.references:
        existing = session.scalar(select(Reference).where(Reference.problem_id == row.id, Reference.language == ref.language,
                                                          Reference.origin == ref.origin, Reference.name == ref.name))
        if existing is None:
            session.add(Reference(problem_id=row.id, language=ref.language, origin=ref.origin, name=ref.name, code=ref.code))
            changed = True
        elif existing.code != ref.code:
            existing.code, changed = ref.code, True
    if changed and outcome == "unchanged":
        outcome = "updated"
    return outcome


def find_problem(session: Session, slug: str, platform: str | None = None) -> Problem | None:
    query = select(Problem).where(Problem.slug == slug).options(selectinload(Problem.references))
    if platform:
        query = query.where(Problem.platform == platform)
    return session.scalars(query).first()


def list_problems(session: Session, platform: str | None = None, since: datetime | None = None, until: datetime | None = None,
                  contests: Sequence[str] = ()) -> list[Problem]:
    query = select(Problem).options(selectinload(Problem.contest)).order_by(Problem.release_time, Problem.contest_index, Problem.slug)
    if platform:
        query = query.where(Problem.platform == platform)
    if since is not None:
        query = query.where(Problem.release_time >= since)
    if until is not None:
        query = query.where(Problem.release_time < until)
    if contests:
        query = query.join(Contest, Problem.contest_id == Contest.id).where(Contest.slug.in_(list(contests)))
    return list(session.scalars(query))


def model_named(session: Session, name: str, error: type[Exception]) -> Model:
    """The registered model called ``name``, or ``error`` with the one-line hint every command gives."""
    model = session.scalar(select(Model).where(Model.name == name))
    if model is None:
        raise error(f"unknown model {name!r}; add it with: contest-eval models add")
    return model


def latest_suite(session: Session, problem_id: int) -> Suite | None:
    return session.scalars(select(Suite).where(Suite.problem_id == problem_id).order_by(Suite.version.desc())
                           .options(selectinload(Suite.tests))).first()
