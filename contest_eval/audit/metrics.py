"""Per-text memorization scores from one teacher-forced pass (definitions in
research/contamination.md §3.1).

A scorer hands over, for the text's tokens ``x_1..x_N`` and every predicted
position ``t = 2..N``: ``ℓ_t = log p(x_t | x_<t)``, whether ``x_t`` is the
model's top-ranked token there (``greedy``), and where the scorer sees the
whole distribution, its mean ``μ_t`` and standard deviation ``σ_t`` of
``log p`` under ``p``.  Every score below is oriented so that *higher means
more likely seen*:

- ``loglik``: mean ``ℓ_t``;
- ``zlib``: ``loglik / len(zlib.compress(text))`` (Carlini et al.; the
  log-likelihood is per token and negative, the length positive), over the
  part of the text that was scored when a token cap cut it;
- ``mink``: mean of the lowest ``⌊k(N−1)⌋`` values of ``ℓ_t``, k = 20 %;
- ``minkpp``: the same over ``(ℓ_t − μ_t)/σ_t`` (Min-K%++), ``exact`` when
  μ and σ come from the full vocabulary, else an approximation from the top-k
  log-probabilities plus one lumped tail token, labelled ``approx``;
- ``nga5``/``nga10``: BenBench n-gram accuracy: at 5 start positions
  ``linspace(2, N−n, 5)`` does greedy decoding reproduce the next n tokens?
  Greedy decoding from ``x_<s`` reproduces ``x_s..x_{s+n−1}`` exactly when
  each of those tokens is the top-ranked one under teacher forcing (§3.3), so
  the continuation is read off the same pass instead of being generated.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass

import numpy as np

K_FRACTION = 0.2
NGA_STARTS = 5
NGA_LENGTHS = (5, 10)
SCORE_NAMES = ("loglik", "zlib", "mink", "minkpp", "nga5", "nga10")


@dataclass(frozen=True)
class TokenScores:
    """One text under one model: arrays over predicted positions t = 2..N."""

    logprobs: list[float]
    greedy: list[bool]
    mu: list[float] | None = None
    sigma: list[float] | None = None
    distribution: str = "none"  # exact | approx | none: where mu and sigma come from
    # When the scorer cut the text at its token cap: the bytes of text it scored,
    # so the zlib ratio compresses the same text the log-likelihood covers.
    scored_bytes: int | None = None

    def __post_init__(self) -> None:
        n = len(self.logprobs)
        if len(self.greedy) != n or (self.mu is not None and len(self.mu) != n) or (self.sigma is not None and len(self.sigma) != n):
            raise ValueError("token score arrays differ in length")


def moments(logp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """μ and σ of log p under p, row-wise over a ``(positions, vocab)`` array of log-probabilities."""
    p = np.exp(logp)
    mu = np.sum(p * logp, axis=-1)
    var = np.sum(p * logp * logp, axis=-1) - mu * mu
    return mu, np.sqrt(np.maximum(var, 1e-12))


def approx_moments(top: list[float]) -> tuple[float, float]:
    """μ and σ from top-k log-probabilities plus the leftover mass as one token: biased, labelled approx."""
    logp = np.array(top, dtype=float)
    tail = 1.0 - float(np.exp(logp).sum())
    if tail > 1e-9:
        logp = np.append(logp, math.log(tail))
    mu, sigma = moments(logp[None, :])
    return float(mu[0]), float(sigma[0])


def _lowest_mean(values: np.ndarray, k: float) -> float:
    count = max(1, int(math.floor(k * len(values))))
    return float(np.sort(values)[:count].mean())


def ngram_accuracy(greedy: list[bool], n: int, starts: int = NGA_STARTS) -> float | None:
    """Fraction of the ``starts`` spans of n tokens greedy decoding reproduces; None if the text is too short."""
    total = len(greedy) + 1  # N tokens; greedy[i] is about token x_{i+2}
    if total - n < 2:
        return None
    hits = 0
    for s in np.linspace(2, total - n, starts):
        first = int(round(s))  # 1-based index of the first predicted token
        span = greedy[first - 2:first - 2 + n]
        hits += len(span) == n and all(span)
    return hits / starts


def text_metrics(text: str, scores: TokenScores, k: float = K_FRACTION) -> dict[str, float | str | None]:
    if not scores.logprobs:
        raise ValueError("a text needs at least two tokens to be scored")
    lp = np.array(scores.logprobs, dtype=float)
    loglik = float(lp.mean())
    out: dict[str, float | str | None] = {
        "loglik": loglik,
        "zlib": loglik / len(zlib.compress(text.encode("utf-8")[: scores.scored_bytes])),
        "mink": _lowest_mean(lp, k),
        "minkpp": None,
        "minkpp_mode": scores.distribution,
    }
    if scores.mu is not None and scores.sigma is not None:
        z = (lp - np.array(scores.mu)) / np.maximum(np.array(scores.sigma), 1e-6)
        out["minkpp"] = _lowest_mean(z, k)
    for n in NGA_LENGTHS:
        out[f"nga{n}"] = ngram_accuracy(scores.greedy, n)
    return out
