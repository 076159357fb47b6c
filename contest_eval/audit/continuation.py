"""The continuation audit: guided vs general completion (Golchin & Surdeanu, research/contamination.md §4.1).

Store I/O is :func:`load_items` only; the rest is computation.

Each problem's statement is cut at a sentence or line boundary near its middle
(:func:`split_statement`).  The model completes the first piece twice: once
after a header that names the problem (number, title, contest, index, slug:
"guided") and once after a neutral line that names nothing ("general").  Each
completion is compared with the real rest of the statement by ROUGE-L (an
F-measure over the longest common subsequence of lower-cased word tokens,
written out below) over the first ``rest_words`` words of both.  A
completion is *exact* when its first ``rest_words`` words are the rest's,
and *near-exact* when ROUGE-L ≥ 0.75 (BenBench's lenient threshold).

The test, per side of the model's boundary, is a paired bootstrap over
problems of mean(guided − general) > 0.  Contamination is claimed when
naming the problem helps on the problems before the boundary and not on
those after it: if it helps on both, the names themselves carry information
(titles hint at content) and nothing is claimed.  Exact reproductions are
counted and reported (Golchin's Alg. 2 flags a partition with ≥ 1 exact or
≥ 2 near-exact matches); alone, and only where the guided prompt produced
more of them than the general one, they are called inconclusive, because
boilerplate (constraints, "Example 1:") can be guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

WORD = re.compile(r"[a-z0-9]+")
NEAR_EXACT = 0.75
SPLIT_FRACTION = 0.5
MAX_FIRST_WORDS = 160  # keeps prompt + completion inside a small model's context
BOUNDARY = re.compile(r"(?<=[.!?:])\s+|\n+")
PROMPT_VERSION = 1  # part of the stored scorer identity: a new wording is a new audit


def rouge_tokens(text: str) -> list[str]:
    """Lower-cased runs of letters and digits, as ROUGE's default tokenizer makes them."""
    return WORD.findall(text.lower())


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (dynamic programming, one row at a time)."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(candidate: list[str], reference: list[str]) -> float:
    """ROUGE-L F1: LCS over candidate length (precision) and reference length (recall)."""
    if not candidate or not reference:
        return 0.0
    lcs = lcs_length(candidate, reference)
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(candidate), lcs / len(reference)
    return 2 * precision * recall / (precision + recall)


def split_statement(text: str, fraction: float = SPLIT_FRACTION, max_first_words: int = MAX_FIRST_WORDS) -> tuple[str, str]:
    """(first piece, rest): cut at the sentence or line boundary nearest ``fraction`` of the words."""
    text = text.strip()
    spans = [m.end() for m in re.finditer(r"\S+", text)]
    if len(spans) < 4:
        raise ValueError("the statement is too short to split")
    target = min(int(len(spans) * fraction), max_first_words)
    cuts = [m.start() for m in BOUNDARY.finditer(text)]
    words_before = [sum(1 for e in spans if e <= c) for c in cuts]
    usable = [(abs(n - target), c) for c, n in zip(cuts, words_before) if 2 <= n <= max_first_words and n < len(spans) - 1]
    cut = min(usable)[1] if usable else spans[max(1, target) - 1]
    return text[:cut].rstrip(), text[cut:].strip()


def problem_header(platform: str, number: str | None, title: str, slug: str, contest: str | None,
                   index: str | None) -> str:
    """The words that name a problem in a guided prompt, e.g. 'LeetCode problem 2873. Title (Weekly Contest 363, Q3; slug …)'."""
    name = {"leetcode": "LeetCode", "codeforces": "Codeforces", "atcoder": "AtCoder"}.get(platform, platform)
    where = ", ".join(x for x in (contest, index) if x)
    number_part = f" {number}." if number else ":"
    return f"{name} problem{number_part} {title or slug} ({where + '; ' if where else ''}slug {slug})"


def guided_prompt(header: str, first: str) -> str:
    return f"Continue the statement of this problem exactly as it was published.\n{header}\n\n{first}"


def general_prompt(first: str) -> str:
    return f"Continue the statement of this problem exactly as it was published.\n\n{first}"


@dataclass(frozen=True)
class ContinuationItem:
    problem_id: int
    slug: str
    release: datetime
    before: bool
    estimated: bool  # the release date is an estimate
    header: str
    first: str
    rest: str

    def prompts(self) -> dict[str, str]:
        return {"guided": guided_prompt(self.header, self.first), "general": general_prompt(self.first)}


def compare(completion: str, rest: str, rest_words: int) -> dict[str, Any]:
    """ROUGE-L of a completion against the real rest, over the first ``rest_words`` words of each."""
    reference = rouge_tokens(rest)[:rest_words]
    candidate = rouge_tokens(completion)[:len(reference)]  # as long as what it is compared with
    score = rouge_l(candidate, reference)
    return {"rouge_l": score, "exact": bool(reference) and candidate == reference, "near_exact": score >= NEAR_EXACT}


def paired_bootstrap(diffs: np.ndarray, resamples: int, seed: int) -> dict[str, float]:
    """Mean difference, its 95% percentile interval and the one-sided p-value of mean ≤ 0, resampling problems."""
    rng = np.random.default_rng(seed)
    means = np.array([diffs[rng.integers(0, len(diffs), len(diffs))].mean() for _ in range(resamples)])
    return {"mean": float(diffs.mean()), "low": float(np.quantile(means, 0.025)),
            "high": float(np.quantile(means, 0.975)), "p_value": float((1 + np.sum(means <= 0)) / (1 + resamples))}


def side_summary(rows: list[dict[str, Any]], resamples: int, seed: int, alpha: float) -> dict[str, Any] | None:
    if len(rows) < 2:
        return None
    guided = np.array([r["guided"]["rouge_l"] for r in rows])
    general = np.array([r["general"]["rouge_l"] for r in rows])
    test = paired_bootstrap(guided - general, resamples, seed)
    return {"problems": len(rows), "guided_rouge_l": float(guided.mean()), "general_rouge_l": float(general.mean()),
            "difference": test, "guided_better": test["mean"] > 0 and test["p_value"] <= alpha,
            "exact": {k: sum(r[k]["exact"] for r in rows) for k in ("guided", "general")},
            "near_exact": {k: sum(r[k]["near_exact"] for r in rows) for k in ("guided", "general")},
            "estimated_dates": sum(r["estimated"] for r in rows)}


def conclude(before: dict[str, Any] | None, after: dict[str, Any] | None) -> tuple[str, str]:
    """(label, sentence): what the comparison shows, in words no stronger than the numbers."""
    if before is None:
        return "no evidence", "no evidence: too few problems before the boundary to test"
    d = before["difference"]
    gain = (f"guided ROUGE-L {before['guided_rouge_l']:.2f} vs general {before['general_rouge_l']:.2f}, "
            f"difference {d['mean']:+.3f} [{d['low']:+.3f}, {d['high']:+.3f}], p={d['p_value']:.3g}")
    copies = f"{before['exact']['guided']} exact and {before['near_exact']['guided']} near-exact guided reproductions"
    if before["guided_better"]:
        if after is not None and after["guided_better"]:
            a = after["difference"]
            return "inconclusive", (f"inconclusive: naming the problem helps before the boundary ({gain}) but also after it "
                                    f"(difference {a['mean']:+.3f}, p={a['p_value']:.3g}), so the names carry information "
                                    "a clean model can use")
        control = "" if after is None else (f"; after the boundary it does not (difference "
                                            f"{after['difference']['mean']:+.3f}, p={after['difference']['p_value']:.3g})")
        return "contaminated", (f"contaminated: naming the problem makes the model reproduce the rest of statements "
                                f"released before the boundary ({gain}; {copies}){control}")
    exact, near = before["exact"], before["near_exact"]
    # Reproductions count only where naming the problem produced more of them than not naming it:
    # ones the general prompt makes as well are guessable text (boilerplate, shared openings).
    if (exact["guided"] >= 1 and exact["guided"] > exact["general"]) or (near["guided"] >= 2 and near["guided"] > near["general"]):
        return "inconclusive", (f"inconclusive: {copies} before the boundary, but naming the problem does not help "
                                f"({gain}); the reproduced text may be guessable")
    return "no evidence", f"no evidence: naming the problem does not help the model continue its statement ({gain})"


def summarize(model: str, boundary: str, scorer_label: str, items: list[ContinuationItem],
              completions: dict[tuple[int, str], str], rest_words: int, resamples: int = 2000, seed: int = 0,
              alpha: float = 0.05) -> dict[str, Any]:
    rows = []
    for item in items:
        row: dict[str, Any] = {"problem": item.slug, "release": item.release.date().isoformat(), "before": item.before,
                               "estimated": item.estimated}
        for kind in ("guided", "general"):
            text = completions[(item.problem_id, kind)]
            row[kind] = {**compare(text, item.rest, rest_words), "completion": text}
        rows.append(row)
    before = side_summary([r for r in rows if r["before"]], resamples, seed, alpha)
    after = side_summary([r for r in rows if not r["before"]], resamples, seed + 1, alpha)
    label, sentence = conclude(before, after)
    return {"model": model, "boundary": boundary, "scorer": scorer_label, "rest_words": rest_words, "alpha": alpha,
            "before": before, "after": after, "label": label, "verdict": sentence, "problems": rows}


def load_items(session: Any, boundary: Any, since: datetime | None = None, until: datetime | None = None,
               per_side: int | None = None, seed: int = 0) -> list[ContinuationItem]:
    """Dated problems with a statement, split into first piece and rest; at most ``per_side`` on each side (seeded)."""
    from datetime import time, timezone

    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from contest_eval.audit.dating import is_estimated
    from contest_eval.db.models import Problem

    edge = datetime.combine(boundary, time(23, 59, 59), tzinfo=timezone.utc)
    q = (select(Problem).options(selectinload(Problem.contest)).where(Problem.release_time.is_not(None))
         .order_by(Problem.release_time, Problem.slug))
    if since is not None:
        q = q.where(Problem.release_time >= since)
    if until is not None:
        q = q.where(Problem.release_time < until)
    sides: dict[bool, list[ContinuationItem]] = {True: [], False: []}
    for p in session.scalars(q):
        if not p.statement_text.strip():
            continue
        try:
            first, rest = split_statement(p.statement_text)
        except ValueError:
            continue
        contest = p.contest.title or p.contest.slug if p.contest is not None else None
        header = problem_header(p.platform, p.frontend_id, p.title, p.slug, contest, p.contest_index)
        before = p.release_time <= edge
        sides[before].append(ContinuationItem(p.id, p.slug, p.release_time, before,
                                              is_estimated(p.release_estimate, p.contest_id, p.source), header, first, rest))
    rng = np.random.default_rng(seed)
    out: list[ContinuationItem] = []
    for items in sides.values():
        if per_side is not None and len(items) > per_side:
            keep = sorted(rng.choice(len(items), per_side, replace=False))
            items = [items[i] for i in keep]
        out.extend(items)
    return sorted(out, key=lambda i: (i.release, i.slug))
