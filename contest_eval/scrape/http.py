"""A polite HTTP client for scraping contest sites.

Contest sites publish few limits and block eagerly (Cloudflare, CSRF checks),
so every request goes through one gate per host (a minimum interval between
calls, shared by retries and by every thread), transient failures are retried
under the project's one retry policy (:mod:`contest_eval.retry`, urllib3's
``Retry``: exponential backoff with jitter; ``Retry-After`` in seconds or as
an HTTP date wins when the server sends one), and the failures that retrying
cannot fix — a Cloudflare challenge, a login redirect, a 4xx — become one
:class:`ScrapeError` immediately instead of a retry storm.  Cookies are sent but never logged, archived or put into an
exception message.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import threading
import time
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import urlencode, urljoin, urlsplit

import requests

from contest_eval.retry import RetriesExhausted, RetryAfterTooLong, RetryPolicy

from .archive import redact_url

if TYPE_CHECKING:
    from .archive import Archive

log = logging.getLogger("contest_eval.scrape")

# Per-host minimum spacing (seconds) from scraping.md: Codeforces documents one
# API call per 2 s; AtCoder Problems asks for more than 1 s; LeetCode publishes
# nothing and clients that survive use about one call per second.
DEFAULT_MIN_INTERVAL_S: dict[str, float] = {
    "codeforces.com": 2.0,
    "atcoder.jp": 1.0,
    "kenkoooo.com": 1.0,
    "leetcode.com": 1.0,
    "leetcode.cn": 1.0,
}
FALLBACK_MIN_INTERVAL_S = 1.0
DEFAULT_USER_AGENT = "contest-eval/0.1 (contamination-aware contest evaluator; polite scraper, ~1 req/s)"
MAX_REDIRECTS = 5
_RETRY_STATUS = {429, 500, 502, 503, 504, 520, 521, 522, 523, 524}
_LOGIN_PATH = re.compile(r"/(accounts/)?(login|signin)(/|$)", re.I)
_CF_MARKERS = ("cf-chl", "just a moment...", "attention required! | cloudflare", "challenge-platform",
               "cf_chl_opt")


class ScrapeError(RuntimeError):
    """A failure retrying will not fix (or retries ran out); the message is one line."""


class HTTPStatusError(ScrapeError):
    """A non-retryable HTTP status.  ``response`` is kept so callers can read
    an error body (GraphQL validation errors, Codeforces ``comment``)."""

    def __init__(self, message: str, response: "Response") -> None:
        super().__init__(message)
        self.status = response.status
        self.response = response


class LoginRequired(HTTPStatusError):
    """The site wants a session (a redirect to its login page, or HTTP 401)."""


class CloudflareBlocked(HTTPStatusError):
    """A Cloudflare challenge page: a browser is needed, retrying will not help."""


class Response:
    """A completed response, decoded once.  JSON without a charset is UTF-8
    (RFC 8259); guessing the encoding, as ``requests`` would, is slow and wrong."""

    def __init__(self, url: str, status: int, headers: dict[str, str], content: bytes) -> None:
        self.url = url
        self.status = status
        self.headers = headers
        self.content = content
        self.text = content.decode(_charset(headers) or "utf-8", errors="replace")

    def json(self) -> Any:
        try:
            return json.loads(self.text)
        except json.JSONDecodeError as exc:
            cut = exc.msg.startswith("Unterminated") or exc.pos >= len(self.text.rstrip())
            raise ScrapeError(f"truncated/invalid JSON from {redact_url(self.url)}: {exc.msg} at char {exc.pos} "
                              f"of {len(self.text)} (HTTP {self.status}"
                              + ("; the body looks cut off)" if cut else ")")) from None

    def __repr__(self) -> str:
        return f"Response({self.status}, {redact_url(self.url)!r}, {len(self.content)} bytes)"


def _charset(headers: dict[str, str]) -> str | None:
    m = re.search(r"charset=([\w.-]+)", headers.get("content-type", ""), re.I)
    return m.group(1) if m else None


def cookies_from_env(names: tuple[str, ...] = ("LEETCODE_SESSION", "csrftoken")) -> dict[str, str]:
    """Cookies taken from same-named environment variables (unset ones are
    left out).  The values are only ever handed to the HTTP session."""
    return {name: os.environ[name] for name in names if os.environ.get(name)}


def _one_line(text: str, limit: int = 160) -> str:
    return " ".join(text.split())[:limit]


class PoliteClient:
    """``requests`` with per-host spacing, retries, block detection and an archive."""

    def __init__(self, *, min_interval_s: dict[str, float] | None = None, timeout_s: float = 30.0,
                 retries: int = 4, backoff_s: float = 1.0, user_agent: str | None = None,
                 cookies: dict[str, str] | None = None, archive: "Archive | None" = None,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 jitter: Callable[[], float] = random.random,
                 max_retry_after_s: float = 300.0,
                 cookie_hosts: tuple[str, ...] | None = None) -> None:
        self.min_interval_s = {**DEFAULT_MIN_INTERVAL_S, **(min_interval_s or {})}
        self.timeout_s = timeout_s
        self.retries = max(0, retries)
        # Backoff is capped at urllib3's default ceiling; Retry-After at max_retry_after_s.
        self.policy = RetryPolicy(self.retries, status_forcelist=_RETRY_STATUS, backoff_factor=backoff_s,
                                  backoff_max=120.0, max_retry_after=max_retry_after_s, jitter=jitter)
        self.user_agent = user_agent or DEFAULT_USER_AGENT
        self.archive = archive
        self.max_retry_after_s = max_retry_after_s
        # Cookies go only to these hosts (suffix match) when given, so a
        # LeetCode session never travels to Codeforces through a shared client.
        self.cookie_hosts = cookie_hosts
        self._cookies = dict(cookies or {})
        self._sleep, self._clock = sleep, clock
        self._session = requests.Session()
        self._session.trust_env = False  # no ~/.netrc credentials or proxies sneaking in
        self._gate_lock = threading.Lock()
        self._next_slot: dict[str, float] = {}

    def __repr__(self) -> str:  # never show cookie values
        return f"PoliteClient(cookies={sorted(self._cookies)}, archive={self.archive!r})"

    # -- rate limiting -------------------------------------------------------

    def interval_for(self, host: str) -> float:
        host = host.lower()
        for name, interval in self.min_interval_s.items():
            if host == name or host.endswith("." + name):
                return interval
        return FALLBACK_MIN_INTERVAL_S

    def _wait_turn(self, netloc: str, host: str) -> None:
        """Reserve the next free slot for this host and sleep until it.  Slots
        are booked under a lock, so concurrent threads queue up instead of
        bursting, and a retry delay pushed into the slot applies host-wide."""
        with self._gate_lock:
            now = self._clock()
            slot = max(now, self._next_slot.get(netloc, now))
            self._next_slot[netloc] = slot + self.interval_for(host)
        if slot > now:
            self._sleep(slot - now)

    def _defer(self, netloc: str, delay: float) -> None:
        with self._gate_lock:
            self._next_slot[netloc] = max(self._next_slot.get(netloc, 0.0), self._clock() + delay)

    # -- requests ------------------------------------------------------------

    def _cookie_header(self, host: str) -> str | None:
        if not self._cookies:
            return None
        if self.cookie_hosts is not None and not any(
                host == h or host.endswith("." + h) for h in self.cookie_hosts):
            return None
        return "; ".join(f"{k}={v}" for k, v in self._cookies.items())

    def _headers(self, host: str, method: str, extra: dict | None) -> dict[str, str]:
        headers = {"User-Agent": self.user_agent, "Accept": "application/json, text/html;q=0.9, */*;q=0.5"}
        headers.update(extra or {})
        cookie = self._cookie_header(host)
        if cookie:
            headers["Cookie"] = cookie
            # Django (LeetCode) wants the CSRF cookie echoed in a header on writes.
            if method != "GET" and "csrftoken" in self._cookies:
                headers.setdefault("x-csrftoken", self._cookies["csrftoken"])
        return headers

    def request(self, method: str, url: str, *, params: dict | None = None, headers: dict | None = None,
                data: bytes | None = None) -> Response:
        """One logical request: spacing, retries, redirects (followed by hand so
        a login redirect is seen), block detection.  Returns only a 2xx."""
        method = method.upper()
        if params:
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(params, doseq=True)}"
        retry = self.policy
        redirects = 0
        while True:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ScrapeError(f"not an http(s) URL: {redact_url(url)}")
            host, safe = parts.hostname.lower(), redact_url(url)
            self._wait_turn(parts.netloc.lower(), host)
            try:
                raw = self._session.request(method, url, data=data, headers=self._headers(host, method, headers),
                                            timeout=self.timeout_s, allow_redirects=False)
                content = raw.content  # read fully here so a cut-off body is a retryable error
            except (requests.Timeout, requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ContentDecodingError) as exc:
                what = "timed out" if isinstance(exc, requests.Timeout) else f"failed ({exc.__class__.__name__})"
                try:
                    retry, delay = retry.failed(method, safe, error=exc)
                except RetriesExhausted as gave_up:
                    raise ScrapeError(f"{method} {safe} {what} after {gave_up.attempts} attempts") from None
                log.warning("%s %s %s; retry %d/%d in %.1fs", method, safe, what, retry.attempts - 1, self.retries, delay)
                self._defer(parts.netloc.lower(), delay)
                continue
            except requests.RequestException as exc:
                raise ScrapeError(f"{method} {safe} failed: {exc.__class__.__name__}") from None

            resp = Response(url, raw.status_code, {k.lower(): v for k, v in raw.headers.items()}, content)
            if self.archive is not None:
                self.archive.record(method, url, resp.status, content, request_body=data)
            log.info("%s %s -> %d (%d bytes)", method, safe, resp.status, len(content))

            self._check_blocked(resp, method)
            if 300 <= resp.status < 400 and resp.status != 304:
                location = resp.headers.get("location", "")
                if _LOGIN_PATH.search(urlsplit(location).path or ""):
                    raise LoginRequired(f"login required: {method} {safe} redirected to the login page "
                                      f"(set LEETCODE_SESSION/csrftoken for pages that need a session)", resp)
                if not location or redirects >= MAX_REDIRECTS:
                    raise ScrapeError(f"{method} {safe}: HTTP {resp.status} redirect without a usable Location "
                                      f"or more than {MAX_REDIRECTS} redirects")
                url = urljoin(url, location)
                redirects += 1
                if resp.status in (301, 302, 303):
                    method, data = "GET", None
                continue
            retry_after = resp.headers.get("retry-after")
            if retry.should_retry(method, resp.status, retry_after):
                try:
                    retry, delay = retry.failed(method, safe, response=raw.raw, retry_after=retry_after)
                except RetryAfterTooLong as exc:
                    raise HTTPStatusError(f"{method} {safe}: HTTP {resp.status} with Retry-After {exc.seconds:.0f}s "
                                          f"(over the {exc.limit:.0f}s cap); try again later", resp) from None
                except RetriesExhausted as exc:
                    raise HTTPStatusError(f"{method} {safe}: HTTP {resp.status} after {exc.attempts} attempts",
                                          resp) from None
                log.warning("%s %s -> %d; retry %d/%d in %.1fs", method, safe, resp.status, retry.attempts - 1,
                            self.retries, delay)
                self._defer(parts.netloc.lower(), delay)
                continue
            if resp.status == 401:
                raise LoginRequired(f"login required: {method} {safe} answered HTTP 401", resp)
            if not 200 <= resp.status < 300:
                detail = _one_line(resp.text) if "html" not in resp.headers.get("content-type", "") else ""
                raise HTTPStatusError(f"{method} {safe}: HTTP {resp.status}" + (f": {detail}" if detail else ""), resp)
            return resp

    @staticmethod
    def _check_blocked(resp: Response, method: str) -> None:
        """A Cloudflare challenge needs a browser; retrying only deepens the block."""
        challenged = "cf-mitigated" in resp.headers
        if not challenged and "html" in resp.headers.get("content-type", "html"):
            head = resp.text[:20000].lower()
            if resp.status in (403, 429, 503) and any(m in head for m in _CF_MARKERS):
                challenged = True
            elif "<title>just a moment...</title>" in head:
                challenged = True
        if challenged:
            raise CloudflareBlocked(f"blocked by a Cloudflare challenge: {method} {redact_url(resp.url)} "
                                  f"(HTTP {resp.status}); not retrying — wait, or use a browser session", resp)
        if resp.status == 403 and "csrf verification failed" in resp.text[:5000].lower():
            raise HTTPStatusError(f"{method} {redact_url(resp.url)}: HTTP 403 CSRF verification failed "
                                  f"(missing Referer or csrftoken)", resp)

    def get(self, url: str, params: dict | None = None, headers: dict | None = None) -> Response:
        return self.request("GET", url, params=params, headers=headers)

    def post_json(self, url: str, payload: Any, headers: dict | None = None) -> Response:
        body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        return self.request("POST", url, headers={"Content-Type": "application/json", **(headers or {})}, data=body)

    def get_json(self, url: str, params: dict | None = None) -> Any:
        return self.get(url, params=params).json()

    def get_text(self, url: str, params: dict | None = None) -> str:
        return self.get(url, params=params).text
