"""Interval estimates for acceptance rates (pure, no I/O, no numpy).

Two units are reported and never mixed (research/contamination.md §5): the
*attempt* (one rollout on one problem) and the *problem*.  Attempts on the same
problem are correlated, so an attempt-level Wilson interval is narrower than
the truth when there are several rollouts; the problem-level mean with a
bootstrap over problems is the honest companion number.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass



def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion.

    With n = 0 nothing is known, so the interval is the whole of [0, 1] rather
    than an error: an empty leaderboard cell must still render.
    """
    if n < 0 or successes < 0 or successes > n:
        raise ValueError(f"need 0 <= successes <= n, got {successes}/{n}")
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    z2 = z * z
    denom = 1.0 + z2 / n
    center = (p + z2 / (2 * n)) / denom
    half = (z / denom) * math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n))
    # Clamp: at p = 0 or 1 the exact bound is 0 or 1 but floating point can
    # land a hair outside, which would print as "-0.000".
    low = 0.0 if successes == 0 else max(0.0, center - half)
    high = 1.0 if successes == n else min(1.0, center + half)
    return (low, high)


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k (Chen et al. 2021): 1 - C(n-c, k) / C(n, k).

    Computed as a running product, as in LiveCodeBench's pass_k_utils, because
    the binomial coefficients overflow floats long before the ratio does.
    """
    if n < 1 or not 0 <= c <= n:
        raise ValueError(f"need n >= 1 and 0 <= c <= n, got n={n}, c={c}")
    if not 1 <= k <= n:
        raise ValueError(f"need 1 <= k <= n, got k={k}, n={n}")
    if n - c < k:
        return 1.0
    prod = 1.0
    for i in range(n - c + 1, n + 1):
        prod *= 1.0 - k / i
    return 1.0 - prod


@dataclass(frozen=True)
class MeanInterval:
    """A mean over problems with a percentile-bootstrap interval."""

    mean: float
    low: float
    high: float
    n: int  # number of problems averaged
    method: str = "bootstrap-percentile"


def bootstrap_mean(values: Sequence[float], *, resamples: int = 2000, confidence: float = 0.95,
                   seed: int = 0) -> MeanInterval | None:
    """Mean of per-problem values with a percentile bootstrap over problems.

    Chosen over a t-interval because solve rates are bounded and often piled
    at 0 and 1, where a symmetric t-interval leaves [0, 1]; resampling whole
    problems is the cluster bootstrap the research recommends.  Seeded so a
    report is reproducible.  Caveats stated in the output: with every value
    equal the interval collapses to a point, and with one problem there is no
    interval at all (returns mean with low = high, n = 1).  None when empty.
    """
    if not values:
        return None
    vals = [float(v) for v in values]
    m = len(vals)
    mean = sum(vals) / m
    if m == 1:
        return MeanInterval(mean, mean, mean, 1, "single-problem")
    rng = random.Random(seed)
    means = sorted(sum(rng.choices(vals, k=m)) / m for _ in range(resamples))
    alpha = (1.0 - confidence) / 2.0
    return MeanInterval(mean, _quantile(means, alpha), _quantile(means, 1.0 - alpha), m)


def _quantile(sorted_vals: Sequence[float], q: float) -> float:
    # Linear interpolation between order statistics (numpy's default).
    pos = q * (len(sorted_vals) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (pos - lo)


@dataclass(frozen=True)
class Proportion:
    """x/N with its Wilson interval; the cell of every table in the reports."""

    successes: int
    n: int
    low: float
    high: float

    @property
    def rate(self) -> float | None:
        return self.successes / self.n if self.n else None

    def fraction(self) -> str:
        return f"{self.successes}/{self.n}"


def proportion(successes: int, n: int, z: float = 1.96) -> Proportion:
    low, high = wilson(successes, n, z)
    return Proportion(successes, n, low, high)
