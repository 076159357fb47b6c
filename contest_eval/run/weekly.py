"""The weekly live run: new contests → suites → every model's first attempts → the page.

One ``weekly_runs`` row records each job: the window it covers, the contests
it scraped, the run batches it planned (model × language × problems) and the
leaderboard ranks before it started.  Every step is idempotent and looks at
the store before acting, so a second invocation does nothing and a killed one
is finished by the next:

* scraping upserts (a contest is added to the row's plan only once all of its
  problems are stored);
* a suite is built only for a problem that has none; a problem without a
  recipe is drafted (``drafts``), with a few of the contest's accepted
  submissions as references where the platform shows them (``weekly_refs.py``);
* batches are planned once and stored, so a resumed batch has the same
  problems, hence the same run fingerprint, and the pipeline resumes the run;
* the row is ``finished`` only when every new problem is judged or skipped,
  ``waiting`` while some problem still lacks references or a generator
  (the next invocation retries those), ``failed`` when a batch failed.

Nothing here prints: progress goes through a :class:`Reporter`, the result is
a :class:`WeeklyResult`, and the CLI shell (``cli/weekly.py``) renders it and
holds the store's lock (``weekly_lock.py``) for the whole job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session, sessionmaker

from contest_eval.db.catalog import latest_suite, upsert_contest, upsert_problem
from contest_eval.db.models import Contest, Model, Problem, Run, WeeklyRun, utcnow
from contest_eval.problems.record import ContestRecord, Rejected
from contest_eval.scrape.source import ContestSource, SourceError, guarded
from contest_eval.suite.store import SuiteOutcome, prepare_suite, recipe_folder
from contest_eval.run.weekly_board import leaderboard_ranks, rank_moves, write_page
from contest_eval.run.weekly_refs import DEFAULT_SUBMISSIONS, SubmissionReferences
from contest_eval.run.plan import Overrides, PlanError, Selection, make_backend, plan_run, record_engine, stored_settings

EXIT_WAITING = 3  # some new problems still wait for references or a generator: retry later
DEFAULT_LOOKBACK = timedelta(days=7)  # the first weekly run covers the last week


class WeeklyError(RuntimeError):
    """The job cannot go on (the network, the scraper, the store); one line."""


class Reporter(Protocol):
    def line(self, text: str) -> None: ...
    def task(self, name: str, total: int) -> None: ...
    def advance(self, name: str, n: int) -> None: ...


class QuietReporter:
    def line(self, text: str) -> None: pass
    def task(self, name: str, total: int) -> None: pass
    def advance(self, name: str, n: int) -> None: pass


@dataclass
class WeeklyOptions:
    platforms: tuple[str, ...] = ("leetcode",)
    base_urls: dict[str, str] = field(default_factory=dict)  # platform -> mirror or local replay server
    recipes: tuple[Path, ...] = ()  # suite recipe folders (suite.toml + <slug>/ with gen.py and references)
    drafts: Path | None = None  # where recipes are drafted for problems without one (None: no drafting)
    submissions: int = DEFAULT_SUBMISSIONS  # accepted contest submissions per drafted problem (Codeforces)
    doocs: Path | None = None  # a doocs/leetcode clone: more references for drafts
    page: Path | None = None
    since: datetime | None = None  # overrides "since the last finished weekly run"
    until: datetime | None = None  # default: now
    min_interval: float | None = None
    archive: Path | None = None
    judge_workers: int = 2
    dry_run: bool = False


@dataclass
class WeeklyResult:
    weekly: int | None
    status: str  # nothing-new | planned (dry run) | finished | waiting | failed
    since: str | None
    until: str
    contests: list[str] = field(default_factory=list)
    new_problems: list[str] = field(default_factory=list)
    suites: dict[str, str] = field(default_factory=dict)  # slug -> built / ready / skipped
    waiting: list[dict[str, str]] = field(default_factory=list)  # {problem, why}
    skipped: list[dict[str, str]] = field(default_factory=list)  # {problem, why}: never judgeable
    runs: list[dict[str, Any]] = field(default_factory=list)
    models_skipped: list[dict[str, str]] = field(default_factory=list)
    rank_moves: list[dict[str, Any]] = field(default_factory=list)
    page: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return {"failed": 1, "waiting": EXIT_WAITING}.get(self.status, 0)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "exit_code": self.exit_code}


def _source(platform: str, opts: WeeklyOptions) -> ContestSource:
    try:
        return ContestSource(platform, opts.base_urls.get(platform), opts.archive, opts.min_interval)
    except SourceError as exc:
        raise WeeklyError(str(exc)) from None


def _guard(what: str, fn: Callable[[], Any]) -> Any:
    try:
        return guarded(what, fn)
    except SourceError as exc:
        raise WeeklyError(str(exc)) from None


# -- the job -------------------------------------------------------------------------


def _iso(t: datetime | None) -> str | None:
    return t.isoformat() if t else None


def _open_row(session: Session) -> WeeklyRun | None:
    """The unfinished job to resume, if any."""
    return session.scalar(select(WeeklyRun).where(WeeklyRun.status != "finished").order_by(WeeklyRun.id.desc()))


def _window(session: Session, opts: WeeklyOptions, row: WeeklyRun | None) -> tuple[datetime | None, datetime]:
    until = opts.until or datetime.now(timezone.utc)
    if opts.since is not None:
        return opts.since, until
    if row is not None:
        return row.since, until
    last = session.scalar(select(WeeklyRun).where(WeeklyRun.status == "finished").order_by(WeeklyRun.until.desc()))
    return (last.until if last is not None else until - DEFAULT_LOOKBACK), until


def new_problems(session: Session, contests: list[list[str]]) -> list[Problem]:
    """The problems of the job's contests, in release and contest order."""
    if not contests:
        return []
    keys = [tuple(c) for c in contests]
    query = (select(Problem).join(Contest, Problem.contest_id == Contest.id)
             .where(tuple_(Contest.platform, Contest.slug).in_(keys))
             .order_by(Problem.release_time, Problem.contest_index, Problem.slug))
    return list(session.scalars(query))


def _models_to_run(session: Session, ready: list[tuple[str, datetime | None]],
                   result: WeeklyResult) -> list[tuple[str, str, list[str]]]:
    """(model, language, problems after its boundary) for every model with a stored backend."""
    out = []
    for model in session.scalars(select(Model).order_by(Model.name)):
        try:
            settings = stored_settings(model)
        except PlanError as exc:
            result.models_skipped.append({"model": model.name, "why": str(exc)})
            continue
        if not settings.backend:
            result.models_skipped.append({"model": model.name, "why": "no stored backend (contest-eval models add NAME --backend …)"})
            continue
        boundary = model.boundary_end()
        fresh = [slug for slug, released in ready if not (boundary and released and released <= boundary)]
        if ready and not fresh:
            result.models_skipped.append({"model": model.name, "why": f"boundary {boundary:%Y-%m-%d} is on or after every new problem"})
            continue
        for language in settings.languages or ["python3"]:
            out.append((model.name, language, fresh))
    return out


def run_weekly(factory: sessionmaker[Session], opts: WeeklyOptions, make_judge: Callable[[], Any],
               reporter: Reporter | None = None) -> WeeklyResult:
    """Do (or, with ``dry_run``, describe) what the weekly job still has to do."""
    rep = reporter or QuietReporter()
    sources = [_source(p, opts) for p in opts.platforms]
    with factory() as s:
        row = _open_row(s)
        since, until = _window(s, opts, row)
        done = {tuple(c) for c in ((row.plan or {}).get("contests", []) if row else [])}
        # Contests an earlier job took care of are never scraped again, whatever --since says.
        earlier = {tuple(c) for plan in s.scalars(select(WeeklyRun.plan)) for c in (plan or {}).get("contests", [])}
    result = WeeklyResult(row.id if row else None, "planned" if opts.dry_run else "finished", _iso(since), until.isoformat())
    listed: list[tuple[ContestSource, ContestRecord]] = []
    for src in sources:
        for rec in _guard(f"{src.platform} contest listing", lambda: src.listing(since, until)):
            if (src.platform, rec.slug) not in earlier:
                listed.append((src, rec))
    result.contests = sorted({f"{p}:{slug}" for p, slug in done} | {f"{src.platform}:{rec.slug}" for src, rec in listed})
    if opts.dry_run:
        return _describe(factory, listed, done, result, opts.recipes, opts.drafts)
    if row is None and not listed:
        result.status = "nothing-new"
        return result
    with factory() as s, s.begin():
        if row is None:
            row = WeeklyRun(since=since, until=until, status="running",
                            plan={"contests": [], "batches": [], "ranks_before": leaderboard_ranks(s)})
            s.add(row)
        else:
            row = s.get(WeeklyRun, row.id)
            assert row is not None
            row.until, row.status = until, "running"
        s.flush()
        result.weekly = row.id
    for src, rec in listed:
        _scrape_contest(factory, src, rec, result, rep)
    refs = SubmissionReferences({src.platform: src for src in sources}, opts.submissions, log=rep.line)
    return _finish_job(factory, result, opts, make_judge, rep, refs)


def _scrape_contest(factory: sessionmaker[Session], src: ContestSource, rec: ContestRecord, result: WeeklyResult,
                    rep: Reporter) -> None:
    contest, items = _guard(f"{src.platform} contest {rec.slug}", lambda: src.fetch(rec.slug))
    with factory() as s, s.begin():
        upsert_contest(s, contest)
    for item in items:
        if isinstance(item, Rejected):
            result.warnings.append(f"{item.where}: {item.reason}")
            continue
        with factory() as s, s.begin():  # each problem in its own transaction, like `scrape`
            upsert_problem(s, item)
    with factory() as s, s.begin():
        row = s.get(WeeklyRun, result.weekly)
        assert row is not None
        plan = dict(row.plan or {})
        plan["contests"] = [*plan.get("contests", []), [src.platform, contest.slug]]
        row.plan = plan  # a new dict: JSON columns change on reassignment
    rep.line(f"scraped {src.platform} {contest.slug}: {len(items)} problem(s)")


def _finish_job(factory: sessionmaker[Session], result: WeeklyResult, opts: WeeklyOptions,
                make_judge: Callable[[], Any], rep: Reporter, refs: SubmissionReferences) -> WeeklyResult:
    judge: Any = None

    def get_judge() -> Any:
        nonlocal judge
        judge = judge or make_judge()
        return judge

    with factory() as s:
        row = s.get(WeeklyRun, result.weekly)
        assert row is not None
        plan = dict(row.plan or {})
        problems = new_problems(s, plan.get("contests", []))
        result.new_problems = [p.slug for p in problems]
        ids = [(p.id, p.slug) for p in problems]
    ready: list[str] = []
    for pid, slug in ids:
        outcome: SuiteOutcome = prepare_suite(factory, pid, opts.recipes, opts.drafts, opts.doocs,
                                               get_judge, rep.line, opts.judge_workers, refs)
        result.suites[slug] = outcome.status
        if outcome.status in ("built", "ready"):
            ready.append(slug)
        elif outcome.status == "skipped":
            result.skipped.append({"problem": slug, "why": outcome.why})
        else:
            result.waiting.append({"problem": slug, "why": outcome.why})
    with factory() as s, s.begin():
        row = s.get(WeeklyRun, result.weekly)
        assert row is not None
        plan = dict(row.plan or {})
        batches = list(plan.get("batches", []))
        ready_rows = [(p.slug, p.release_time) for p in new_problems(s, plan.get("contests", [])) if p.slug in set(ready)]
        for model, language, fresh in _models_to_run(s, ready_rows, result):
            # Planned once: a resumed batch keeps its problems, so its run resumes.
            planned = {slug for b in batches if b["model"] == model and b["language"] == language for slug in b["problems"]}
            todo = [slug for slug in fresh if slug not in planned]
            if todo:
                batches.append({"model": model, "language": language, "problems": todo})
        plan["batches"] = batches
        row.plan = plan
    for batch in batches:
        result.runs.append(_run_batch(factory, batch, get_judge, opts.judge_workers, rep))
    return _close(factory, result, opts, plan.get("ranks_before", {}))


def _run_batch(factory: sessionmaker[Session], batch: dict[str, Any], get_judge: Callable[[], Any], workers: int,
               rep: Reporter) -> dict[str, Any]:
    from contest_eval.generate.backend import GenerationError
    from contest_eval.run.pipeline import Pipeline, open_run

    out: dict[str, Any] = {"model": batch["model"], "language": batch["language"], "problems": len(batch["problems"])}
    try:
        with factory() as s:
            planned = plan_run(s, batch["model"], Overrides(language=batch["language"]),
                               Selection(slugs=tuple(batch["problems"])), {"weekly": True})
            run = open_run(s, planned.plan)
            s.commit()
            out["run"], status = run.id, run.status
        if status != "finished":
            gen = make_backend(planned)
            record_engine(factory, out["run"], gen)
            total = len(planned.plan.problems) * planned.plan.rollouts
            name = f"{batch['model']} ({batch['language']})"
            rep.task(name, total)
            judge = get_judge()
            pipe = Pipeline(factory, judge, gen, planned.plan, out["run"], lambda what, n: rep.advance(name, n) if what == "judged" else None,
                            max(workers, int(getattr(judge, "slots", 0))))
            rep.advance(name, total - len(pipe.missing_requests()) - len(pipe.unjudged()))
            try:
                pipe.execute()
            finally:
                close = getattr(gen, "close", None)
                if callable(close):
                    close()
    except (PlanError, GenerationError) as exc:
        out.update(status="failed", why=str(exc))
        rep.line(f"{batch['model']} ({batch['language']}): {exc}")
        return out
    with factory() as s:
        run_row = s.get(Run, out["run"])
        assert run_row is not None
        from contest_eval.report import queries, summary

        rows = queries.load_run_rows(s, run_row.id)
        stats = summary.summarize(rows, status=run_row.status)
        out.update(status=run_row.status, accepted=stats.attempts.successes, n=stats.attempts.n, ie=stats.ie)
    return out


def _close(factory: sessionmaker[Session], result: WeeklyResult, opts: WeeklyOptions,
           ranks_before: dict[str, dict[str, Any]]) -> WeeklyResult:
    with factory() as s:
        result.rank_moves = rank_moves(ranks_before, leaderboard_ranks(s))
        if opts.page is not None:
            result.page = str(write_page(s, opts.page))
    failed = any(r.get("status") not in ("finished",) for r in result.runs)
    result.status = "failed" if failed else "waiting" if result.waiting else "finished"
    with factory() as s, s.begin():
        row = s.get(WeeklyRun, result.weekly)
        assert row is not None
        row.status = result.status
        row.finished_at = utcnow() if result.status == "finished" else None
        row.summary = result.to_json()
    return result


def _describe(factory: sessionmaker[Session], listed: list[tuple[ContestSource, ContestRecord]], done: set[tuple[str, ...]],
              result: WeeklyResult, recipes: tuple[Path, ...], drafts: Path | None) -> WeeklyResult:
    """The dry run: what would be scraped, built and run; nothing is stored."""
    found: list[tuple[str, datetime | None]] = []
    for src, rec in listed:
        # LeetCode's listing has no questions: its contest info (one read) does.
        contest = _guard(f"contest {rec.slug}", lambda: src.scraper.contest(rec.slug)) if src.platform == "leetcode" else rec
        found += [(slug, contest.start_time) for slug in contest.problem_slugs]
    with factory() as s:
        known = new_problems(s, [list(c) for c in done])
        found = [(p.slug, p.release_time) for p in known] + [f for f in found if f[0] not in {p.slug for p in known}]
        result.new_problems = [slug for slug, _ in found]
        for slug, _ in found:
            problem = s.scalar(select(Problem).where(Problem.slug == slug))
            if problem is not None and latest_suite(s, problem.id) is not None:
                result.suites[slug] = "ready"
            else:
                result.suites[slug] = ("would build" if recipe_folder(slug, recipes) else
                                       "would draft" if drafts else "would wait (no recipe)")
        for model, language, fresh in _models_to_run(s, found, result):
            result.runs.append({"model": model, "language": language, "problems": len(fresh), "status": "would run"})
    return result
