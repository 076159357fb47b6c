"""Imported tests become a suite: origin "imported", versioned like a built one.

A dataset's tests (DeepSeek asserts, LeetCodeDataset ``input_output``, LCB
public and private tests) are stored as the problem's suite at import time,
so ``judge submit --problem`` and ``run`` can use them.  Rules:

- the suite's identity is its content hash (tests, comparison, limits): a
  re-import of the same data finds the same suite and adds nothing, and
  changed data adds the next version;
- a suite built from a recipe (``suite build``) is stronger than imported
  tests, so once one exists imports leave it as the latest version;
- tests whose expected output is not an answer were already flagged by the
  importer; they are listed in the suite's ``info`` with their reasons;
- a problem whose answers are not unique and has no checker gets no suite.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_eval.db.models import Problem, Suite, SuiteTest
from contest_eval.problems.record import ProblemRecord
from contest_eval.suite.builder import content_hash

ORIGIN = "imported"


@dataclass
class ImportedSuites:
    """What an import did to suites, for the summary."""

    suites: Counter[str] = field(default_factory=Counter)  # new | unchanged | kept | not_judged | no_tests
    tests_stored: int = 0
    flagged: Counter[str] = field(default_factory=Counter)  # reason kind -> tests
    flagged_tests: list[dict[str, Any]] = field(default_factory=list)
    not_judged: list[dict[str, str]] = field(default_factory=list)
    policies: Counter[str] = field(default_factory=Counter)  # compare policy -> suites

    def as_dict(self) -> dict[str, Any]:
        return {"suites": dict(self.suites), "tests_stored": self.tests_stored, "tests_flagged": sum(self.flagged.values()),
                "flagged_by_reason": dict(self.flagged), "compare": dict(self.policies),
                "not_judged": self.not_judged, "flagged_tests": self.flagged_tests}


def store_imported_suite(session: Session, rec: ProblemRecord, tally: ImportedSuites | None = None) -> str:
    """Store ``rec.tests`` as the problem's imported suite; returns what happened."""
    tally = tally if tally is not None else ImportedSuites()
    for t in rec.excluded_tests:
        tally.flagged[t.reason.split(":", 1)[0]] += 1
        tally.flagged_tests.append({"slug": rec.slug, "test": t.index, "reason": t.reason})
    outcome = _store(session, rec, tally)
    tally.suites[outcome] += 1
    return outcome


def _store(session: Session, rec: ProblemRecord, tally: ImportedSuites) -> str:
    if not rec.tests:
        return "no_tests"
    if rec.compare is None:
        tally.not_judged.append({"slug": rec.slug, "reason": rec.compare_note or "answers are not unique"})
        return "not_judged"
    problem = session.scalar(select(Problem).where(Problem.platform == rec.platform, Problem.slug == rec.slug))
    if problem is None:  # upsert_problem runs first in the same transaction; this is a caller bug
        raise LookupError(f"problem {rec.platform}/{rec.slug} is not stored")
    tests = [(t.input, t.output, ORIGIN) for t in rec.tests]
    limits = (rec.time_limit_ms or 0, rec.memory_limit_mb or 0)
    digest = content_hash(rec.compare, tests, limits)
    latest = session.scalars(select(Suite).where(Suite.problem_id == problem.id).order_by(Suite.version.desc())).first()
    if latest is not None and latest.origin != ORIGIN:
        return "kept"  # a suite built from a recipe stays the one judged
    if session.scalar(select(Suite.id).where(Suite.problem_id == problem.id, Suite.content_hash == digest)) is not None:
        tally.policies[rec.compare] += 1
        return "unchanged"
    info: dict[str, Any] = {"source": rec.source, "compare_note": rec.compare_note,
                            "excluded": [{"test": t.index, "reason": t.reason} for t in rec.excluded_tests]}
    if rec.time_limit_ms:
        info["time_limit_ms"] = rec.time_limit_ms
    if rec.memory_limit_mb:
        info["memory_limit_mb"] = rec.memory_limit_mb
    suite = Suite(problem_id=problem.id, version=(latest.version + 1) if latest else 1, content_hash=digest,
                  compare=rec.compare, origin=ORIGIN, info=info)
    suite.tests = [SuiteTest(ordinal=i, input=a, output=b, origin=o) for i, (a, b, o) in enumerate(tests)]
    session.add(suite)
    tally.tests_stored += len(tests)
    tally.policies[rec.compare] += 1
    return "new"
