"""``contest-eval suite build|validate DIR``."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from contest_eval.cli.executor import EXECUTOR_OPTION, RAY_ADDRESS_OPTION, Executor, make_judge
from contest_eval.cli.output import console, emit_json, err_console, fail, print_error, state
from contest_eval.db.catalog import find_problem, latest_suite, upsert_contest, upsert_problem
from contest_eval.db.engine import session_scope
from contest_eval.db.models import Problem, Suite, SuiteTest
from contest_eval.db.specs import spec_for
from contest_eval.languages import LANGUAGES
from contest_eval.problems.record import ContestRecord, Example, ProblemRecord
from contest_eval.problems.statement import html_to_text
from contest_eval.suite.builder import TestCase, build_problem, validate_problem
from contest_eval.suite.recipe import ProblemRecipe, RecipeError, load_suite
from contest_eval.suite.store import ProblemKey, keep_references, stored_solutions

app = typer.Typer(help="Build and validate hidden-test suites from recipes.", no_args_is_help=True)


def _recipes(directory: Path, only: list[str]) -> tuple[dict[str, Any], list[ProblemRecipe]]:
    try:
        info, recipes = load_suite(directory)
    except RecipeError as exc:
        fail(str(exc))
    if only:
        missing = set(only) - {r.slug for r in recipes}
        if missing:
            fail(f"no recipe for {', '.join(sorted(missing))} in {directory}")
        recipes = [r for r in recipes if r.slug in only]
    return info, recipes


def _problem(session: Any, recipe: ProblemRecipe, platform: str) -> Problem:
    problem = find_problem(session, recipe.slug, platform)
    if problem is None and not recipe.title:
        fail(f"problem {recipe.slug} is not in the store; import it first (contest-eval import doocs …)")
    if recipe.title:
        # The recipe defines this problem itself: it is the source of truth.
        # Its statement is plain text, or the platform's HTML (LeetCode's, verbatim).
        is_html = re.match(r"<[a-zA-Z][^>]*>", recipe.statement) is not None
        record = ProblemRecord(platform=platform, slug=recipe.slug, title=recipe.title, source="suite",
                               contest_slug=recipe.contest, contest_index=recipe.index, difficulty=recipe.difficulty,
                               release_time=recipe.release_time,
                               statement_text=html_to_text(recipe.statement) if is_html else recipe.statement,
                               statement_html=recipe.statement, kind=recipe.kind, metadata=recipe.metadata,
                               examples=[Example(e["input"], e["output"]) for e in recipe.examples])
        upsert_problem(session, record)
        if recipe.contest and recipe.release_time:
            upsert_contest(session, ContestRecord(platform, recipe.contest, start_time=recipe.release_time, source="suite"))
        problem = find_problem(session, recipe.slug, platform)
    assert problem is not None
    problem.kind = recipe.kind
    if recipe.metadata:
        problem.meta = recipe.metadata
    session.flush()
    return problem


@app.command()
def build(
    directory: Path = typer.Argument(..., help="Suite recipe folder (with suite.toml)."),
    problem: list[str] = typer.Option([], "--problem", "-p", help="Only these problem slugs (repeatable)."),
    workers: int = typer.Option(2, "--workers", min=1, help="Judge this many references at once."),
    executor: Executor = EXECUTOR_OPTION,
    ray_address: str | None = RAY_ADDRESS_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Generate tests, judge every reference, keep the tests all references agree on, store the suite."""
    import tempfile

    info, recipes = _recipes(directory, problem)
    platform = str(info.get("platform", "leetcode"))
    judge = make_judge(executor, ray_address)
    started = time.monotonic()
    rows: list[dict[str, Any]] = []
    failed = False
    for recipe in recipes:
        t0 = time.monotonic()
        with session_scope(state["db"]) as session, tempfile.TemporaryDirectory(prefix="ce-refs-") as tmp:
            row = _problem(session, recipe, platform)
            cases = [TestCase(e["input"], "example", e["output"]) for e in (row.examples or [])]
            try:
                cases += [TestCase(i, "generated") for i in recipe.generate()]
            except (RecipeError, AssertionError, ValueError, TypeError) as exc:
                fail(f"{recipe.slug}: generator failed: {exc}")
            refs = recipe.references + stored_solutions(row, Path(tmp))
            keep_references(session, row, recipe)
            # Progress goes to stderr so --json output stays parseable.
            built = build_problem(judge, recipe, cases, refs, lambda line: err_console.print(line, markup=False, highlight=False), workers)
            status = "failed" if not built.ok else "unchanged"
            version = None
            if built.ok:
                existing = session.query(Suite).filter_by(problem_id=row.id, content_hash=built.content_hash).one_or_none()
                if existing is None:
                    last = latest_suite(session, row.id)
                    version = (last.version + 1) if last else 1
                    suite = Suite(problem_id=row.id, version=version, content_hash=built.content_hash, compare=recipe.compare,
                                  origin=f"suite:{directory.name}",
                                  info={"time_limit_ms": recipe.time_limit_ms, "memory_limit_mb": recipe.memory_limit_mb,
                                        "references": built.references, "seed": recipe.seed})
                    suite.tests = [SuiteTest(ordinal=i, input=a, output=b, origin=o) for i, (a, b, o) in enumerate(built.tests)]
                    session.add(suite)
                    row.time_limit_ms, row.memory_limit_mb = recipe.time_limit_ms, recipe.memory_limit_mb
                    status = "new"
                else:
                    version = existing.version
            failed |= not built.ok
            rows.append({"slug": recipe.slug, "status": status, "version": version, "tests": len(built.tests),
                         "references": built.references, "problems": built.problems, "seconds": round(time.monotonic() - t0, 1)})
    total = round(time.monotonic() - started, 1)
    if as_json:
        emit_json({"problems": rows, "seconds": total})
    else:
        table = Table("problem", "status", "version", "tests", "references", "seconds")
        for r in rows:
            refs = ", ".join(f"{k}:{v['verdict']}" for k, v in r["references"].items())
            table.add_row(r["slug"], r["status"], str(r["version"] or "-"), str(r["tests"]), refs, str(r["seconds"]))
        console.print(table)
        for r in rows:
            for p in r["problems"][:10]:
                console.print(f"  {r['slug']}: {p}", markup=False, highlight=False)
        console.print(f"built {len(rows)} problem(s) in {total} s")
    if failed:
        raise typer.Exit(1)


@app.command()
def validate(
    directory: Path = typer.Argument(..., help="Suite recipe folder (with suite.toml)."),
    problem: list[str] = typer.Option([], "--problem", "-p", help="Only these problem slugs (repeatable)."),
    min_strength: float = typer.Option(0.95, "--min-strength", help="Fail when fewer wrong solutions are rejected."),
    workers: int = typer.Option(2, "--workers", min=1),
    executor: Executor = EXECUTOR_OPTION,
    ray_address: str | None = RAY_ADDRESS_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Re-judge every reference on the stored suite (all must be AC) and measure strength on wrong solutions."""
    import tempfile

    info, recipes = _recipes(directory, problem)
    judge = make_judge(executor, ray_address)
    rows = []
    failed = False
    for recipe in recipes:
        with session_scope(state["db"]) as session, tempfile.TemporaryDirectory(prefix="ce-refs-") as tmp:
            row = find_problem(session, recipe.slug, str(info.get("platform", "leetcode")))
            if row is None:
                fail(f"problem {recipe.slug} is not in the store")
            suite = latest_suite(session, row.id)
            spec = spec_for(row, suite)
            refs = recipe.references + stored_solutions(row, Path(tmp))
            strength = validate_problem(judge, recipe, spec, refs, workers)
        refs_ok = all(v == "AC" for v in strength.references_ok.values())
        ok = refs_ok and strength.fraction >= min_strength
        failed |= not ok
        rows.append({"slug": recipe.slug, "tests": len(spec.tests), "references": strength.references_ok, "wrong": strength.wrong,
                     "strength": round(strength.fraction, 3), "ok": ok})
    if as_json:
        emit_json(rows)
    else:
        table = Table("problem", "tests", "references AC", "wrong rejected", "strength", "ok")
        for r in rows:
            refs = r["references"]
            table.add_row(r["slug"], str(r["tests"]), f"{sum(v == 'AC' for v in refs.values())}/{len(refs)}",
                          f"{sum(v != 'AC' for v in r['wrong'].values())}/{len(r['wrong'])}", f"{r['strength']:.0%}", "yes" if r["ok"] else "NO")
        console.print(table)
    if failed:
        raise typer.Exit(1)


def _submission_references(platform: str, base_url: str | None, limit: int) -> Any:
    """``suite draft --submissions N``: the contest's accepted submissions, as ``weekly`` reads them
    (skipped ones are named on stderr); None when not asked for."""
    if not limit:
        return None
    from contest_eval.run.weekly_refs import SubmissionReferences
    from contest_eval.scrape.source import PLATFORMS, ContestSource

    if platform not in PLATFORMS:
        fail(f"--submissions: unknown platform {platform!r} (choose from {', '.join(PLATFORMS)})")
    return SubmissionReferences({platform: ContestSource(platform, base_url)}, limit,
                                log=lambda line: err_console.print(line, markup=False, highlight=False))


# Exit code when every problem was drafted but some still wait (for references, a
# hand-written generator or a checker): a scheduler retries later.
EXIT_WAITING = 3


@app.command()
def draft(
    slugs: list[str] = typer.Argument(..., help="Problem slugs in the store."),
    out: Path = typer.Option(..., "--out", "-o", help="Suite recipe folder to write into (created; suite.toml added)."),
    doocs: Path | None = typer.Option(None, "--doocs", help="A doocs clone (or folder of per-problem folders) for references."),
    platform: str = typer.Option("leetcode", "--platform", help="Platform of the slugs."),
    language: list[str] = typer.Option([], "--language", "-l", help="Keep only references in these judge languages (repeatable)."),
    submissions: int = typer.Option(0, "--submissions", min=0, help="Also read up to N accepted contest submissions per problem (distinct authors; Codeforces shows their code) as references."),
    base_url: str | None = typer.Option(None, "--base-url", help="With --submissions: a mirror or local replay server instead of the platform's site."),
    as_json: bool = typer.Option(False, "--json", help="Print the drafts as JSON."),
) -> None:
    """Draft recipes from statements: constraints → generator, references from every source.

    A problem whose constraints are all understood and that has at least two independent references gets a `problem.toml` that `suite build` accepts; otherwise the folder holds `problem.toml.draft` (and a `gen.py` stub when a constraint was not understood) and the reason is printed.

    Exit 0 when all are ready, 3 when some wait, 2 when some cannot be drafted at all."""
    from contest_eval.suite.draft import DraftError, draft_recipe

    if doocs is not None and not doocs.is_dir():
        fail(f"--doocs {doocs}: not a directory")
    bad = sorted(set(language) - set(LANGUAGES))
    if bad:
        fail(f"unknown judge language(s): {', '.join(bad)} (known: {', '.join(LANGUAGES)})")
    rows = []
    with session_scope(state["db"]) as session:
        problems = []
        for slug in slugs:
            row = find_problem(session, slug, platform)
            if row is None:
                fail(f"problem {platform}/{slug} is not in the store")
            problems.append(row)
        errors = []
        fetch = _submission_references(platform, base_url, submissions)
        for row in problems:
            extra = fetch(ProblemKey.of(row))[0] if fetch else None
            try:
                result = draft_recipe(session, row, out, doocs, extra, languages=tuple(language) or None)
            except DraftError as exc:  # nothing was written for this problem; the others go on
                errors.append(str(exc))
                continue
            rows.append({"slug": row.slug, **result.as_dict()})
    if errors and not rows:
        fail(errors[0] if len(errors) == 1 else f"{len(errors)} problems cannot be drafted: " + " | ".join(errors))
    waiting = [r for r in rows if r["waiting"]]
    if as_json:
        emit_json(rows)
    else:
        table = Table("problem", "status", "tests", "references", "not understood")
        for r in rows:
            table.add_row(r["slug"], "waiting" if r["waiting"] else "ready", str(r["tests"]), str(len(r["references"])),
                          str(len(r["unparsed"])))
        console.print(table)
        for r in rows:
            for u in r["unparsed"]:
                console.print(f"  {r['slug']}: not understood: {u}", markup=False, highlight=False)
            if r["waiting"]:
                console.print(f"  {r['slug']}: waiting: {r['waiting']} ({r['draft_dir']})", markup=False, highlight=False)
    for e in errors:
        print_error(e)
    if errors:
        raise typer.Exit(2)
    if waiting:
        raise typer.Exit(EXIT_WAITING)
