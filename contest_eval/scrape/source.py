"""A platform's contests behind three calls: which contests ended in a window, one
contest with its problems, and a problem's accepted submissions with their source
(the scheduled jobs' view of the scrapers).  All three share one polite client, so
the submissions go through the same pacing, archive and base URL as the contest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from contest_eval.problems.record import ContestRecord, Parsed, Rejected

PLATFORMS = ("leetcode", "codeforces", "atcoder")


class SourceError(RuntimeError):
    """A contest listing or page could not be read; the message is one line."""


class ContestSource:
    """One platform's scraper behind the two calls the weekly job needs."""

    def __init__(self, platform: str, base: str | None = None, archive: Path | None = None,
                 min_interval: float | None = None) -> None:
        from contest_eval.scrape.http import PoliteClient, cookies_from_env

        if platform not in PLATFORMS:
            raise SourceError(f"unknown platform {platform!r} (choose from {', '.join(PLATFORMS)})")
        kwargs: dict[str, Any] = {}
        if archive is not None:
            from contest_eval.scrape.archive import Archive

            kwargs["archive"] = Archive(archive)
        if platform == "leetcode":
            kwargs["cookies"] = cookies_from_env()  # from the environment only; never stored or logged
        client = PoliteClient(**kwargs)
        if min_interval is not None:
            interval = min_interval
            client.interval_for = lambda host: interval  # type: ignore[method-assign]
        self.platform = platform
        self.client = client
        self._submissions: Any = None
        if platform == "leetcode":
            from contest_eval.scrape.leetcode import LeetCodeScraper

            self.scraper: Any = LeetCodeScraper(client, base, "com")
        elif platform == "codeforces":
            from contest_eval.scrape.codeforces import CodeforcesScraper

            self.scraper = CodeforcesScraper(client, base or "https://codeforces.com")
        else:
            from contest_eval.scrape.atcoder import AtCoderScraper

            self.scraper = AtCoderScraper(client, base or "https://atcoder.jp")

    def listing(self, since: datetime | None, until: datetime) -> list[ContestRecord]:
        """Contests that started in [since, until) and have ended by ``until``."""
        found = self.scraper.contests(since, until)
        return [c for c in found if c.start_time is not None and c.start_time < until
                and c.start_time + timedelta(seconds=c.duration_s or 0) <= until]

    def fetch(self, slug: str) -> tuple[ContestRecord, list[Parsed]]:
        if self.platform == "leetcode":
            rec = self.scraper.contest(slug)
            return rec, [self.scraper.problem(p, rec) for p in rec.problem_slugs]
        if self.platform == "codeforces":
            return self.scraper.contest(slug), list(self.scraper.problems(slug))
        tasks = self.scraper.contest(slug)
        if isinstance(tasks, Rejected):
            raise SourceError(f"atcoder contest {slug}: {tasks.reason}")
        return tasks.contest, list(self.scraper.problems(slug))


    def submissions(self, contest: str, index: str, limit: int,
                    languages: tuple[str, ...] | None = None) -> tuple[list[Any], list[str]]:
        """Up to ``limit`` accepted submissions (``scrape.submissions.AcceptedSubmission``, by
        distinct authors, with code) to one problem, and what was skipped with why.  Only
        Codeforces shows other people's code without a login; elsewhere there are none."""
        if self.platform != "codeforces":
            return [], [f"{self.platform} does not publish accepted submissions' code"]
        if self._submissions is None:
            from contest_eval.scrape.submissions import SubmissionScraper

            self._submissions = SubmissionScraper(self.client, self.scraper.base_url)
        return self._submissions.with_source(contest, index, limit, languages=languages)


def guarded(what: str, fn: Callable[[], Any]) -> Any:
    """``fn()``, with a scraping failure turned into one :class:`SourceError` naming ``what``."""
    from contest_eval.scrape.http import ScrapeError

    try:
        return fn()
    except (ScrapeError, SourceError) as exc:
        raise SourceError(f"{what}: {exc}") from None
