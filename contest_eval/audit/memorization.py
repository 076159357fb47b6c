"""The memorization audit: score each text once, then compare the two sides.

``load_texts`` reads from the store the texts to score: each problem's
statement as published and, where the store has one, a reference solution
(Python first), each tagged with its side of the model's boundary.
``score_all`` runs a scorer over the texts that have no stored score yet and
hands every result to ``save`` at once, so an interrupted audit resumes.
``summarize`` turns the per-text metrics into AUROCs beside the blind baseline
and a verdict (see ``separation``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Any, Protocol

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_eval.audit.dating import is_estimated
from contest_eval.audit.metrics import SCORE_NAMES, TokenScores, text_metrics
from contest_eval.audit.results import text_hash
from contest_eval.audit.separation import Blind, as_dicts, blind_probabilities, blind_separation, conclude, separate
from contest_eval.db.models import Problem, Reference

TEXT_KINDS = ("statement", "reference")


class Scorer(Protocol):
    name: str

    def identity(self) -> dict[str, Any]: ...

    def score(self, text: str) -> TokenScores: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class AuditText:
    problem_id: int
    slug: str
    release: datetime
    before: bool
    kind: str
    text: str
    estimated: bool = False  # the release date is an estimate: its side of the boundary is uncertain

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.problem_id, self.kind, text_hash(self.text))


def load_texts(session: Session, boundary: date, kinds: tuple[str, ...] = ("statement",),
               since: datetime | None = None, until: datetime | None = None) -> list[AuditText]:
    edge = datetime.combine(boundary, time(23, 59, 59), tzinfo=timezone.utc)
    q = select(Problem).where(Problem.release_time.is_not(None)).order_by(Problem.release_time, Problem.slug)
    if since is not None:
        q = q.where(Problem.release_time >= since)
    if until is not None:
        q = q.where(Problem.release_time < until)
    out: list[AuditText] = []
    for p in session.scalars(q):
        before = p.release_time <= edge
        estimated = is_estimated(p.release_estimate, p.contest_id, p.source)
        if "statement" in kinds and p.statement_text.strip():
            out.append(AuditText(p.id, p.slug, p.release_time, before, "statement", p.statement_text, estimated))
        if "reference" in kinds:
            refs = session.scalars(select(Reference).where(Reference.problem_id == p.id).order_by(Reference.id)).all()
            ref = next((r for r in refs if r.language == "python3"), refs[0] if refs else None)
            if ref is not None and ref.code.strip():
                out.append(AuditText(p.id, p.slug, p.release_time, before, "reference", ref.code, estimated))
    return out


def score_all(texts: list[AuditText], scorer: Scorer, stored: dict[tuple[int, str, str], dict[str, Any]],
              save: Callable[[AuditText, int, dict[str, Any]], None],
              advance: Callable[[int], None] = lambda n: None) -> dict[tuple[int, str, str], dict[str, Any]]:
    """Metrics of every text: stored ones as they are, the rest scored now and saved one by one."""
    out = {}
    for item in texts:
        if item.key in stored:
            out[item.key] = stored[item.key]
        else:
            scores = scorer.score(item.text)
            metrics = text_metrics(item.text, scores)
            save(item, len(scores.logprobs) + 1, metrics)
            out[item.key] = {**metrics, "n_tokens": len(scores.logprobs) + 1}
        advance(1)
    return out


def summarize(model: str, boundary: date, scorer_label: str, texts: list[AuditText],
              metrics: dict[tuple[int, str, str], dict[str, Any]], resamples: int = 1000, seed: int = 0,
              reference: tuple[str, dict[tuple[int, str, str], dict[str, Any]]] | None = None) -> dict[str, Any]:
    """AUROCs beside the blind baseline and, given ``(name, metrics)`` of a reference model, target − reference."""
    rows = []
    blind_out: dict[str, Any] = {}
    for kind in TEXT_KINDS:
        chosen = [t for t in texts if t.kind == kind]
        labels = np.array([t.before for t in chosen], dtype=int)
        if min(labels.sum(initial=0), len(labels) - labels.sum(initial=0)) < 2:
            continue
        probs = blind_probabilities([t.text for t in chosen], labels, seed)
        blind = blind_separation(probs, labels, resamples, seed)
        blind_out[kind] = {"auroc": blind.auroc, "low": blind.low, "high": blind.high}
        for name in SCORE_NAMES:
            values = [metrics[t.key].get(name) for t in chosen]
            ref_values = [reference[1][t.key].get(name) for t in chosen] if reference else None
            keep = [i for i, v in enumerate(values) if v is not None and (ref_values is None or ref_values[i] is not None)]
            side = labels[keep]
            if min(side.sum(initial=0), len(side) - side.sum(initial=0)) < 2:
                continue
            before = [float(values[i]) for i in keep if labels[i] == 1]
            after = [float(values[i]) for i in keep if labels[i] == 0]
            pb = np.array([probs[i] for i in keep if labels[i] == 1])
            pa = np.array([probs[i] for i in keep if labels[i] == 0])
            label = name if name != "minkpp" else f"minkpp ({metrics[chosen[keep[0]].key].get('minkpp_mode')})"
            ref_sides = None
            if ref_values is not None:
                ref_sides = ([float(ref_values[i]) for i in keep if labels[i] == 1],
                             [float(ref_values[i]) for i in keep if labels[i] == 0])
            rows.append(separate(label, kind, before, after, pb, pa, resamples, seed, ref_sides))
    if not rows:
        raise ValueError("too few texts on one side of the boundary to compare (need at least two on each)")
    main_blind = blind_out.get("statement") or next(iter(blind_out.values()))
    label, sentence = conclude(rows, Blind(**main_blind), reference[0] if reference else None)
    n_before = sum(t.before for t in texts)
    headline = None
    if reference:
        with_ref = [r for r in rows if r.minus_reference is not None]
        if with_ref:
            top = max(with_ref, key=lambda r: r.minus_reference_low if r.minus_reference_low is not None else -1.0)
            headline = {"score": top.score, "text": top.text, "target_minus_reference": top.minus_reference,
                        "low": top.minus_reference_low, "high": top.minus_reference_high,
                        "target_auroc": top.auroc, "reference_auroc": top.reference_auroc}
    return {"model": model, "boundary": boundary.isoformat(), "scorer": scorer_label, "n_before": n_before,
            "reference_model": reference[0] if reference else None, "headline": headline,
            "estimated_texts": sum(t.estimated for t in texts),
            "n_after": len(texts) - n_before, "scores": as_dicts(rows), "blind": main_blind, "blind_by_text": blind_out,
            "label": label, "verdict": sentence,
            "texts": [{"problem": t.slug, "kind": t.kind, "release": t.release.date().isoformat(), "before": t.before,
                       "estimated": t.estimated,
                       **{k: metrics[t.key].get(k) for k in (*SCORE_NAMES, "n_tokens")},
                       **({"reference": {k: reference[1][t.key].get(k) for k in SCORE_NAMES}} if reference else {})}
                      for t in texts]}
