"""The time audit: acceptance across a model's boundary, adjusted for difficulty.

Three pieces of evidence, all computed from :class:`~contest_eval.audit.attempts.Attempt` rows:

- acceptance per release month with Wilson intervals (the picture);
- a logistic model ``accepted ~ after + difficulty (+ rating imputed) (+ language)``
  with errors clustered by problem, because rollouts of one problem are not
  independent; ``exp(beta_after)`` is the odds ratio of acceptance after the
  boundary at equal difficulty (contamination predicts OR < 1);
- an effective-cutoff scan: a step ``release >= C`` is fitted at every month
  start ``C`` with enough problems on both sides, the best profile likelihood
  wins, a bootstrap over problems gives its interval, and a permutation test
  (release dates shuffled across problems) says whether any step exists at
  all.  A cutoff is claimed only when the step is a drop and the permutation
  p-value is below ``alpha``.

The scan fits thousands of tiny models, so it uses a few lines of Newton
iterations in numpy; the reported odds ratio comes from statsmodels.
"""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from typing import Any

import numpy as np

from contest_eval.audit.attempts import Attempt
from contest_eval.report.stats import wilson


@dataclass(frozen=True)
class MonthCell:
    month: str  # YYYY-MM
    successes: int
    n: int
    problems: int
    low: float
    high: float
    after: bool  # the whole month is after the declared boundary
    estimated: bool  # some release dates in it are estimates


@dataclass(frozen=True)
class OddsRatio:
    estimate: float | None
    low: float | None
    high: float | None
    p_value: float | None
    covariates: list[str]
    note: str = ""


@dataclass(frozen=True)
class Cutoff:
    estimate: str | None  # first day after the step, YYYY-MM-DD
    low: str | None
    high: str | None
    p_value: float | None  # permutation test of "any step"
    drop: bool | None  # acceptance is lower after the step
    claimed: bool
    before_rate: float | None = None
    after_rate: float | None = None
    profile: list[tuple[str, float]] = field(default_factory=list)  # (candidate, log-likelihood)


@dataclass(frozen=True)
class TimeAudit:
    model: str
    boundary: str | None
    attempts: int
    problems: int
    months: list[MonthCell]
    odds_ratio: OddsRatio
    cutoff: Cutoff
    verdict: str
    # Attempts (and problems) whose release date is an estimate, not a contest's start:
    # their side of the boundary is uncertain, so they are counted and named.
    estimated_attempts: int = 0
    estimated_problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def monthly(attempts: list[Attempt], boundary: datetime | None) -> list[MonthCell]:
    groups: dict[str, list[Attempt]] = defaultdict(list)
    for a in attempts:
        groups[a.release.strftime("%Y-%m")].append(a)
    out = []
    for month in sorted(groups):
        rows = groups[month]
        k = sum(a.accepted for a in rows)
        low, high = wilson(k, len(rows))
        first = datetime.strptime(month + "-01", "%Y-%m-%d").replace(tzinfo=timezone.utc)
        out.append(MonthCell(month, k, len(rows), len({a.problem for a in rows}), low, high,
                             boundary is not None and first > boundary, any(a.release_estimated for a in rows)))
    return out


def _covariates(attempts: list[Attempt]) -> tuple[np.ndarray, list[str]]:
    """Difficulty (z-scored rating), imputation flag and language dummies; constant columns dropped."""
    ratings = np.array([a.rating if a.rating is not None else np.nan for a in attempts], dtype=float)
    cols: list[np.ndarray] = []
    names: list[str] = []
    if np.nanstd(ratings) > 0:
        cols.append((ratings - np.nanmean(ratings)) / np.nanstd(ratings))
        names.append("difficulty (rating z)")
    imputed = np.array([a.rating_imputed for a in attempts], dtype=float)
    if 0 < imputed.sum() < len(imputed):
        cols.append(imputed)
        names.append("rating imputed from label")
    languages = sorted({a.language for a in attempts})
    for lang in languages[1:]:
        cols.append(np.array([a.language == lang for a in attempts], dtype=float))
        names.append(f"language={lang}")
    if not cols:
        return np.zeros((len(attempts), 0)), names
    return np.column_stack(cols), names


def boundary_odds_ratio(attempts: list[Attempt], boundary: datetime | None) -> OddsRatio:
    """Odds ratio of acceptance after vs before the boundary, difficulty-adjusted, problem-clustered."""
    if boundary is None:
        return OddsRatio(None, None, None, None, [], "the model has no boundary (models add --cutoff/--boundary)")
    after = np.array([a.release > boundary for a in attempts], dtype=float)
    y = np.array([a.accepted for a in attempts], dtype=float)
    n_after, n_before = int(after.sum()), int(len(after) - after.sum())
    if n_after == 0 or n_before == 0:
        side = "after" if n_after == 0 else "before"
        return OddsRatio(None, None, None, None, [], f"no attempts {side} the boundary (run with --include-seen)")
    for side in (after == 1, after == 0):
        if y[side].min() == y[side].max():
            return OddsRatio(None, None, None, None, [],
                             "not estimable: every attempt on one side has the same outcome (separation)")
    covs, names = _covariates(attempts)
    X = np.column_stack([np.ones(len(y)), after, covs])
    groups = np.unique([a.problem for a in attempts], return_inverse=True)[1]
    import statsmodels.api as sm  # the audit extra

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            fit = sm.GLM(y, X, family=sm.families.Binomial()).fit(cov_type="cluster", cov_kwds={"groups": groups})
        except (np.linalg.LinAlgError, ValueError) as exc:  # singular design, or separation in older statsmodels
            return OddsRatio(None, None, None, None, names, f"not estimable: {type(exc).__name__}: {exc}")
    beta, se = float(fit.params[1]), float(fit.bse[1])
    if not (math.isfinite(beta) and math.isfinite(se)) or abs(beta) > 20:
        return OddsRatio(None, None, None, None, names, "not estimable: the model did not converge (separation)")
    return OddsRatio(math.exp(beta), math.exp(beta - 1.96 * se), math.exp(beta + 1.96 * se),
                     float(fit.pvalues[1]), names)


def _loglik(X: np.ndarray, y: np.ndarray, ridge: float = 1e-2) -> tuple[np.ndarray, np.ndarray]:
    """Maximised Bernoulli log-likelihoods of a batch of logistic models.

    ``X`` is ``(models, rows, columns)``; returns each model's log-likelihood
    and column-1 coefficient.  All models are fitted at once by Newton steps
    (the scan fits thousands).  A small ridge keeps separated data (a side
    with one outcome) finite; the likelihood then approaches its supremum,
    which is what the scan compares.
    """
    k, _, d = X.shape
    beta = np.zeros((k, d))
    eye = ridge * np.eye(d)
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-(X @ beta[..., None])[..., 0]))
        hess = (X * (p * (1 - p))[..., None]).transpose(0, 2, 1) @ X + eye
        grad = (X.transpose(0, 2, 1) @ (y - p)[..., None])[..., 0] - ridge * beta
        delta = np.linalg.solve(hess, grad[..., None])[..., 0]
        beta += delta
        if np.abs(delta).max() < 1e-6:
            break
    p = np.clip(1.0 / (1.0 + np.exp(-(X @ beta[..., None])[..., 0])), 1e-12, 1 - 1e-12)
    ll = np.sum(y * np.log(p) + (1 - y) * np.log(1 - p), axis=1)
    return ll, beta[:, 1] if d > 1 else np.zeros(k)


def _month_starts(first: datetime, last: datetime) -> list[datetime]:
    out = []
    y, m = first.year, first.month
    while True:
        m += 1
        if m == 13:
            y, m = y + 1, 1
        start = datetime(y, m, 1, tzinfo=timezone.utc)
        if start > last:
            return out
        out.append(start)


class _Scan:
    """Profile likelihood of a step at each candidate date, over problems (clusters)."""

    def __init__(self, attempts: list[Attempt], min_side: int) -> None:
        self.problems = sorted({a.problem for a in attempts})
        index = {p: i for i, p in enumerate(self.problems)}
        self.pid = np.array([index[a.problem] for a in attempts])
        self.y = np.array([a.accepted for a in attempts], dtype=float)
        self.covs = _covariates(attempts)[0]
        release: dict[str, datetime] = {a.problem: a.release for a in attempts}
        self.release = np.array([release[p].timestamp() for p in self.problems])
        self.candidates = _month_starts(min(release.values()), max(release.values()))
        self.min_side = min_side

    def best(self, release: np.ndarray, rows: np.ndarray) -> tuple[int | None, float, float, float, list[float]]:
        """(candidate index, its log-likelihood, the no-step log-likelihood, step coefficient, profile)."""
        y, covs, pid = self.y[rows], self.covs[rows], self.pid[rows]
        ones = np.ones((len(rows), 1))
        null = float(_loglik(np.column_stack([ones, covs])[None], y)[0][0])
        problems_in = np.unique(pid)
        usable = []
        for i, cand in enumerate(self.candidates):
            side = int((release[problems_in] >= cand.timestamp()).sum())
            if side >= self.min_side and len(problems_in) - side >= self.min_side:
                usable.append(i)
        profile = [math.nan] * len(self.candidates)
        if not usable:
            return None, -math.inf, null, 0.0, profile
        steps = np.stack([(release[pid] >= self.candidates[i].timestamp()).astype(float) for i in usable])
        X = np.concatenate([np.broadcast_to(ones, (len(usable), len(rows), 1)), steps[..., None],
                            np.broadcast_to(covs, (len(usable),) + covs.shape)], axis=2)
        ll, coef = _loglik(X, y)
        for j, i in enumerate(usable):
            profile[i] = float(ll[j])
        top = int(np.argmax(ll))  # the earliest of equal maxima
        return usable[top], float(ll[top]), null, float(coef[top]), profile


def effective_cutoff(attempts: list[Attempt], *, resamples: int = 200, permutations: int = 199, alpha: float = 0.05,
                     min_side: int = 3, seed: int = 0) -> Cutoff:
    scan = _Scan(attempts, min_side)
    all_rows = np.arange(len(scan.y))
    best, ll, null, coef, profile = scan.best(scan.release, all_rows)
    curve = [(c.date().isoformat(), v) for c, v in zip(scan.candidates, profile) if not math.isnan(v)]
    if best is None:
        return Cutoff(None, None, None, None, None, False, profile=curve)
    rng = np.random.default_rng(seed)
    observed = 2 * (ll - null)
    exceed = 0
    for _ in range(permutations):
        shuffled = rng.permutation(scan.release)
        b, ll_p, null_p, _, _ = scan.best(shuffled, all_rows)
        exceed += b is not None and 2 * (ll_p - null_p) >= observed - 1e-9
    p_value = (1 + exceed) / (1 + permutations)
    # Bootstrap over problems: every attempt of a drawn problem comes along.
    by_problem = [np.flatnonzero(scan.pid == i) for i in range(len(scan.problems))]
    picks: list[float] = []
    for _ in range(resamples):
        drawn = rng.integers(0, len(scan.problems), len(scan.problems))
        rows = np.concatenate([by_problem[i] for i in drawn])
        b = scan.best(scan.release, rows)[0]
        if b is not None:
            picks.append(scan.candidates[b].timestamp())
    cut = scan.candidates[best]
    after_mask = scan.release[scan.pid] >= cut.timestamp()
    before_rate = float(scan.y[~after_mask].mean())
    after_rate = float(scan.y[after_mask].mean())
    low = high = None
    if picks:
        low = _day(float(np.quantile(picks, 0.025, method="lower")))
        high = _day(float(np.quantile(picks, 0.975, method="higher")))
    drop = coef < 0
    return Cutoff(cut.date().isoformat(), low, high, p_value, drop, bool(drop and p_value < alpha),
                  before_rate, after_rate, curve)


def _day(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).date().isoformat()


def verdict(odds: OddsRatio, cutoff: Cutoff) -> str:
    """Words for what the evidence shows; never stronger than the numbers."""
    adjusted = odds.high is not None and odds.high < 1
    if adjusted and cutoff.claimed:
        return (f"evidence of contamination: acceptance drops after the boundary at equal difficulty "
                f"(OR {odds.estimate:.2f} [{odds.low:.2f}, {odds.high:.2f}]) and a step is found at {cutoff.estimate}")
    if adjusted:
        return (f"acceptance is lower after the boundary at equal difficulty (OR {odds.estimate:.2f} "
                f"[{odds.low:.2f}, {odds.high:.2f}]), but no step in time is significant")
    if cutoff.claimed:
        return f"a drop in acceptance is found at {cutoff.estimate}, but not across the declared boundary"
    return "no evidence of contamination in acceptance over time (this is not evidence that the model is clean)"


def time_audit(model: str, boundary: date | None, attempts: list[Attempt], **scan: Any) -> TimeAudit:
    if not attempts:
        raise ValueError(f"model {model!r} has no judged attempts on dated problems (run it with --include-seen first)")
    edge = datetime(boundary.year, boundary.month, boundary.day, 23, 59, 59, tzinfo=timezone.utc) if boundary else None
    odds = boundary_odds_ratio(attempts, edge)
    cutoff = effective_cutoff(attempts, **scan)
    estimated = [a for a in attempts if a.release_estimated]
    words = verdict(odds, cutoff)
    if estimated:
        words += (f" ({len(estimated)} of {len(attempts)} attempts are on problems whose release date is estimated)")
    return TimeAudit(model, boundary.isoformat() if boundary else None, len(attempts), len({a.problem for a in attempts}),
                     monthly(attempts, edge), odds, cutoff, words, len(estimated),
                     sorted({a.problem for a in estimated}))
