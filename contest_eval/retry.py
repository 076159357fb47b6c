"""One retry policy for every HTTP client here: the scraper and the OpenAI backend.

It is urllib3's :class:`~urllib3.util.retry.Retry`: the retry budget
(``total``), the statuses worth retrying (``status_forcelist``), the history
of failed attempts, and ``Retry-After`` in both of its forms, delta-seconds
and HTTP-date (``Retry.parse_retry_after``).  A server's ``Retry-After``
replaces the backoff, as urllib3's own ``Retry.sleep`` does.

The callers drive it by hand rather than mounting it on a ``requests``
adapter, because both must see every failed response (the scraper archives
it and pushes back its per-host gate; the backend counts retries), and both
wait through an injected function so tests never sleep.

Only the backoff formula is replaced: urllib3 retries the first failure with
no wait, which against a rate-limited server is the retry most likely to be
refused.  Here the n-th retry waits ``backoff * 2**(n-1)`` stretched by up to
half again at random, so parallel workers do not retry in lock-step, capped
at ``backoff_max``.
"""

from __future__ import annotations

import random
from typing import Any, Callable

from urllib3.exceptions import InvalidHeader, MaxRetryError
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

# Recent urllib3 releases silently clamp a long Retry-After (``retry_after_max``);
# the policy refuses it instead (``max_retry_after``), so the clamp must never
# apply first.  Older 2.x releases have no clamp and no such argument.
_CLAMP_KWARGS: dict[str, Any] = {"retry_after_max": 2**31} if hasattr(Retry, "DEFAULT_RETRY_AFTER_MAX") else {}


class RetryGaveUp(Exception):
    """No further attempt will be made; ``attempts`` is how many were."""

    def __init__(self, attempts: int) -> None:
        super().__init__(f"gave up after {attempts} attempts")
        self.attempts = attempts


class RetriesExhausted(RetryGaveUp):
    """The retry budget is spent."""


class RetryAfterTooLong(RetryGaveUp):
    """The server asked for a wait longer than the policy accepts."""

    def __init__(self, attempts: int, seconds: float, limit: float) -> None:
        super().__init__(attempts)
        self.seconds, self.limit = seconds, limit


class RetryPolicy(Retry):
    """urllib3's Retry with the project's backoff, an injectable jitter source
    and a ceiling on how long a ``Retry-After`` may make us wait.

    It is immutable like its base: :meth:`failed` returns the policy for the
    next attempt.  Every method is retried (``allowed_methods=None``): the
    POSTs made here are reads (GraphQL queries, chat completions).
    """

    def __init__(self, total: Any = 4, *, jitter: Callable[[], float] = random.random,
                 max_retry_after: float = 300.0, **kwargs: Any) -> None:
        kwargs.setdefault("allowed_methods", None)
        kwargs.setdefault("raise_on_status", False)
        kwargs.setdefault("raise_on_redirect", False)
        for key, value in _CLAMP_KWARGS.items():
            kwargs.setdefault(key, value)
        super().__init__(total, **kwargs)
        self.jitter = jitter
        self.max_retry_after = max_retry_after

    def new(self, **kw: Any) -> RetryPolicy:
        kw.setdefault("jitter", self.jitter)
        kw.setdefault("max_retry_after", self.max_retry_after)
        return super().new(**kw)

    @property
    def attempts(self) -> int:
        """The number of the attempt this policy governs (1 for the first)."""
        return len(self.history) + 1

    def get_backoff_time(self) -> float:
        failures = len(self.history)
        if failures == 0 or self.backoff_factor <= 0:
            return 0.0
        base = self.backoff_factor * 2 ** (failures - 1)
        return float(min(self.backoff_max, base * (1.0 + 0.5 * self.jitter())))

    def should_retry(self, method: str, status: int, retry_after: str | None = None) -> bool:
        """Whether a response with this status is a transient failure."""
        return self.is_retry(method, status, has_retry_after=bool(retry_after))

    def retry_after_seconds(self, value: str | None) -> float | None:
        """``Retry-After`` in seconds, or None when absent or unreadable."""
        if not value or not self.respect_retry_after_header:
            return None
        try:
            return float(self.parse_retry_after(value))
        except InvalidHeader:
            return None

    def failed(self, method: str, url: str, *, response: BaseHTTPResponse | None = None,
               error: Exception | None = None, retry_after: str | None = None) -> tuple[RetryPolicy, float]:
        """Record one failed attempt (a retryable ``response`` or an ``error``):
        the policy for the next attempt and the seconds to wait before it.
        ``url`` is kept in the history and urllib3 logs it at DEBUG level, so
        callers pass it with secrets redacted.

        Raises :class:`RetryAfterTooLong` or :class:`RetriesExhausted`.
        """
        wait = self.retry_after_seconds(retry_after)
        if wait is not None and wait > self.max_retry_after:
            raise RetryAfterTooLong(self.attempts, wait, self.max_retry_after)
        try:
            following = self.increment(method, url, response=response, error=error)
        except MaxRetryError:
            raise RetriesExhausted(self.attempts) from None
        return following, wait if wait else following.get_backoff_time()
