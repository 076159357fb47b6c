"""``contest-eval weekly``: the weekly live run in one command (a shell over ``contest_eval.run.weekly``)."""

from __future__ import annotations

from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from contest_eval.cli.executor import EXECUTOR_OPTION, RAY_ADDRESS_OPTION, Executor, make_judge
from contest_eval.cli.output import console, emit_json, err_console, fail, parse_day, state
from contest_eval.run.weekly import EXIT_WAITING, WeeklyResult
from contest_eval.run.weekly_lock import EXIT_LOCKED
from contest_eval.run.weekly_refs import DEFAULT_SUBMISSIONS
from contest_eval.scrape.source import PLATFORMS


class WeeklyPlatform(str, Enum):
    leetcode = "leetcode"  # weekly and biweekly contests
    codeforces = "codeforces"
    atcoder = "atcoder"


class _RichReporter:
    """Progress bars for the model runs and one line per step, on stderr (stdout stays --json)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, TaskID] = {}

    def line(self, text: str) -> None:
        self.progress.console.print(text, markup=False, highlight=False)

    def task(self, name: str, total: int) -> None:
        self.tasks[name] = self.progress.add_task(name, total=total)

    def advance(self, name: str, n: int) -> None:
        if name in self.tasks:
            self.progress.advance(self.tasks[name], n)


def _base_urls(values: list[str], platforms: list[str]) -> dict[str, str]:
    """``URL`` (every chosen platform) or ``PLATFORM=URL``."""
    out: dict[str, str] = {}
    for value in values:
        name, sep, url = value.partition("=")
        if sep and name in PLATFORMS:
            out[name] = url
        elif value.startswith(("http://", "https://")):
            out.update({p: value for p in platforms})
        else:
            fail(f"--base-url takes URL or PLATFORM=URL (platforms: {', '.join(PLATFORMS)}), got {value!r}")
    return out


def weekly(
    platform: list[WeeklyPlatform] = typer.Option([WeeklyPlatform.leetcode], "--platform",
                                                  help="Platforms to scrape (repeatable; default: LeetCode weekly and biweekly)."),
    recipes: list[Path] = typer.Option([], "--recipes", help="Suite recipe folder with <slug>/ problem.toml, gen.py and ref.* (repeatable)."),
    drafts: Path | None = typer.Option(None, "--drafts", show_default="drafts/ next to the --db file",
                                       help="Draft a recipe here (suite draft: generator from the statement; references from the store, --doocs and the contest's accepted submissions) for a new problem no --recipes folder covers."),
    no_drafts: bool = typer.Option(False, "--no-drafts", help="Draft nothing: a problem without a --recipes folder waits."),
    submissions: int = typer.Option(DEFAULT_SUBMISSIONS, "--submissions", min=0,
                                    help="Accepted submissions (distinct authors, judge languages) read per drafted Codeforces problem as references; 0 reads none."),
    doocs: Path | None = typer.Option(None, "--doocs", help="A local clone of doocs/leetcode: more references for drafted recipes."),
    page: Path | None = typer.Option(None, "--page", help="Write the leaderboard page (one self-contained HTML file) here."),
    since: str | None = typer.Option(None, "--since", help="Contests starting at or after this UTC date (default: where the last finished weekly run ended; the first covers 7 days)."),
    base_url: list[str] = typer.Option([], "--base-url", help="A mirror or local replay server: URL, or PLATFORM=URL (repeatable)."),
    archive: Path | None = typer.Option(None, "--archive", help="Archive every raw response here (URL, status, time, sha256, body)."),
    min_interval: float | None = typer.Option(None, "--min-interval", min=0.0, help="Seconds between calls to one host (default: the platform's polite rate)."),
    judge_workers: int = typer.Option(2, "--judge-workers", min=1),
    executor: Executor = EXECUTOR_OPTION,
    ray_address: str | None = RAY_ADDRESS_OPTION,
    dry_run: bool = typer.Option(False, "--dry-run", help="Print what would be scraped, built and run; store nothing."),
    as_json: bool = typer.Option(False, "--json", help="Print the outcome as JSON."),
) -> None:
    """Scrape new contests, build their suites, run every registered model with its stored settings, write the page.

    Idempotent and resumable: a second run does nothing new; a killed run is
    finished by the next. One job per store at a time: a job holds a lock next to
    the database file while it runs. Exit codes: 0 done (or nothing new); 3 some
    new problems still wait for references or a generator (listed with why; retry
    later, e.g. from cron); 4 another weekly job holds the store's lock (nothing
    done; retry later); 1 a step failed; 2 a usage error.
    """
    from contest_eval.run.weekly import WeeklyOptions
    from contest_eval.run.weekly_lock import WeeklyLocked, default_drafts, weekly_lock

    if no_drafts and drafts is not None:
        fail("--drafts and --no-drafts exclude each other")
    platforms = list(dict.fromkeys(p.value for p in platform))
    opts = WeeklyOptions(platforms=tuple(platforms), base_urls=_base_urls(base_url, platforms), recipes=tuple(recipes),
                         drafts=None if no_drafts else drafts or default_drafts(state["db"]), doocs=doocs,
                         submissions=submissions,
                         page=page, since=parse_day(since, "--since"), min_interval=min_interval, archive=archive,
                         judge_workers=judge_workers, dry_run=dry_run)
    missing = [str(r) for r in [*recipes, *([doocs] if doocs else [])] if not r.is_dir()]
    if missing:
        fail(f"no such folder: {', '.join(missing)}")
    try:
        # A dry run stores and writes nothing (no lock file either), so it needs no lock.
        with nullcontext() if dry_run else weekly_lock(state["db"]):
            result = _run(opts, executor, ray_address)
    except WeeklyLocked as exc:
        fail(str(exc), EXIT_LOCKED)
    if as_json:
        emit_json(result.to_json())
    else:
        _print(result)
    if result.exit_code:
        raise typer.Exit(result.exit_code)


def _run(opts: Any, executor: Executor, ray_address: str | None) -> WeeklyResult:
    from contest_eval.db.engine import open_store
    from contest_eval.run.weekly import WeeklyError, run_weekly

    _, factory = open_store(state["db"])
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=not err_console.is_terminal) as progress:
        try:
            return run_weekly(factory, opts, lambda: make_judge(executor, ray_address), _RichReporter(progress))
        except WeeklyError as exc:
            fail(f"{exc} (everything stored so far stays; re-run to resume)", 1)


def _print(r: WeeklyResult) -> None:
    say: Any = lambda text: console.print(text, markup=False, highlight=False)  # noqa: E731 - names and reasons are data
    head = {"nothing-new": "nothing new", "planned": "dry run, nothing stored"}.get(r.status, r.status)
    say(f"weekly{f' {r.weekly}' if r.weekly else ''}: contests since {r.since or 'the beginning'} until {r.until}: {head}")
    for c in r.contests:
        say(f"  contest {c}")
    for slug in r.new_problems:
        say(f"  new problem {slug}: suite {r.suites.get(slug, '?')}")
    for w in r.waiting:
        say(f"  waiting {w['problem']}: {w['why']}")
    for w in r.skipped:
        say(f"  skipped {w['problem']}: {w['why']}")
    for run in r.runs:
        score = f"{run['accepted']}/{run['n']} accepted" if "n" in run else run.get("why", "")
        where = f"run {run['run']} " if run.get("run") else ""
        say(f"  model {run['model']} ({run['language']}): {run.get('status')} {where}on {run['problems']} problem(s) {score}".rstrip())
    for m in r.models_skipped:
        say(f"  model {m['model']} not run: {m['why']}")
    for move in r.rank_moves:
        before = f"#{move['before']}" if move["before"] else "new"
        say(f"  rank {before} -> #{move['after']}: {move['row']} ({move['accepted']}/{move['n']})")
    for w in r.warnings:
        say(f"  warning {w}")
    if r.page:
        say(f"  page {r.page}")
    if r.status == "waiting":
        say(f"  {len(r.waiting)} problem(s) wait; exit {EXIT_WAITING}: run `contest-eval weekly` again once they have references")
