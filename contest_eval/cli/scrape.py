"""``contest-eval scrape leetcode|codeforces|atcoder``: newest contests into the store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from contest_eval.cli.output import console, emit_json, err_console, fail, parse_day, state
from contest_eval.db.catalog import Counts, upsert_contest, upsert_problem
from contest_eval.db.engine import open_store, session_scope
from contest_eval.problems.record import ContestRecord, ProblemRecord, Rejected

app = typer.Typer(help="Scrape contests and problems with their release times.", no_args_is_help=True)

BASE_URL = typer.Option(None, "--base-url", help="Point the scraper at a mirror or a local replay server.")
ARCHIVE = typer.Option(None, "--archive", help="Directory to archive every raw response in (URL, status, time, sha256, body).")
INTERVAL = typer.Option(None, "--min-interval", min=0.0, help="Seconds between calls to one host (default: the platform's polite rate).")


class LeetCodeSite(StrEnum):
    """An enum so ``--help`` lists the sites and a bad one is a usage error
    (exit 2) before the store is opened."""

    com = "com"
    cn = "cn"


def _client(archive: Path | None, min_interval: float | None, cookies: bool = False) -> Any:
    from contest_eval.scrape.archive import Archive
    from contest_eval.scrape.http import PoliteClient, cookies_from_env

    kwargs: dict[str, Any] = {"archive": Archive(archive) if archive else None}
    if cookies:
        kwargs["cookies"] = cookies_from_env()  # from the environment only; never stored or logged
    client = PoliteClient(**kwargs)
    if min_interval is not None:
        # --min-interval applies to every host, a replay server's included.
        client.interval_for = lambda host: min_interval  # type: ignore[method-assign]
    return client


class Sink:
    """Stores each contest and problem in its own transaction and counts."""

    def __init__(self) -> None:
        self.problems = Counts()
        self.contests = Counts()
        self.rejected: list[Rejected] = []
        self.warnings: list[str] = []
        open_store(state["db"])

    def contest(self, rec: ContestRecord) -> None:
        with session_scope(state["db"]) as session:
            self.contests.add(upsert_contest(session, rec))

    def problem(self, item: ProblemRecord | Rejected) -> None:
        if isinstance(item, Rejected):
            self.rejected.append(item)
            self.problems.add("skipped")
            return
        self.warnings.extend(f"{item.slug}: {w}" for w in getattr(item, "warnings", []))
        if item.paid_only:
            self.warnings.append(f"{item.slug}: paid-only (stored without a statement)")
        with session_scope(state["db"]) as session:
            self.problems.add(upsert_problem(session, item))

    def report(self, platform: str, as_json: bool) -> None:
        summary = {"platform": platform, "contests": self.contests.as_dict(), "problems": self.problems.as_dict(),
                   "rejected": [{"where": r.where, "reason": r.reason} for r in self.rejected], "warnings": self.warnings}
        if as_json:
            emit_json(summary)
            return
        c, p = self.contests, self.problems
        console.print(f"{platform}: contests {c.new} new, {c.updated} updated, {c.unchanged} unchanged; "
                      f"problems {p.new} new, {p.updated} updated, {p.unchanged} unchanged, {p.skipped} skipped")
        for r in self.rejected:
            console.print(f"  skipped {r.where}: {r.reason}", markup=False, highlight=False)
        for w in self.warnings:
            console.print(f"  warning {w}", markup=False, highlight=False)


def _progress() -> Progress:
    # Transient: a failure leaves exactly one error line behind.
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err_console,
                    transient=True, disable=not err_console.is_terminal)


def _guard(fn: Any) -> Any:
    from contest_eval.scrape.http import ScrapeError

    try:
        return fn()
    except ScrapeError as exc:
        fail(str(exc))


@app.command()
def leetcode(
    site: LeetCodeSite = typer.Option(LeetCodeSite.com, "--site", help="com (leetcode.com) or cn (leetcode.cn)."),
    since: str | None = typer.Option(None, "--since", help="Contests starting at or after this UTC date."),
    until: str | None = typer.Option(None, "--until", help="Contests starting before this UTC date."),
    contest: list[str] = typer.Option([], "--contest", help="Contest slug (repeatable); skips the listing."),
    base_url: str | None = BASE_URL, archive: Path | None = ARCHIVE, min_interval: float | None = INTERVAL,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Scrape LeetCode weekly and biweekly contests and their problems.

    LEETCODE_SESSION and csrftoken are read from the environment when set,
    and are never stored or logged.
    """
    from contest_eval.scrape.leetcode import LeetCodeScraper

    scraper = LeetCodeScraper(_client(archive, min_interval, cookies=True), base_url, site.value)
    lo, hi = parse_day(since, "--since"), parse_day(until, "--until")
    sink = Sink()
    slugs = contest or [c.slug for c in _guard(lambda: scraper.contests(lo, hi))]
    with _progress() as progress:
        task = progress.add_task("leetcode contests", total=len(slugs))
        for slug in slugs:
            rec = _guard(lambda: scraper.contest(slug))
            sink.contest(rec)
            for problem_slug in rec.problem_slugs:
                sink.problem(_guard(lambda: scraper.problem(problem_slug, rec)))
            progress.advance(task)
    sink.report(f"leetcode.{site.value}", as_json)


@app.command()
def codeforces(
    since: str | None = typer.Option(None, "--since", help="Contests starting at or after this UTC date."),
    until: str | None = typer.Option(None, "--until", help="Contests starting before this UTC date."),
    contest: list[str] = typer.Option([], "--contest", help="Contest id (repeatable); skips the listing."),
    base_url: str | None = BASE_URL, archive: Path | None = ARCHIVE, min_interval: float | None = INTERVAL,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Scrape finished Codeforces contests (API) and their statements (pages, when reachable)."""
    from contest_eval.scrape.codeforces import CodeforcesScraper

    scraper = CodeforcesScraper(_client(archive, min_interval), base_url or "https://codeforces.com")
    lo, hi = parse_day(since, "--since"), parse_day(until, "--until")
    sink = Sink()
    records = ([_guard(lambda: scraper.contest(cid)) for cid in contest] if contest
               else _guard(lambda: scraper.contests(lo, hi)))
    with _progress() as progress:
        task = progress.add_task("codeforces contests", total=len(records))
        for rec in records:
            sink.contest(rec)
            for item in _guard(lambda: scraper.problems(rec.slug)):
                sink.problem(item)
            progress.advance(task)
    sink.report("codeforces", as_json)


@app.command()
def atcoder(
    since: str | None = typer.Option(None, "--since", help="Contests starting at or after this UTC date."),
    until: str | None = typer.Option(None, "--until", help="Contests starting before this UTC date."),
    contest: list[str] = typer.Option([], "--contest", help="Contest slug (repeatable); skips the archive listing."),
    base_url: str | None = BASE_URL, archive: Path | None = ARCHIVE, min_interval: float | None = INTERVAL,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Scrape AtCoder contests (archive, tasks pages) and their English task statements."""
    from contest_eval.scrape.atcoder import AtCoderScraper

    scraper = AtCoderScraper(_client(archive, min_interval), base_url or "https://atcoder.jp")
    lo, hi = parse_day(since, "--since"), parse_day(until, "--until")
    sink = Sink()
    slugs = contest or [c.slug for c in _guard(lambda: scraper.contests(lo, hi))]
    with _progress() as progress:
        task = progress.add_task("atcoder contests", total=len(slugs))
        for slug in slugs:
            tasks = _guard(lambda: scraper.contest(slug))
            if isinstance(tasks, Rejected):
                sink.problem(tasks)
                continue
            sink.contest(tasks.contest)
            for item in _guard(lambda: scraper.problems(slug)):
                sink.problem(item)
            progress.advance(task)
    sink.report("atcoder", as_json)
