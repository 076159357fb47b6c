"""Loading report rows from the store (the only I/O in ``contest_eval.report``).

A generation with a submission carries the judge's verdict; one without a
submission but with an extraction reason failed before judging (an outcome of
the run); one with neither is still waiting for the judge (``verdict=None``).
Problems a run has not generated yet have no row at all, so a report on an
unfinished run covers only what exists; ``RunInfo.status`` says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from contest_eval.db.models import Contest, Generation, Model, Problem, Run, Submission
from contest_eval.report.leaderboard import ModelEntry
from contest_eval.report.summary import AttemptRow


def model_boundary(model: Model) -> date | None:
    """The explicit boundary, else the later of cutoff and release date."""
    if model.boundary is not None:
        return model.boundary
    known = [d for d in (model.cutoff, model.released) if d is not None]
    return max(known) if known else None


@dataclass(frozen=True)
class RunInfo:
    run_id: int
    model: str
    boundary: date | None
    backend: str
    language: str
    rollouts: int
    status: str
    created_at: datetime
    finished_at: datetime | None
    params: dict[str, Any] = field(default_factory=dict)


def _attempts() -> Select[Any]:
    # Outer joins: a problem may have no contest, a generation no submission.
    return (
        select(Generation.rollout, Generation.extract_reason, Run.id, Run.language, Run.model_id,
               Problem.slug, Problem.platform, Problem.difficulty, Problem.release_time,
               Contest.slug, Submission.verdict, Submission.language)
        .join(Run, Generation.run_id == Run.id)
        .join(Problem, Generation.problem_id == Problem.id)
        .outerjoin(Contest, Problem.contest_id == Contest.id)
        .outerjoin(Submission, Submission.generation_id == Generation.id)
        .order_by(Run.id, Problem.release_time, Problem.slug, Generation.rollout)
    )


def _row(t: Sequence[Any]) -> AttemptRow:
    rollout, reason, _run_id, run_lang, _model_id, slug, platform, difficulty, released, contest, verdict, sub_lang = t
    return AttemptRow(problem=slug, contest=contest, difficulty=difficulty, language=sub_lang or run_lang,
                      rollout=rollout, verdict=verdict if verdict is not None else reason,
                      release_time=released, platform=platform)


def load_run_info(session: Session, run_id: int) -> RunInfo:
    found = session.execute(select(Run, Model).join(Model, Run.model_id == Model.id).where(Run.id == run_id)).first()
    if found is None:
        raise LookupError(f"no run with id {run_id}")
    run, model = found
    return RunInfo(run_id=run.id, model=model.name, boundary=model_boundary(model), backend=run.backend,
                   language=run.language, rollouts=run.rollouts, status=run.status, created_at=run.created_at,
                   finished_at=run.finished_at, params=dict(run.params or {}))


def load_run_rows(session: Session, run_id: int) -> list[AttemptRow]:
    """One AttemptRow per generation of the run."""
    return [_row(t) for t in session.execute(_attempts().where(Run.id == run_id)).all()]


def load_leaderboard_entries(session: Session, *, statuses: Sequence[str] | None = None,
                             models: Sequence[str] | None = None) -> list[ModelEntry]:
    """Every run of every model, pooled per model (in model-name order).

    Pooling several runs of one model adds their attempts together; filter by
    ``statuses`` (e.g. ``["finished"]``) to keep partial runs out.
    """
    model_q = select(Model).order_by(Model.name)
    if models:
        model_q = model_q.where(Model.name.in_(list(models)))
    model_list = list(session.scalars(model_q))
    q = _attempts().where(Run.model_id.in_([m.id for m in model_list]))
    if statuses:
        q = q.where(Run.status.in_(list(statuses)))
    per_model: dict[int, list[AttemptRow]] = {m.id: [] for m in model_list}
    for t in session.execute(q).all():
        per_model[t[4]].append(_row(t))
    return [ModelEntry(name=m.name, boundary=model_boundary(m), rows=per_model[m.id]) for m in model_list]
