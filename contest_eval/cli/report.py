"""``contest-eval report`` and ``leaderboard``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from contest_eval.cli.output import console, emit_json, err_console, fail, parse_day, state
from contest_eval.db.engine import session_scope


class WindowBy(str, Enum):
    month = "month"
    week = "week"

def report(
    run_id: int = typer.Argument(..., metavar="RUN", help="Run id."),
    include_seen: bool = typer.Option(False, "--include-seen", help="Count problems on or before the boundary in the headline."),
    per_problem: bool = typer.Option(False, "--per-problem", help="Also list every problem's solve rate."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
    html: Path | None = typer.Option(None, "--html", help="Also write a self-contained HTML report here."),
) -> None:
    """Acceptance of one run with Wilson intervals, per problem, contest, difficulty, language and verdict."""
    from contest_eval.report import queries, render, summary as summ, leaderboard as lb

    with session_scope(state["db"]) as s:
        try:
            info = queries.load_run_info(s, run_id)
        except LookupError as exc:
            fail(str(exc))
        rows = queries.load_run_rows(s, run_id)
    result = summ.summarize(rows, boundary=None if include_seen else info.boundary, status=info.status)
    if as_json:
        emit_json(render.summary_to_json(result, info))
    else:
        render.print_summary(result, console, title=f"run {run_id}: {info.model}", per_problem=per_problem)
    if html is not None:
        _, protocol = queries.protocol_of(info.language, info.rollouts, info.params)
        entry = lb.ModelEntry(info.model, info.boundary, rows, protocol, info.backend in queries.PSEUDO_BACKENDS, (run_id,))
        board = lb.build_leaderboard([entry], lb.make_windows([entry], "month"), "month")
        render.write_html(html, title=f"contest-eval run {run_id}: {info.model}", summary=result, leaderboard=board)
        err_console.print(f"wrote {html}")


def leaderboard(
    by: WindowBy = typer.Option(WindowBy.month, "--by", help="Window length."),
    model: list[str] = typer.Option([], "--model", help="Only this model (repeatable)."),
    lang: list[str] = typer.Option([], "--lang", help="Only runs in this language (repeatable)."),
    since: str | None = typer.Option(None, "--since", help="First window starts at this UTC date."),
    until: str | None = typer.Option(None, "--until", help="Last window ends before this UTC date."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
    html: Path | None = typer.Option(None, "--html", help="Also write an HTML leaderboard with a plot."),
    page: Path | None = typer.Option(None, "--page", help="Also write the interactive leaderboard page here: one "
                                     "self-contained HTML file with a release-date window slider and per-problem "
                                     "drill-down (--since/--until choose its first window)."),
) -> None:
    """Models × time windows over finished runs; one row per model and protocol.

    A window containing a model's boundary is flagged, not ranked; pseudo-models
    (reference solutions) are a sanity row, never ranked; unfinished runs are left out.
    The audits column shows which contamination audits a model has; the newest
    verdict of each kind follows the table.
    """
    from contest_eval.report import leaderboard as lb, queries, render

    since_day, until_day = parse_day(since, "--since"), parse_day(until, "--until")
    with session_scope(state["db"]) as s:
        data = queries.load_leaderboard(s, models=model or None, languages=lang or None)
    if not data.entries:
        fail("no finished runs match" + (f" ({'; '.join(data.notes)})" if data.notes else ""))
    entries = data.entries
    board = lb.build_leaderboard(entries, lb.make_windows(entries, by.value, since=since_day, until=until_day), by.value)
    board.notes[:0] = data.notes
    if as_json:
        emit_json(render.leaderboard_to_json(board))
    else:
        render.print_leaderboard(board, console)
    if html is not None:
        render.write_html(html, title="contest-eval leaderboard", leaderboard=board)
        err_console.print(f"wrote {html}")
    if page is not None:
        from contest_eval.report.page import write_leaderboard_page

        try:
            write_leaderboard_page(page, data, since=since_day.date() if since_day else None,
                                   until=until_day.date() if until_day else None)
        except OSError as exc:
            fail(f"cannot write {page}: {exc.strerror or exc}")
        err_console.print(f"wrote {page}")
