"""Audit results in the store: one report per audit, one score row per scored text.

The tables are created by the Alembic migration ``0002_audits``
(``contest_eval/db/migrations/versions/0002_audit_tables.py``).  They are SQLAlchemy Core tables on a
private ``MetaData`` so the ORM models stay as they are (``db copy`` includes them).

``audit_scores`` is the memorization audit's resume point: a text scored once
by a scorer (identified by a hash of its backend, model file or endpoint and
options) is never scored again, so an interrupted audit picks up where it
stopped.  ``audit_reports`` keeps every finished audit with its parameters,
its full result and its one-line verdict; the newest per model and kind is
the one shown.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

from sqlalchemy import (JSON, Column, ForeignKey, Index, Integer, MetaData, String, Table, Text, UniqueConstraint, insert,
                        select)
from sqlalchemy.orm import Session

from contest_eval.db.models import UTCDateTime, utcnow

metadata = MetaData()

audit_reports = Table(
    "audit_reports", metadata,
    Column("id", Integer, primary_key=True),
    Column("model_id", Integer, ForeignKey("models.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(32), nullable=False),  # time | memorization | continuation
    Column("params", JSON, nullable=False),
    Column("result", JSON, nullable=False),
    Column("verdict", Text, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Index("ix_audit_reports_model_kind", "model_id", "kind"),
)

audit_scores = Table(
    "audit_scores", metadata,
    Column("id", Integer, primary_key=True),
    Column("model_id", Integer, ForeignKey("models.id", ondelete="CASCADE"), nullable=False),
    Column("scorer", String(64), nullable=False),  # hash of the scorer's identity
    Column("problem_id", Integer, ForeignKey("problems.id", ondelete="CASCADE"), nullable=False),
    Column("text_kind", String(16), nullable=False),  # statement | reference | guided | general (continuation)
    Column("text_hash", String(64), nullable=False),
    Column("n_tokens", Integer, nullable=False),
    Column("metrics", JSON, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("model_id", "scorer", "problem_id", "text_kind", "text_hash"),
)


def scorer_key(identity: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(identity, sort_keys=True, default=str).encode()).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_scores(session: Session, model_id: int, scorer: str) -> dict[tuple[int, str, str], dict[str, Any]]:
    """``(problem_id, text_kind, text_hash) -> metrics`` already scored by this scorer."""
    rows = session.execute(select(audit_scores.c.problem_id, audit_scores.c.text_kind, audit_scores.c.text_hash,
                                  audit_scores.c.metrics, audit_scores.c.n_tokens)
                           .where(audit_scores.c.model_id == model_id, audit_scores.c.scorer == scorer)).all()
    return {(p, k, h): {**m, "n_tokens": n} for p, k, h, m, n in rows}


def save_score(session: Session, model_id: int, scorer: str, problem_id: int, text_kind: str, digest: str,
               n_tokens: int, metrics: dict[str, Any]) -> None:
    session.execute(insert(audit_scores).values(model_id=model_id, scorer=scorer, problem_id=problem_id,
                                                text_kind=text_kind, text_hash=digest, n_tokens=n_tokens,
                                                metrics=metrics, created_at=utcnow()))


def portable(value: Any) -> Any:
    """JSON-safe copy: NaN/inf become null (strict JSON has neither), dates and tuples become strings and lists."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): portable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [portable(v) for v in value]
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)


def save_report(session: Session, model_id: int, kind: str, params: dict[str, Any], result: dict[str, Any],
                verdict: str) -> int:
    clean = portable(result)
    done = session.execute(insert(audit_reports).values(model_id=model_id, kind=kind, params=params, result=clean,
                                                        verdict=verdict, created_at=utcnow()))
    return int(done.inserted_primary_key[0])


def latest_reports(session: Session) -> list[dict[str, Any]]:
    """The newest report of each (model, kind): what `audit list` and the leaderboard show."""
    from contest_eval.db.models import Model

    rows = session.execute(select(audit_reports.c.id, Model.name, audit_reports.c.kind, audit_reports.c.verdict,
                                  audit_reports.c.created_at)
                           .join(Model, Model.id == audit_reports.c.model_id)
                           .order_by(audit_reports.c.id)).all()
    newest: dict[tuple[str, str], dict[str, Any]] = {}
    for rid, name, kind, verdict, created in rows:
        newest[(name, kind)] = {"id": rid, "model": name, "kind": kind, "verdict": verdict,
                                "created_at": created.isoformat()}
    return sorted(newest.values(), key=lambda r: (r["model"], r["kind"]))


def load_report(session: Session, report_id: int) -> dict[str, Any] | None:
    row = session.execute(select(audit_reports).where(audit_reports.c.id == report_id)).mappings().first()
    return dict(row) if row else None


def latest_verdicts(session: Session, model_names: list[str] | None = None) -> dict[str, dict[str, str]]:
    """``model name -> audit kind -> verdict`` of the newest stored report of each: what the leaderboard shows.

    ``model_names`` limits the answer to those models (None: every model with
    an audit); a model without any stored audit is absent from the result.
    """
    from contest_eval.db.models import Model

    q = (select(Model.name, audit_reports.c.kind, audit_reports.c.verdict)
         .join(Model, Model.id == audit_reports.c.model_id).order_by(audit_reports.c.id))
    if model_names is not None:
        if not model_names:
            return {}
        q = q.where(Model.name.in_(model_names))
    out: dict[str, dict[str, str]] = {}
    for name, kind, verdict in session.execute(q).all():
        out.setdefault(name, {})[kind] = verdict  # rows in id order: the newest wins
    return out
