"""Scrapers for contest platforms, built on one polite HTTP client.

``http`` holds the client (rate limits, retries, block detection), ``archive``
the raw-response store every fetch is written to, and one module per platform
turns responses into the same :class:`~contest_eval.problems.record.ProblemRecord`
the importers produce.
"""

from .archive import Archive, ArchivedResponse
from .http import (CloudflareBlocked, HTTPStatusError, LoginRequired, PoliteClient, Response, ScrapeError,
                   cookies_from_env)

__all__ = [
    "Archive",
    "ArchivedResponse",
    "CloudflareBlocked",
    "HTTPStatusError",
    "LoginRequired",
    "PoliteClient",
    "Response",
    "ScrapeError",
    "cookies_from_env",
]
