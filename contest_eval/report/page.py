"""The leaderboard page: one self-contained HTML file with a release-date window slider.

The page carries the attempts themselves (embedded JSON), not precomputed
cells, so a reader can slide the window and see every model's acceptance,
Wilson interval, contamination flag and rank recomputed in the browser.  The
browser code (``assets/leaderboard.js``) mirrors ``leaderboard.build_leaderboard``
for one window built by ``leaderboard.day_window``; ``tests/test_leaderboard_page.py``
checks the two agree in a real headless Chromium.

Rows follow the Python leaderboard's rules because they are its input:
``queries.load_leaderboard`` (finished runs only, one row per model and
protocol, pseudo-models as sanity rows, newest audit verdict per kind).

The page needs nothing at view time: no server, no network (a Content
Security Policy forbids any fetch), no external script or font.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from contest_eval.report.leaderboard import ModelEntry, build_leaderboard
from contest_eval.report.queries import LeaderboardData, load_leaderboard
from contest_eval.report.summary import boundary_instant

Z = 1.96  # the 95% interval of report/stats.wilson's default
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_SLOT = re.compile(r"__(TITLE|CSS|JS|DATA)__")


def _micros(t: datetime) -> int:
    """Exact integer microseconds since the epoch (a JS double holds them exactly until year 2255)."""
    t = t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t.astimezone(timezone.utc)
    d = t - _EPOCH
    return (d.days * 86400 + d.seconds) * 1_000_000 + d.microseconds


def _utc_day(t: datetime) -> str:
    t = t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t.astimezone(timezone.utc)
    return t.date().isoformat()


def _initial(days: list[str], since: date | None, until: date | None) -> list[int]:
    """Slider positions for the first view: [since, until) when given, else every day."""
    if not days:
        return [0, 0]
    lo = next((i for i, d in enumerate(days) if since is None or d >= since.isoformat()), len(days) - 1)
    hi = max((i for i, d in enumerate(days) if until is None or d < until.isoformat()), default=0)
    return [lo, hi] if lo <= hi else [0, len(days) - 1]


def page_data(entries: Sequence[ModelEntry], *, notes: Sequence[str] = (), since: date | None = None,
              until: date | None = None, generated_at: datetime | None = None) -> dict[str, Any]:
    """The JSON the page embeds (pure): problems once each, attempts per entry as [problem, rollout, verdict].

    ``days`` are the distinct UTC release days present, the slider's stops.
    """
    problems: list[dict[str, Any]] = []
    index: dict[tuple[str, str], int] = {}
    out_entries = []
    undated = 0
    for e in entries:
        attempts = []
        for r in e.rows:
            if r.key not in index:
                index[r.key] = len(problems)
                problems.append({"platform": r.platform, "slug": r.problem, "contest": r.contest,
                                 "difficulty": r.difficulty,
                                 "release": r.release_time.isoformat() if r.release_time else None,
                                 "t": _micros(r.release_time) if r.release_time else None,
                                 "day": _utc_day(r.release_time) if r.release_time else None})
            undated += r.release_time is None
            attempts.append([index[r.key], r.rollout, r.verdict])
        out_entries.append({
            "model": e.name, "protocol": e.protocol, "sanity": e.pseudo, "runs": list(e.runs),
            "boundary": e.boundary.isoformat() if e.boundary else None,
            "cut": _micros(boundary_instant(e.boundary)) if e.boundary else None,
            "audits": [{"kind": a.kind, "verdict": a.verdict, "created_at": a.created_at, "report_id": a.report_id}
                       for a in e.audits],
            "attempts": attempts,
        })
    days = sorted({p["day"] for p in problems if p["day"]})
    # The notes the Python leaderboard adds (mixed protocols, what a sanity row is) hold for every window.
    notes = [*notes, *build_leaderboard(entries, []).notes]
    stamp = (generated_at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return {"z": Z, "generated_at": stamp.strftime("%Y-%m-%d %H:%M UTC"), "days": days,
            "initial": _initial(days, since, until), "problems": problems, "entries": out_entries,
            "undated_attempts": undated, "notes": list(notes)}


def _asset(name: str) -> str:
    return resources.files("contest_eval.report").joinpath("assets", name).read_text(encoding="utf-8")


def render_page(data: dict[str, Any], title: str = "contest-eval leaderboard") -> str:
    """The HTML document for ``page_data``'s output: template, style, script and data inlined."""
    # In a <script> element only "</" can end it early; escaping <, > and & as
    # JSON \\u escapes makes any model name or note inert.
    payload = (json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
               .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
    parts = {"TITLE": html.escape(title), "CSS": _asset("leaderboard.css"), "JS": _asset("leaderboard.js"),
             "DATA": payload}
    # One pass, so text inserted for one slot is never scanned for another.
    return _SLOT.sub(lambda m: parts[m.group(1)], _asset("leaderboard.html"))


def write_leaderboard_page(path: str | Path, source: Session | LeaderboardData, *,
                           models: Sequence[str] | None = None, languages: Sequence[str] | None = None,
                           since: date | None = None, until: date | None = None,
                           title: str = "contest-eval leaderboard") -> Path:
    """Write the page to ``path`` and return it.

    ``source`` is an open Session (the finished runs are loaded with
    ``queries.load_leaderboard(session, models=…, languages=…)``) or an
    already loaded ``LeaderboardData`` (then ``models``/``languages`` are not
    applied again).  ``since``/``until`` only choose the first window shown
    ([since, until) in UTC days); the page always holds every dated attempt.
    Raises ValueError when there is nothing to show.
    """
    data = source if isinstance(source, LeaderboardData) else load_leaderboard(source, models=models,
                                                                                 languages=languages)
    if not data.entries:
        raise ValueError("no finished runs match" + (f" ({'; '.join(data.notes)})" if data.notes else ""))
    doc = render_page(page_data(data.entries, notes=data.notes, since=since, until=until), title)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(doc, encoding="utf-8")
    tmp.replace(out)  # a reader (or a web server) never sees half a page
    return out
