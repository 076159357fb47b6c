"""Do the scores separate texts released before the boundary from texts after it?

For each score, the AUROC of "before" (positive) against "after", with a
percentile bootstrap interval that resamples each side separately (the unit is
the text).  A date split is separable by text alone (topics and phrasing
drift), so every AUROC is reported beside a blind baseline: a bag-of-words
logistic regression, cross-validated on the same split, that never sees the
model.  The difference ``AUROC(score) − AUROC(blind)`` is bootstrapped on the
same resamples (paired), and the verdict is:

- ``contaminated`` when some score's interval lies above 0.5 *and* its paired
  difference from the blind baseline lies above 0;
- ``inconclusive`` when a score separates the sides but not beyond what the
  text alone does;
- ``no evidence`` otherwise.

Several scores are tested at once; with six the chance that one clears 0.5 by
luck is higher than 2.5 %, which is one more reason the blind comparison is the
condition that matters.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np


def auroc(pos: np.ndarray, neg: np.ndarray) -> float:
    """P(score of a positive > score of a negative) + ½ P(tie): the Mann–Whitney statistic."""
    from scipy.stats import rankdata  # installed with statsmodels

    ranks = rankdata(np.concatenate([pos, neg]))  # ties get their average rank
    n1, n2 = len(pos), len(neg)
    return float((ranks[:n1].sum() - n1 * (n1 + 1) / 2.0) / (n1 * n2))


@dataclass(frozen=True)
class ScoreSeparation:
    score: str
    text: str
    auroc: float
    low: float
    high: float
    minus_blind: float | None
    minus_blind_low: float | None
    minus_blind_high: float | None
    n_before: int
    n_after: int
    before_values: list[float]
    after_values: list[float]
    # With --reference-model: the same AUROC under a model that saw neither side, and the
    # headline signal target − reference with a paired bootstrap interval (same resampled texts).
    reference_auroc: float | None = None
    minus_reference: float | None = None
    minus_reference_low: float | None = None
    minus_reference_high: float | None = None


def blind_probabilities(texts: list[str], labels: np.ndarray, seed: int = 0) -> np.ndarray:
    """Out-of-fold P(before | text) from a bag-of-words logistic regression."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    folds = int(min(5, labels.sum(), len(labels) - labels.sum()))
    if folds < 2:
        raise ValueError("the blind baseline needs at least two texts on each side")
    model = make_pipeline(CountVectorizer(lowercase=True, token_pattern=r"(?u)\b\w+\b", binary=True),
                          LogisticRegression(C=1.0, max_iter=2000))
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return cross_val_predict(model, texts, labels, cv=cv, method="predict_proba")[:, 1]


def _resamples(n_pos: int, n_neg: int, count: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(seed)
    return [(rng.integers(0, n_pos, n_pos), rng.integers(0, n_neg, n_neg)) for _ in range(count)]


def separate(score: str, text: str, before: list[float], after: list[float], blind_before: np.ndarray | None,
             blind_after: np.ndarray | None, resamples: int = 1000, seed: int = 0,
             reference: tuple[list[float], list[float]] | None = None) -> ScoreSeparation:
    pos, neg = np.array(before, dtype=float), np.array(after, dtype=float)
    point = auroc(pos, neg)
    draws = _resamples(len(pos), len(neg), resamples, seed)
    boot = np.array([auroc(pos[i], neg[j]) for i, j in draws])
    diff = lo_d = hi_d = None
    if blind_before is not None and blind_after is not None:
        diffs = np.array([auroc(pos[i], neg[j]) - auroc(blind_before[i], blind_after[j]) for i, j in draws])
        diff = point - auroc(blind_before, blind_after)
        lo_d, hi_d = float(np.quantile(diffs, 0.025)), float(np.quantile(diffs, 0.975))
    ref_point = diff_r = lo_r = hi_r = None
    if reference is not None:
        rpos, rneg = np.array(reference[0], dtype=float), np.array(reference[1], dtype=float)
        ref_point = auroc(rpos, rneg)
        diffs_r = np.array([auroc(pos[i], neg[j]) - auroc(rpos[i], rneg[j]) for i, j in draws])
        diff_r = point - ref_point
        lo_r, hi_r = float(np.quantile(diffs_r, 0.025)), float(np.quantile(diffs_r, 0.975))
    return ScoreSeparation(score, text, point, float(np.quantile(boot, 0.025)), float(np.quantile(boot, 0.975)),
                           diff, lo_d, hi_d, len(pos), len(neg), [float(x) for x in pos], [float(x) for x in neg],
                           ref_point, diff_r, lo_r, hi_r)


@dataclass(frozen=True)
class Blind:
    auroc: float
    low: float
    high: float


def blind_separation(probabilities: np.ndarray, labels: np.ndarray, resamples: int = 1000, seed: int = 0) -> Blind:
    pos, neg = probabilities[labels == 1], probabilities[labels == 0]
    boot = [auroc(pos[i], neg[j]) for i, j in _resamples(len(pos), len(neg), resamples, seed)]
    return Blind(auroc(pos, neg), float(np.quantile(boot, 0.025)), float(np.quantile(boot, 0.975)))


def conclude(rows: list[ScoreSeparation], blind: Blind | None, reference: str | None = None) -> tuple[str, str]:
    """(label, sentence) from the separations; the sentence says what the evidence does not show."""
    if reference is not None:
        return _conclude_against_reference(rows, blind, reference)
    separating = [r for r in rows if r.low > 0.5]
    beyond = [r for r in separating if r.minus_blind_low is not None and r.minus_blind_low > 0]
    blind_text = _blind_text(blind)
    if beyond:
        best = max(beyond, key=lambda r: r.auroc)
        return "contaminated", (f"contaminated: {best.score} on the {best.text} separates before from after the boundary "
                                f"(AUROC {best.auroc:.2f} [{best.low:.2f}, {best.high:.2f}]) beyond the {blind_text}")
    if separating:
        best = max(separating, key=lambda r: r.auroc)
        return "inconclusive", (f"inconclusive: {best.score} separates the sides (AUROC {best.auroc:.2f} "
                                f"[{best.low:.2f}, {best.high:.2f}]) but the evidence does not exceed the {blind_text}")
    return "no evidence", _no_evidence(rows, blind_text)


def _blind_text(blind: Blind | None) -> str:
    return f"blind bag-of-words AUROC {blind.auroc:.2f} [{blind.low:.2f}, {blind.high:.2f}]" if blind else "no blind baseline"


def _no_evidence(rows: list[ScoreSeparation], blind_text: str) -> str:
    reverse = [r for r in rows if r.high < 0.5]
    if reverse:
        worst = min(reverse, key=lambda r: r.auroc)
        return (f"no evidence: no score finds the texts before the boundary more familiar; {worst.score} on "
                f"the {worst.text} finds them less familiar (AUROC {worst.auroc:.2f} [{worst.low:.2f}, "
                f"{worst.high:.2f}]), which is a difference between the texts, not memorization ({blind_text})")
    return f"no evidence: no score separates before from after the boundary ({blind_text})"


def _conclude_against_reference(rows: list[ScoreSeparation], blind: Blind | None, reference: str) -> tuple[str, str]:
    """The headline is target − reference: what the target finds familiar beyond a model that saw neither side."""
    blind_text = _blind_text(blind)
    scored = [r for r in rows if r.minus_reference is not None]
    if not scored:
        return conclude(rows, blind)
    beyond = [r for r in scored if r.low > 0.5 and r.minus_reference_low is not None and r.minus_reference_low > 0]
    best = max(beyond or scored, key=lambda r: r.minus_reference_low if r.minus_reference_low is not None else -1.0)
    gap = (f"target − reference {best.minus_reference:+.2f} [{best.minus_reference_low:+.2f}, "
           f"{best.minus_reference_high:+.2f}]")
    if beyond:
        blind_words = ("and beyond the " + blind_text if best.minus_blind_low is not None and best.minus_blind_low > 0
                       else "though the target's AUROC alone does not exceed the " + blind_text)
        return "contaminated", (f"contaminated: {best.score} on the {best.text} separates before from after the boundary "
                                f"(AUROC {best.auroc:.2f} [{best.low:.2f}, {best.high:.2f}]) more than under the reference "
                                f"model {reference} (AUROC {best.reference_auroc:.2f}; {gap}), {blind_words}")
    separating = [r for r in scored if r.low > 0.5]
    if separating:
        top = max(separating, key=lambda r: r.auroc)
        beyond_blind = top.minus_blind_low is not None and top.minus_blind_low > 0
        return "inconclusive", (f"inconclusive: {top.score} separates the sides (AUROC {top.auroc:.2f} [{top.low:.2f}, "
                                f"{top.high:.2f}]) but no more than under the reference model {reference} "
                                f"(target − reference {top.minus_reference:+.2f} [{top.minus_reference_low:+.2f}, "
                                f"{top.minus_reference_high:+.2f}])" + ("" if beyond_blind else
                                f", and the evidence does not exceed the {blind_text}"))
    return "no evidence", _no_evidence(rows, blind_text) + f"; best {best.score}: {gap} vs reference model {reference}"


def as_dicts(rows: list[ScoreSeparation]) -> list[dict[str, Any]]:
    return [asdict(r) for r in rows]
