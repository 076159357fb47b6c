"""``contest-eval import``, ``problems``, ``db``: filling and reading the store."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from contest_eval.cli.output import console, emit_json, fail, parse_day, state
from contest_eval.db.catalog import Counts, find_problem, latest_suite, list_problems, upsert_contest, upsert_problem
from contest_eval.db.engine import StoreError, current_revision, make_engine, open_store, resolve_url, session_scope, upgrade
from contest_eval.problems.record import ContestRecord, ProblemRecord, Rejected

problems_app = typer.Typer(help="List and show stored problems.", no_args_is_help=True)
db_app = typer.Typer(help="Manage the SQLite (or any SQLAlchemy URL) store.", no_args_is_help=True)

# FORMAT -> (module, parser function); loaded lazily so one importer's
# dependencies never slow down or break the others.
IMPORTERS: dict[str, tuple[str, str]] = {
    "doocs": ("contest_eval.problems.doocs", "parse_tree"),
    "contests": ("contest_eval.problems.schedule", "parse_contests_json"),
    "deepseek": ("contest_eval.problems.deepseek", "parse_deepseek"),
    "leetcodedataset": ("contest_eval.problems.leetcodedataset", "parse_leetcodedataset"),
    "lcb": ("contest_eval.problems.lcb", "parse_lcb"),
}
# An enum so a bad FORMAT is a usage error (exit 2) before the store is opened.
ImportFormat = StrEnum("ImportFormat", {name: name for name in IMPORTERS})


def _parser(fmt: str) -> Callable[[Path], Iterator[Any]]:
    if fmt not in IMPORTERS:
        fail(f"unknown format {fmt!r} (choose from {', '.join(IMPORTERS)})")
    module, name = IMPORTERS[fmt]
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def import_command(
    fmt: ImportFormat = typer.Argument(..., metavar="FORMAT", help=f"One of: {', '.join(IMPORTERS)}."),
    path: Path = typer.Argument(..., help="File or directory to import."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Import problems (or a contest schedule) into the store; idempotent.

    Each problem is stored in its own transaction: a malformed item is skipped
    with its reason and never leaves half a problem behind.  Imported tests
    become the problem's suite (origin "imported"), so judge submit --problem
    and run can use them; tests whose expected output is not an answer are
    flagged and excluded, problems with several valid answers are not judged.
    """
    parse = _parser(fmt)
    if not path.exists():
        fail(f"{path} does not exist")
    from contest_eval.suite.imported import ImportedSuites, store_imported_suite

    counts = Counts()
    suites = ImportedSuites()
    rejected: list[Rejected] = []
    open_store(state["db"])
    with console.status(f"importing {fmt} from {path}"):
        for item in parse(path):
            if isinstance(item, Rejected):
                rejected.append(item)
                counts.add("skipped")
                continue
            try:
                # The problem and its imported suite commit together or not at all.
                with session_scope(state["db"]) as session:
                    if isinstance(item, ContestRecord):
                        counts.add(upsert_contest(session, item))
                    elif isinstance(item, ProblemRecord):
                        outcome = upsert_problem(session, item)
                        session.flush()
                        store_imported_suite(session, item, suites)
                        counts.add(outcome)
            except Exception as exc:  # one bad record must not abort the import
                rejected.append(Rejected(getattr(item, "slug", "?"), f"not stored: {type(exc).__name__}: {exc}"))
                counts.add("skipped")
    summary = {"format": fmt, "path": str(path), **counts.as_dict(),
               "rejected": [{"where": r.where, "reason": r.reason} for r in rejected], **suites.as_dict()}
    if as_json:
        emit_json(summary)
    else:
        console.print(f"{fmt}: {counts.new} new, {counts.updated} updated, {counts.unchanged} unchanged, {counts.skipped} skipped")
        if set(suites.suites) - {"no_tests"}:
            made = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(suites.suites.items()))
            console.print(f"imported suites: {made}; {suites.tests_stored} tests stored, "
                          f"{sum(suites.flagged.values())} flagged and excluded"
                          + (" (" + ", ".join(f"{k} {n}" for k, n in suites.flagged.items()) + ")" if suites.flagged else ""),
                          markup=False, highlight=False)
        for nj in suites.not_judged[:20]:
            console.print(f"  not judged {nj['slug']}: {nj['reason']}", markup=False, highlight=False)
        for r in rejected[:50]:
            console.print(f"  skipped {r.where}: {r.reason}", markup=False, highlight=False)
        if len(rejected) > 50:
            console.print(f"  … and {len(rejected) - 50} more (use --json)")
    if counts.skipped and not (counts.new or counts.updated or counts.unchanged):
        raise typer.Exit(1)


def _row(p: Any) -> dict[str, Any]:
    return {"slug": p.slug, "platform": p.platform, "title": p.title, "contest": p.contest.slug if p.contest else None,
            "index": p.contest_index, "release_time": p.release_time.isoformat() if p.release_time else None,
            "difficulty": p.difficulty, "rating": p.rating, "kind": p.kind, "has_metadata": bool(p.meta)}


@problems_app.command("list")
def problems_list(
    platform: str | None = typer.Option(None, "--platform", help="leetcode, codeforces or atcoder."),
    since: str | None = typer.Option(None, "--since", help="Released at or after this UTC date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Released before this UTC date (exclusive)."),
    contest: list[str] = typer.Option([], "--contest", help="Contest slug (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """List stored problems with their release times."""
    with session_scope(state["db"]) as session:
        rows = []
        for p in list_problems(session, platform, parse_day(since, "--since"), parse_day(until, "--until"), contest):
            row = _row(p)
            suite = latest_suite(session, p.id)
            row["suite"] = {"version": suite.version, "tests": len(suite.tests)} if suite else None
            rows.append(row)
    if as_json:
        emit_json(rows)
        return
    table = Table("slug", "contest", "Q", "released (UTC)", "difficulty", "rating", "kind", "suite")
    for r in rows:
        suite = f"v{r['suite']['version']} · {r['suite']['tests']} tests" if r["suite"] else "-"
        table.add_row(r["slug"], r["contest"] or "-", r["index"] or "-", (r["release_time"] or "-")[:16], r["difficulty"] or "-",
                      "" if r["rating"] is None else f"{r['rating']:.0f}", r["kind"], suite)
    console.print(table)
    console.print(f"{len(rows)} problem(s)")


@problems_app.command("show")
def problems_show(slug: str = typer.Argument(..., help="Problem slug."),
                  as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Show one problem: statement, signature, examples, references, suites."""
    with session_scope(state["db"]) as session:
        p = find_problem(session, slug)
        if p is None:
            fail(f"no problem {slug!r} in {resolve_url(state['db'])}")
        data = _row(p)
        suite = latest_suite(session, p.id)
        data.update(metadata=p.meta, examples=p.examples or [], statement=p.statement_text,
                    references=[{"language": r.language, "origin": r.origin, "name": r.name} for r in p.references],
                    suite={"version": suite.version, "tests": len(suite.tests), "hash": suite.content_hash,
                           "compare": suite.compare, "origin": suite.origin,
                           "excluded": (suite.info or {}).get("excluded", [])} if suite else None)
    if as_json:
        emit_json(data)
        return
    console.rule(f"{data['title'] or slug}  ({data['contest']} {data['index']}, released {data['release_time']})")
    console.print(data["statement"][:4000], markup=False, highlight=False)
    console.print("[bold]metaData:[/] " + json.dumps(data["metadata"]), highlight=False)
    for i, e in enumerate(data["examples"], 1):
        console.print(f"[bold]example {i}:[/] {e['input']!r} -> {e['output']}", highlight=False)
    console.print("[bold]references:[/] " + (", ".join(f"{r['language']}/{r['origin']}" for r in data["references"]) or "none"))
    console.print("[bold]suite:[/] " + (f"v{data['suite']['version']} ({data['suite']['origin'] or 'built'}), {data['suite']['tests']} tests, "
                                         f"{data['suite']['compare']}, {len(data['suite']['excluded'])} flagged tests excluded"
                                         if data["suite"] else "none"), markup=True, highlight=False)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Migrate the database to the newest schema (nothing stored is lost)."""
    url = resolve_url(state["db"])
    engine = make_engine(url)
    try:
        before = current_revision(engine)
        after = upgrade(engine)
    except StoreError as exc:
        fail(str(exc))
    console.print(f"{engine.url.render_as_string(hide_password=True)}: schema {before or 'empty'} -> {after}", soft_wrap=True)


@db_app.command("copy")
def db_copy(
    source: str = typer.Argument(..., help="Store to read: a SQLite path or a SQLAlchemy URL (postgresql+psycopg://...)."),
    target: str = typer.Argument(..., help="New, empty store to write (created and migrated if needed)."),
    as_json: bool = typer.Option(False, "--json", help="Print the rows copied per table as JSON."),
) -> None:
    """Copy a whole store to another database, e.g. from the SQLite file to PostgreSQL.

    Ids are kept; the source is only read and must be at the newest schema;
    the target must be empty; one transaction, so a failed copy writes nothing.
    """
    from rich.progress import Progress

    from contest_eval.db.copy import copy_store

    with Progress(console=console, transient=True, disable=as_json) as bar:
        task = bar.add_task("copying", total=None)

        def step(table: str, n: int) -> None:
            bar.update(task, advance=n, description=f"copying {table}")

        try:
            copied = copy_store(source, target, step)
        except StoreError as exc:
            fail(str(exc))
    if as_json:
        emit_json({"tables": copied, "rows": sum(copied.values())})
        return
    console.print(f"copied {sum(copied.values())} rows: " + ", ".join(f"{t} {n}" for t, n in copied.items() if n))
