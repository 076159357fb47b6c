"""Interval and pass@k arithmetic against independent formulations."""

from __future__ import annotations

import itertools
import math

import pytest

from contest_eval.report.stats import bootstrap_mean, pass_at_k, proportion, wilson


def wilson_by_quadratic(x: int, n: int, z: float = 1.96) -> tuple[float, float]:
    # The Wilson bounds are the roots in p of (x/n - p)^2 = z^2 p (1 - p) / n.
    ph = x / n
    a = 1 + z * z / n
    b = -(2 * ph + z * z / n)
    c = ph * ph
    disc = math.sqrt(b * b - 4 * a * c)
    return ((-b - disc) / (2 * a), (-b + disc) / (2 * a))


def test_wilson_123_of_128_matches_research_and_quadratic():
    low, high = wilson(123, 128)
    assert (round(low, 3), round(high, 3)) == (0.912, 0.983)  # research/contamination.md §0
    qlow, qhigh = wilson_by_quadratic(123, 128)
    assert low == pytest.approx(qlow, abs=1e-12)
    assert high == pytest.approx(qhigh, abs=1e-12)


@pytest.mark.parametrize("x,n", [(1, 1), (1, 2), (3, 7), (50, 100), (99, 100), (5, 1000), (7, 9)])
def test_wilson_matches_quadratic_roots(x, n):
    for z in (1.0, 1.96, 2.576):
        assert wilson(x, n, z) == pytest.approx(wilson_by_quadratic(x, n, z), abs=1e-12)


def test_wilson_edges():
    assert wilson(0, 0) == (0.0, 1.0)
    low, high = wilson(0, 10)
    assert low == 0.0 and high == pytest.approx(wilson_by_quadratic(0, 10)[1]) and high == pytest.approx(0.2775, abs=1e-4)
    low, high = wilson(10, 10)
    assert high == 1.0 and low == pytest.approx(1 - 0.2775, abs=1e-4)
    for bad in ((-1, 3), (4, 3), (0, -1)):
        with pytest.raises(ValueError):
            wilson(*bad)


def test_proportion_cell():
    p = proportion(123, 128)
    assert p.fraction() == "123/128" and p.rate == pytest.approx(123 / 128)
    assert proportion(0, 0).rate is None


def brute_pass_at_k(n: int, c: int, k: int) -> float:
    # Probability that a uniformly drawn k-subset of the n samples holds a success.
    samples = [1] * c + [0] * (n - c)
    subsets = list(itertools.combinations(range(n), k))
    return sum(any(samples[i] for i in s) for s in subsets) / len(subsets)


@pytest.mark.parametrize("n,c,k", [(4, 0, 1), (4, 1, 1), (4, 1, 2), (4, 2, 3), (4, 4, 4), (6, 2, 3), (7, 3, 5), (5, 0, 5)])
def test_pass_at_k_matches_enumeration_and_comb(n, c, k):
    expected = brute_pass_at_k(n, c, k)
    assert pass_at_k(n, c, k) == pytest.approx(expected, abs=1e-12)
    assert pass_at_k(n, c, k) == pytest.approx(1 - math.comb(n - c, k) / math.comb(n, k), abs=1e-12)


def test_pass_at_k_edges():
    assert pass_at_k(10, 0, 3) == 0.0
    assert pass_at_k(10, 10, 1) == 1.0
    assert pass_at_k(10, 8, 3) == 1.0  # n - c < k: every draw of 3 holds a success
    assert pass_at_k(128, 37, 1) == pytest.approx(37 / 128)
    assert 0.0 < pass_at_k(1000, 1, 500) <= 1.0  # no overflow where C(1000, 500) would
    for bad in ((0, 0, 1), (4, 5, 1), (4, 1, 0), (4, 1, 5), (4, -1, 1)):
        with pytest.raises(ValueError):
            pass_at_k(*bad)


def test_bootstrap_mean():
    vals = [1.0] * 28 + [0.5, 0.75, 0.75, 0.75]
    a = bootstrap_mean(vals, seed=1)
    b = bootstrap_mean(vals, seed=1)
    assert a == b  # seeded: a report is reproducible
    assert a is not None and a.n == 32 and a.mean == pytest.approx(30.75 / 32)
    assert a.low < a.mean < a.high <= 1.0
    assert bootstrap_mean([]) is None
    one = bootstrap_mean([0.25])
    assert one is not None and (one.low, one.high, one.n) == (0.25, 0.25, 1)
    flat = bootstrap_mean([1.0, 1.0, 1.0])
    assert flat is not None and flat.low == flat.high == 1.0
