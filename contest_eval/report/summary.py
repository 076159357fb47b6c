"""The run report, computed from plain attempt rows (pure, no I/O).

One row is one attempt: a rollout of a model on a problem.  Its ``verdict`` is
the judge's verdict when the code was judged, or the extraction failure reason
(``no_code_block``, ``truncated``, ``wrong_language``…) when there was no code
to judge: the model failed that attempt, so it counts in N.  ``IE`` (the
judge's infrastructure error) is never the model's fault: those attempts leave
N and are counted apart, and any IE makes the headline provisional.  The same
holds for attempts not judged yet (verdict None, reported as ``pending``) and
for attempts the run planned but never generated (``missing``: an interrupted
run); a run that did not finish is never called valid.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from contest_eval.report.stats import MeanInterval, Proportion, bootstrap_mean, pass_at_k, proportion

JUDGE_VERDICTS = frozenset({"AC", "WA", "TLE", "MLE", "RE", "OLE", "CE", "IE", "SKIPPED"})
PENDING = "pending"
MISSING = "missing"  # planned (problem, rollout) with no generation: the run stopped before it
NONE_LABEL = "(none)"
PASS_K_LIST = (1, 2, 4, 5, 8, 10, 16, 20, 32, 50, 64, 100)


@dataclass(frozen=True)
class AttemptRow:
    problem: str
    contest: str | None
    difficulty: str | None
    language: str
    rollout: int
    verdict: str | None  # None: generated, not judged yet
    release_time: datetime | None
    platform: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform, self.problem)


def is_extraction_failure(verdict: str | None) -> bool:
    return verdict is not None and verdict not in JUDGE_VERDICTS and verdict != MISSING


def is_scored(verdict: str | None) -> bool:
    """Counts in N: anything the model is answerable for."""
    return verdict is not None and verdict not in ("IE", MISSING)


def boundary_instant(boundary: date) -> datetime:
    """First instant after the boundary day (UTC).

    A problem released *on* the boundary day counts as seen (issue 4: "on or
    before the boundary are excluded"), so "clean" means released at or after
    midnight UTC of the next day.
    """
    return datetime(boundary.year, boundary.month, boundary.day, tzinfo=timezone.utc) + timedelta(days=1)


def is_after_boundary(release_time: datetime | None, boundary: date) -> bool:
    # An undated problem cannot be shown to be clean, so it is not.
    return release_time is not None and release_time >= boundary_instant(boundary)


@dataclass(frozen=True)
class ProblemStat:
    problem: str
    platform: str
    contest: str | None
    difficulty: str | None
    solved: int
    attempts: int  # scored attempts (IE and pending left out)
    ie: int

    @property
    def rate(self) -> float | None:
        return self.solved / self.attempts if self.attempts else None


@dataclass(frozen=True)
class Group:
    """One line of a breakdown table."""

    label: str
    attempts: Proportion
    problems: int
    mean_solve_rate: float | None
    ie: int


@dataclass(frozen=True)
class RunSummary:
    attempts: Proportion  # accepted / scored attempts, 95% Wilson
    ie: int
    pending: int
    extraction_failures: int
    extraction_reasons: dict[str, int]
    headline_valid: bool
    validity_note: str
    problems: int  # problems with at least one scored attempt
    problem_mean: MeanInterval | None  # mean per-problem solve rate, bootstrap over problems
    solved_by_all: int
    solved_by_any: int
    pass_at: dict[int, float]
    per_problem: list[ProblemStat]
    by_contest: list[Group]
    by_difficulty: list[Group]
    by_language: list[Group]
    by_verdict: dict[str, int]  # every attempt, IE and extraction reasons included
    boundary: date | None = None
    excluded_before_boundary: Proportion | None = None  # acceptance on the seen problems, for contrast
    excluded_problems: int = 0
    total_rows: int = 0
    notes: list[str] = field(default_factory=list)
    missing: int = 0  # planned attempts never generated (in the headline's scope)
    status: str | None = None  # the run's stored status, when known


def _stats_per_problem(rows: Iterable[AttemptRow]) -> list[ProblemStat]:
    buckets: dict[tuple[str, str], list[AttemptRow]] = defaultdict(list)
    for r in rows:
        buckets[r.key].append(r)
    out = []
    for (platform, slug), rs in buckets.items():
        scored = [r for r in rs if is_scored(r.verdict)]
        out.append(ProblemStat(problem=slug, platform=platform, contest=rs[0].contest, difficulty=rs[0].difficulty,
                               solved=sum(r.verdict == "AC" for r in scored), attempts=len(scored),
                               ie=sum(r.verdict == "IE" for r in rs)))
    out.sort(key=lambda p: (p.contest or "", p.problem))
    return out


def _group(rows: Sequence[AttemptRow], key: Callable[[AttemptRow], str | None]) -> list[Group]:
    buckets: dict[str, list[AttemptRow]] = defaultdict(list)
    for r in rows:
        buckets[key(r) or NONE_LABEL].append(r)
    out = []
    for label in sorted(buckets):
        rs = buckets[label]
        scored = [r for r in rs if is_scored(r.verdict)]
        probs = [p for p in _stats_per_problem(rs) if p.attempts]
        rates = [p.rate for p in probs if p.rate is not None]
        out.append(Group(label=label, attempts=proportion(sum(r.verdict == "AC" for r in scored), len(scored)),
                         problems=len(probs), mean_solve_rate=sum(rates) / len(rates) if rates else None,
                         ie=sum(r.verdict == "IE" for r in rs)))
    return out


def _pass_at(stats: Sequence[ProblemStat]) -> dict[int, float]:
    # Only k that every problem supports; otherwise problems with fewer
    # attempts would silently drop out of the larger-k averages.
    counted = [p for p in stats if p.attempts]
    if not counted:
        return {}
    min_n = min(p.attempts for p in counted)
    ks = sorted({k for k in PASS_K_LIST if k <= min_n} | {min_n})
    return {k: sum(pass_at_k(p.attempts, p.solved, k) for p in counted) / len(counted) for k in ks}


def summarize(rows: Iterable[AttemptRow], *, boundary: date | None = None, bootstrap_seed: int = 0,
              resamples: int = 2000, status: str | None = None) -> RunSummary:
    """The run report.  With ``boundary``, the headline covers only problems
    released after it; the seen problems are summarized apart for contrast.
    ``status`` is the run's stored status: anything but ``finished`` makes the
    headline not valid, as does any ``missing`` attempt."""
    all_rows = list(rows)
    notes: list[str] = []
    excluded: Proportion | None = None
    excluded_problems = 0
    if boundary is not None:
        kept = [r for r in all_rows if is_after_boundary(r.release_time, boundary)]
        seen = [r for r in all_rows if not is_after_boundary(r.release_time, boundary)]
        seen_scored = [r for r in seen if is_scored(r.verdict)]
        excluded = proportion(sum(r.verdict == "AC" for r in seen_scored), len(seen_scored))
        excluded_problems = len({r.key for r in seen})
        if seen:
            notes.append(f"{excluded_problems} problem(s) released on or before the boundary {boundary.isoformat()} "
                         "(or undated) are excluded from the headline")
    else:
        kept = all_rows

    scored = [r for r in kept if is_scored(r.verdict)]
    ie = sum(r.verdict == "IE" for r in kept)
    pending = sum(r.verdict is None for r in kept)
    missing = sum(r.verdict == MISSING for r in kept)
    unfinished = status is not None and status != "finished"
    reasons = Counter(r.verdict for r in kept if is_extraction_failure(r.verdict))
    accepted = sum(r.verdict == "AC" for r in scored)

    problem_stats = _stats_per_problem(kept)
    counted = [p for p in problem_stats if p.attempts]
    rates = [p.solved / p.attempts for p in counted]
    if len(counted) < len(problem_stats):
        notes.append(f"{len(problem_stats) - len(counted)} problem(s) have no scored attempt (only IE, pending or missing)")

    valid = ie == 0 and pending == 0 and missing == 0 and not unfinished and len(scored) > 0
    if not scored:
        note = "no scored attempts: nothing to report"
    elif ie or pending or missing:
        parts = [f"{ie} IE attempt(s)" if ie else "", f"{pending} attempt(s) not judged yet" if pending else "",
                 f"{missing} of {len(kept)} planned attempt(s) never generated" if missing else ""]
        note = ("headline NOT valid: " + " and ".join(p for p in parts if p)
                + " are left out of N; re-run the same command to finish the run before quoting the result")
    elif unfinished:
        note = f"headline NOT valid: the run's status is {status!r}, not finished; re-run the same command to finish it"
    else:
        note = "valid: no infrastructure errors, every attempt judged"

    return RunSummary(
        attempts=proportion(accepted, len(scored)), ie=ie, pending=pending,
        extraction_failures=sum(reasons.values()), extraction_reasons=dict(sorted(reasons.items())),
        headline_valid=valid, validity_note=note,
        problems=len(counted), problem_mean=bootstrap_mean(rates, resamples=resamples, seed=bootstrap_seed),
        solved_by_all=sum(p.solved == p.attempts for p in counted), solved_by_any=sum(p.solved > 0 for p in counted),
        pass_at=_pass_at(problem_stats), per_problem=problem_stats,
        by_contest=_group(kept, lambda r: r.contest), by_difficulty=_group(kept, lambda r: r.difficulty),
        by_language=_group(kept, lambda r: r.language),
        by_verdict=dict(sorted(Counter(r.verdict or PENDING for r in kept).items(), key=lambda kv: (-kv[1], kv[0]))),
        boundary=boundary, excluded_before_boundary=excluded, excluded_problems=excluded_problems,
        total_rows=len(all_rows), notes=notes, missing=missing, status=status,
    )
