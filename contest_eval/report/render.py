"""Presentation of reports: Rich tables, JSON-ready dicts, one-file HTML.

Nothing here computes a statistic; it only formats what summary.py and
leaderboard.py produced, so the terminal, JSON and HTML can never disagree.
matplotlib is imported lazily (and only for HTML) so the CLI starts fast and
works without it.
"""

from __future__ import annotations

import base64
import html
import io
import math
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from rich.console import Console, Group as RichGroup
from rich.markup import escape
from rich.table import Table

from contest_eval.report.leaderboard import AuditNote, Flag, Leaderboard
from contest_eval.report.stats import Proportion
from contest_eval.report.summary import Group, RunSummary, boundary_instant


# -- formatting ---------------------------------------------------------------

def pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def fmt_prop(p: Proportion) -> str:
    """'123/128 96.1% [91.2, 98.3]': the count first, so N is never hidden."""
    if p.n == 0:
        return "0/0"
    return f"{p.fraction()} {pct(p.rate)} [{100 * p.low:.1f}, {100 * p.high:.1f}]"


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, enums, dates and dict keys made JSON-safe, recursively."""
    if isinstance(obj, Proportion):
        return {"successes": obj.successes, "n": obj.n, "rate": obj.rate, "low": obj.low, "high": obj.high}
    if is_dataclass(obj) and not isinstance(obj, type):
        return {k: to_jsonable(getattr(obj, k)) for k in asdict(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def summary_to_json(summary: RunSummary, info: Any | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"run": to_jsonable(info) if info is not None else None}
    out.update(to_jsonable(summary))
    out["planned_attempts"] = summary.total_rows  # problems × rollouts the run planned, missing ones included
    out["problem_mean_method"] = "mean of per-problem solve rates, 95% percentile bootstrap over problems"
    out["attempts_interval_method"] = "95% Wilson score interval over attempts (IE and pending excluded from N)"
    return out


def leaderboard_to_json(board: Leaderboard) -> dict[str, Any]:
    return {
        "by": board.by,
        "undated_attempts": board.undated_attempts,
        "notes": list(board.notes),
        "windows": [to_jsonable(w) for w in board.windows],
        "rows": [{"model": r.name, "protocol": r.protocol, "sanity": r.pseudo, "runs": list(r.runs),
                  "boundary": to_jsonable(r.boundary), "total_clean": to_jsonable(r.total),
                  "audits": [to_jsonable(a) for a in r.audits],
                  "cells": [dict(window=w.label, **to_jsonable(c)) for w, c in zip(board.windows, r.cells)]}
                 for r in board.rows],
    }


def audit_cell(audits: tuple[AuditNote, ...]) -> str:
    """Which audits exist for the row's model ('none' when never audited); the verdicts follow the table."""
    return ", ".join(a.kind for a in audits) if audits else "none"


def audit_lines(board: Leaderboard) -> list[str]:
    """One line per model and audit kind: its newest verdict, with when and which report (``audit show``)."""
    out: list[str] = []
    seen: set[str] = set()
    for r in board.rows:
        if r.name in seen:
            continue  # rows of one model under several protocols share its audits
        seen.add(r.name)
        out += [f"audit {a.kind} of {r.name} ({a.created_at[:10]}, report {a.report_id}): {a.verdict}" for a in r.audits]
    return out


def row_label(name: str, pseudo: bool) -> str:
    return f"{name} (sanity check, not ranked)" if pseudo else name


def _status_line(s: RunSummary) -> str | None:
    if s.status is None and not s.missing:
        return None
    text = s.status or "unknown"
    if s.missing:
        text += f"; {s.missing} of {s.total_rows} planned attempt(s) (problems × rollouts) never generated"
    return text


# -- Rich -----------------------------------------------------------------------

def _group_table(title: str, groups: list[Group]) -> Table:
    t = Table(title=title, title_justify="left")
    for col in ("", "accepted", "rate", "95% Wilson", "problems", "mean solve rate", "IE"):
        t.add_column(col, justify="left" if not col else "right")
    for g in groups:
        p = g.attempts
        t.add_row(g.label, p.fraction(), pct(p.rate), f"[{pct(p.low)}, {pct(p.high)}]", str(g.problems),
                  pct(g.mean_solve_rate), str(g.ie))
    return t


def summary_renderables(summary: RunSummary, title: str = "Run report", per_problem: bool = False) -> list[Any]:
    s = summary
    head = Table(title=title, title_justify="left", show_header=False)
    head.add_column(style="bold")
    head.add_column()
    status = _status_line(s)
    if status is not None:
        ok = s.status == "finished" and not s.missing
        head.add_row("run status", ("[green]" if ok else "[bold red]") + escape(status) + "[/]")
    head.add_row("attempts accepted", fmt_prop(s.attempts) + "  (95% Wilson)")
    pm = s.problem_mean
    head.add_row("problems: mean solve rate",
                 "—" if pm is None else f"{pct(pm.mean)} [{pct(pm.low)}, {pct(pm.high)}] over {pm.n} problems"
                 " (95% bootstrap over problems)")
    head.add_row("solved by every rollout", f"{s.solved_by_all}/{s.problems}")
    head.add_row("solved by any rollout", f"{s.solved_by_any}/{s.problems}")
    if s.pass_at:
        head.add_row("pass@k", "  ".join(f"@{k} {pct(v)}" for k, v in s.pass_at.items()))
    reasons = ", ".join(f"{k} {v}" for k, v in s.extraction_reasons.items())
    head.add_row("extraction failures", f"{s.extraction_failures}" + (f" ({reasons})" if reasons else ""))
    head.add_row("IE (excluded from N)", f"[red]{s.ie}[/]" if s.ie else "0")
    if s.pending:
        head.add_row("not judged yet", f"[yellow]{s.pending}[/]")
    head.add_row("headline", ("[green]" if s.headline_valid else "[bold red]") + escape(s.validity_note) + "[/]")
    if s.boundary is not None:
        seen = s.excluded_before_boundary
        head.add_row("boundary", f"{s.boundary.isoformat()}: {s.excluded_problems} seen problem(s) excluded"
                     + (f", their acceptance {fmt_prop(seen)}" if seen and seen.n else ""))
    for note in s.notes:
        head.add_row("note", note)
    out: list[Any] = [head, _group_table("By contest", s.by_contest), _group_table("By difficulty", s.by_difficulty),
                      _group_table("By language", s.by_language)]
    vt = Table(title="By verdict (all attempts)", title_justify="left")
    vt.add_column("verdict")
    vt.add_column("attempts", justify="right")
    vt.add_column("share", justify="right")
    total = sum(s.by_verdict.values())
    for v, n in s.by_verdict.items():
        vt.add_row(v, str(n), pct(n / total if total else None))
    out.append(vt)
    if per_problem:
        pt = Table(title="Per problem", title_justify="left")
        for col in ("contest", "problem", "difficulty", "solved", "rate", "IE"):
            pt.add_column(col)
        for p in s.per_problem:
            pt.add_row(p.contest or "", p.problem, p.difficulty or "", f"{p.solved}/{p.attempts}", pct(p.rate), str(p.ie))
        out.append(pt)
    return out


def leaderboard_table(board: Leaderboard, title: str = "Leaderboard") -> Table:
    caption = ("x/N accepted, 95% Wilson; #rank among clean models; flagged cells are listed, not ranked; "
               "a row pools only runs of one protocol")
    lines = [caption, *board.notes, *map(escape, audit_lines(board))]  # verdicts quote anything: never markup
    t = Table(title=title, title_justify="left", caption="\n".join(lines), caption_justify="left")
    t.add_column("model", style="bold")
    t.add_column("protocol")
    t.add_column("boundary")
    for w in board.windows:
        t.add_column(w.label, justify="right")
    t.add_column("clean total", justify="right")
    t.add_column("audits")
    for r in board.rows:
        cells = []
        for c in r.cells:
            text = fmt_prop(c.acceptance)
            if c.rank is not None:
                cells.append(f"{text}\n[bold]#{c.rank}[/]")
            else:
                cells.append(f"[dim]{text}\n{c.flag.value}[/]")
        t.add_row(escape(row_label(r.name, r.pseudo)), escape(r.protocol),
                  r.boundary.isoformat() if r.boundary else "?", *cells, fmt_prop(r.total), escape(audit_cell(r.audits)))
    return t


def print_summary(summary: RunSummary, console: Console | None = None, title: str = "Run report",
                  per_problem: bool = False) -> None:
    (console or Console()).print(RichGroup(*summary_renderables(summary, title, per_problem)))


def print_leaderboard(board: Leaderboard, console: Console | None = None, title: str = "Leaderboard") -> None:
    (console or Console()).print(leaderboard_table(board, title))


# -- HTML -----------------------------------------------------------------------

def plot_png(board: Leaderboard, title: str = "Acceptance per window") -> bytes:
    """PNG of acceptance per window with Wilson bars and each boundary as a vertical line.

    Windows are categorical (index i spans [i-0.5, i+0.5)) so months and weeks
    get equal width; a boundary is placed proportionally inside its window.
    Filled markers are clean cells, hollow ones are flagged.
    """
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    wins = board.windows
    fig, ax = plt.subplots(figsize=(max(6.0, 0.7 * len(wins) + 3), 4.0), dpi=100)
    try:
        colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
        for m, row in enumerate(board.rows):
            color = colors[m % len(colors)]
            off = (m - (len(board.rows) - 1) / 2) * 0.08  # keep overlapping bars apart
            for clean in (True, False):
                pts = [(i + off, c.acceptance) for i, c in enumerate(row.cells)
                       if c.acceptance.n and (c.flag is Flag.CLEAN) == clean]
                if not pts:
                    continue
                xs = [x for x, _ in pts]
                ys = [p.successes / p.n for _, p in pts]
                err = [[y - p.low for y, (_, p) in zip(ys, pts)], [p.high - y for y, (_, p) in zip(ys, pts)]]
                ax.errorbar(xs, ys, yerr=err, fmt="o", color=color, capsize=3,
                            mfc=color if clean else "white", label=row.name if clean else f"{row.name} (flagged)")
            if row.boundary is not None and wins:
                bx = _boundary_x(board, boundary_instant(row.boundary))
                ax.axvline(bx, color=color, linestyle="--", linewidth=1.2,
                           label=f"{row.name} boundary {row.boundary.isoformat()}")
        ax.set_xticks(range(len(wins)))
        ax.set_xticklabels([w.label for w in wins], rotation=45, ha="right", fontsize=8)
        ax.set_xlim(-0.6, max(len(wins) - 0.4, 0.6))
        ax.set_ylim(-0.02, 1.02)
        ax.set_ylabel("attempts accepted (95% Wilson)")
        ax.set_title(title)
        ax.grid(axis="y", alpha=0.3)
        if board.rows:
            ax.legend(fontsize=7, loc="best")
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)


def _boundary_x(board: Leaderboard, cut: datetime) -> float:
    wins = board.windows
    if cut <= wins[0].start:
        return -0.5
    for i, w in enumerate(wins):
        if w.start <= cut < w.end:
            return i - 0.5 + (cut - w.start) / (w.end - w.start)
    return len(wins) - 0.5


_CSS = """body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
.flag{color:#999}.bad{color:#b00;font-weight:bold}.ok{color:#070}caption{text-align:left;font-weight:bold}"""


def _html_table(caption: str, header: list[str], rows: list[list[str]], raw: bool = False) -> str:
    esc = (lambda s: s) if raw else html.escape
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><caption>{html.escape(caption)}</caption><tr>{head}</tr>{body}</table>"


def summary_html(s: RunSummary) -> str:
    pm = s.problem_mean
    lines = [["attempts accepted (95% Wilson)", fmt_prop(s.attempts)],
             ["problems: mean solve rate (95% bootstrap)",
              "—" if pm is None else f"{pct(pm.mean)} [{pct(pm.low)}, {pct(pm.high)}] over {pm.n} problems"],
             ["solved by every rollout", f"{s.solved_by_all}/{s.problems}"],
             ["solved by any rollout", f"{s.solved_by_any}/{s.problems}"],
             ["pass@k", "  ".join(f"@{k} {pct(v)}" for k, v in s.pass_at.items())],
             ["extraction failures", f"{s.extraction_failures} " + ", ".join(f"{k} {v}" for k, v in s.extraction_reasons.items())],
             ["IE (excluded from N)", str(s.ie)], ["not judged yet", str(s.pending)], ["headline", s.validity_note]]
    status = _status_line(s)
    if status is not None:
        lines.insert(0, ["run status", status])
    if s.boundary is not None:
        lines.append(["boundary", f"{s.boundary.isoformat()} ({s.excluded_problems} seen problems excluded)"])
    lines += [["note", n] for n in s.notes]
    parts = [_html_table("Run report", ["", ""], lines)]
    for cap, groups in (("By contest", s.by_contest), ("By difficulty", s.by_difficulty), ("By language", s.by_language)):
        parts.append(_html_table(cap, ["", "accepted", "rate", "95% Wilson", "problems", "mean solve rate", "IE"],
                                 [[g.label, g.attempts.fraction(), pct(g.attempts.rate),
                                   f"[{pct(g.attempts.low)}, {pct(g.attempts.high)}]", str(g.problems),
                                   pct(g.mean_solve_rate), str(g.ie)] for g in groups]))
    parts.append(_html_table("By verdict", ["verdict", "attempts"], [[v, str(n)] for v, n in s.by_verdict.items()]))
    parts.append(_html_table("Per problem", ["contest", "problem", "difficulty", "solved", "rate", "IE"],
                             [[p.contest or "", p.problem, p.difficulty or "", f"{p.solved}/{p.attempts}",
                               pct(p.rate), str(p.ie)] for p in s.per_problem]))
    return "\n".join(parts)


def leaderboard_html(board: Leaderboard) -> str:
    rows = []
    for r in board.rows:
        cells = []
        for c in r.cells:
            text = html.escape(fmt_prop(c.acceptance))
            cells.append(f"{text}<br><b>#{c.rank}</b>" if c.rank is not None
                         else f"<span class='flag'>{text}<br>{html.escape(c.flag.value)}</span>")
        rows.append([html.escape(row_label(r.name, r.pseudo)), html.escape(r.protocol),
                     html.escape(r.boundary.isoformat() if r.boundary else "?"), *cells, html.escape(fmt_prop(r.total)),
                     html.escape(audit_cell(r.audits))])
    header = ["model", "protocol", "boundary", *[w.label for w in board.windows], "clean total", "audits"]
    table = _html_table("Leaderboard (x/N accepted, 95% Wilson; flagged cells are not ranked; a row pools only runs "
                        "of one protocol)", header, rows, raw=True)
    return table + "".join(f"<p class='note'>{html.escape(n)}</p>" for n in [*board.notes, *audit_lines(board)])


def write_html(path: str | Path, *, title: str = "contest-eval report", summary: RunSummary | None = None,
               leaderboard: Leaderboard | None = None) -> Path:
    """One self-contained HTML file: tables plus the plot as an inline PNG."""
    body = [f"<h1>{html.escape(title)}</h1>"]
    if summary is not None:
        body.append(summary_html(summary))
    if leaderboard is not None:
        body.append(leaderboard_html(leaderboard))
        if leaderboard.windows:
            png = base64.b64encode(plot_png(leaderboard)).decode("ascii")
            body.append(f'<p><img alt="acceptance per window" src="data:image/png;base64,{png}"></p>')
    doc = (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
           f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n")
    out = Path(path)
    out.write_text(doc, encoding="utf-8")
    return out
