"""Loading report rows from the store (the only I/O in ``contest_eval.report``).

A generation with a submission carries the judge's verdict; one without a
submission but with an extraction reason failed before judging (an outcome of
the run); one with neither is still waiting for the judge (``verdict=None``).
Attempts a run planned (its problems × rollouts) but never generated get a
row with the verdict ``missing``, so a report on an interrupted run counts
them instead of silently covering only what exists; ``RunInfo.status`` says
whether the run finished.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, inspect, select
from sqlalchemy.orm import Session

from contest_eval.db.models import Contest, Generation, Model, Problem, Run, Submission
from contest_eval.report.leaderboard import AuditNote, ModelEntry
from contest_eval.report.summary import MISSING, AttemptRow


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
    return RunInfo(run_id=run.id, model=model.name, boundary=model.effective_boundary(), backend=run.backend,
                   language=run.language, rollouts=run.rollouts, status=run.status, created_at=run.created_at,
                   finished_at=run.finished_at, params=dict(run.params or {}))


def load_run_rows(session: Session, run_id: int) -> list[AttemptRow]:
    """One AttemptRow per attempt the run planned: each generation, plus a
    ``missing`` row for every (problem, rollout) never generated (an interrupted run)."""
    rows = [_row(t) for t in session.execute(_attempts().where(Run.id == run_id)).all()]
    return rows + _missing_rows(session, run_id, rows)


def _planned_problems(session: Session, run: Run) -> list[tuple[Problem, Contest | None]]:
    params = run.params or {}
    q = select(Problem, Contest).outerjoin(Contest, Problem.contest_id == Contest.id)
    if params.get("problem_ids"):
        return [tuple(t) for t in session.execute(q.where(Problem.id.in_(list(params["problem_ids"])))).all()]  # type: ignore[misc]
    slugs = list(params.get("problems") or [])
    if not slugs:
        return []
    # Runs stored before problem ids were recorded name problems by slug only;
    # a slug on two platforms resolves to the one the run generated for.
    generated = set(session.scalars(select(Generation.problem_id).where(Generation.run_id == run.id)))
    chosen: dict[str, tuple[Problem, Contest | None]] = {}
    for p, c in session.execute(q.where(Problem.slug.in_(slugs)).order_by(Problem.id)).all():
        if p.slug not in chosen or p.id in generated:
            chosen[p.slug] = (p, c)
    return list(chosen.values())


def _missing_rows(session: Session, run_id: int, rows: list[AttemptRow]) -> list[AttemptRow]:
    run = session.get(Run, run_id)
    if run is None:
        return []
    have = {(r.platform, r.problem, r.rollout) for r in rows}
    out = []
    for p, c in _planned_problems(session, run):
        for rollout in range(run.rollouts):
            if (p.platform, p.slug, rollout) not in have:
                out.append(AttemptRow(problem=p.slug, contest=c.slug if c else None, difficulty=p.difficulty,
                                      language=run.language, rollout=rollout, verdict=MISSING,
                                      release_time=p.release_time, platform=p.platform))
    return out


PSEUDO_BACKENDS = frozenset({"reference"})  # runs that replay trusted answers: a sanity check, not a model


def protocol_of(language: str, rollouts: int, params: dict[str, Any] | None) -> tuple[str, str]:
    """(key, label) of what makes two runs' attempts poolable.

    Language, sampling (the seed aside: other seeds are more samples of the same
    protocol), rollouts, prompt template and the model identity the run used.
    Runs stored before identities were recorded have none.
    """
    params = params or {}
    sampling = {k: v for k, v in (params.get("sampling") or {}).items() if k != "seed"}
    template = params.get("template_hash")
    identity = params.get("identity")
    key = json.dumps({"language": language, "sampling": sampling, "rollouts": rollouts, "template": template,
                      "identity": identity}, sort_keys=True)
    parts = [language]
    if sampling:
        cap = sampling.get("max_tokens")
        parts.append(f"T={sampling.get('temperature')} top_p={sampling.get('top_p')} top_k={sampling.get('top_k')} "
                     f"max_tokens={'none' if cap is None else cap}")
    parts.append(f"{rollouts} rollout{'s' if rollouts != 1 else ''}")
    if template:
        parts.append(f"prompt {str(template)[:8]}")
    return key, ", ".join(parts)


def _identity_label(run: Run) -> str:
    ident = (run.params or {}).get("identity") or {}
    return str(ident.get("model_file") or ident.get("hf_id") or ident.get("endpoint") or "unrecorded model id")


@dataclass
class LeaderboardData:
    entries: list[ModelEntry]
    notes: list[str]
    excluded_runs: list[int]


def load_leaderboard(session: Session, *, models: Sequence[str] | None = None, languages: Sequence[str] | None = None,
                     statuses: Sequence[str] | None = ("finished",)) -> LeaderboardData:
    """One entry per (model, protocol): the runs that may be pooled, and only those.

    Runs whose status is not in ``statuses`` (None: any status) are left out
    and the notes say which.  Pseudo-model runs become sanity entries.
    """
    q = select(Run, Model).join(Model, Run.model_id == Model.id).order_by(Model.name, Run.id)
    if models:
        q = q.where(Model.name.in_(list(models)))
    if languages:
        q = q.where(Run.language.in_(list(languages)))
    groups: dict[tuple[int, str, bool], list[Run]] = {}
    labels: dict[tuple[int, str, bool], str] = {}
    model_of: dict[int, Model] = {}
    excluded: list[int] = []
    for run, model in session.execute(q).all():
        if statuses is not None and run.status not in statuses:
            excluded.append(run.id)
            continue
        key, label = protocol_of(run.language, run.rollouts, run.params)
        gk = (model.id, key, run.backend in PSEUDO_BACKENDS)
        groups.setdefault(gk, []).append(run)
        labels[gk] = label
        model_of[model.id] = model
    # Two rows of one model with the same label differ only by the model identity: say which.
    seen_labels: dict[tuple[int, str], int] = {}
    for (mid, _, _), label in labels.items():
        seen_labels[(mid, label)] = seen_labels.get((mid, label), 0) + 1
    for gk, label in labels.items():
        if seen_labels[(gk[0], label)] > 1:
            labels[gk] = f"{label}, model {_identity_label(groups[gk][0])}"
    run_ids = [r.id for runs in groups.values() for r in runs]
    by_run: dict[int, list[AttemptRow]] = {rid: [] for rid in run_ids}
    if run_ids:
        for t in session.execute(_attempts().where(Run.id.in_(run_ids))).all():
            by_run[t[2]].append(_row(t))
    audits = load_audits(session, sorted({m.name for m in model_of.values()}))
    entries = [ModelEntry(name=model_of[gk[0]].name, boundary=model_of[gk[0]].effective_boundary(),
                          rows=[row for r in runs for row in by_run[r.id]], protocol=labels[gk], pseudo=gk[2],
                          runs=tuple(r.id for r in runs), audits=audits.get(model_of[gk[0]].name, ()))
               for gk, runs in groups.items()]
    notes = []
    if excluded:
        notes.append(f"{len(excluded)} unfinished run(s) left out: {', '.join(str(i) for i in excluded)} "
                     "(finish them by re-running the same `run` command)")
    return LeaderboardData(entries, notes, excluded)


def load_audits(session: Session, model_names: Sequence[str]) -> dict[str, tuple[AuditNote, ...]]:
    """``model -> newest audit of each kind`` (sorted by kind); a model never audited is absent.

    Read through the audit package's own query (``audit.results.latest_reports``)
    so "newest" means the same everywhere.  A store created without the audit
    tables (``Base.metadata.create_all`` in some tools) simply has no audits.
    """
    if not model_names or not inspect(session.connection()).has_table("audit_reports"):
        return {}
    from contest_eval.audit.results import latest_reports

    wanted = set(model_names)
    out: dict[str, list[AuditNote]] = {}
    for r in latest_reports(session):
        if r["model"] in wanted:
            out.setdefault(r["model"], []).append(AuditNote(kind=str(r["kind"]), verdict=str(r["verdict"]),
                                                            created_at=str(r["created_at"]), report_id=int(r["id"])))
    return {name: tuple(sorted(notes, key=lambda n: n.kind)) for name, notes in out.items()}


def load_leaderboard_entries(session: Session, *, statuses: Sequence[str] | None = ("finished",),
                             models: Sequence[str] | None = None) -> list[ModelEntry]:
    """Leaderboard entries (one per model and protocol) of runs whose status is in ``statuses`` (None: any)."""
    return load_leaderboard(session, models=models, statuses=statuses).entries
