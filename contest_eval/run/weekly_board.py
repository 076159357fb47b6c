"""The leaderboard side of the weekly job: ranks before and after, and the page it writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session


def leaderboard_ranks(session: Session) -> dict[str, dict[str, Any]]:
    """Rank of every ranked leaderboard row (model and protocol) by clean acceptance."""
    from contest_eval.report import leaderboard as lb, queries

    data = queries.load_leaderboard(session)
    if not data.entries:
        return {}
    board = lb.build_leaderboard(data.entries, lb.make_windows(data.entries, "month"), "month")
    rows = [r for r in board.rows if not r.pseudo and r.total.n]
    rows.sort(key=lambda r: (-(r.total.rate or 0.0), r.name))
    return {f"{r.name} [{r.protocol}]": {"rank": i + 1, "accepted": r.total.successes, "n": r.total.n}
            for i, r in enumerate(rows)}


def rank_moves(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"row": key, "before": (before.get(key) or {}).get("rank"), "after": now["rank"],
             "accepted": now["accepted"], "n": now["n"]} for key, now in sorted(after.items(), key=lambda kv: kv[1]["rank"])]


def write_page(session: Session, path: Path) -> Path:
    """The leaderboard page (report/page.py's slider page; the plain HTML leaderboard without it)."""
    try:
        from contest_eval.report.page import write_leaderboard_page
    except ImportError:
        write_leaderboard_page = None
    if write_leaderboard_page is not None:
        try:
            return write_leaderboard_page(path, session)
        except ValueError:
            pass  # nothing finished yet: the plain page says so
    from contest_eval.report import leaderboard as lb, queries, render

    data = queries.load_leaderboard(session)
    board = lb.build_leaderboard(data.entries, lb.make_windows(data.entries, "month"), "month") if data.entries else None
    return render.write_html(path, title="contest-eval leaderboard", leaderboard=board)
