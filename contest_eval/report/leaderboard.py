"""Time-sliced leaderboard (pure, no I/O).

Rows are models, columns are windows over problem release times, cells are
attempt acceptance x/N with a Wilson interval.  The contamination rule follows
LiveCodeBench's leaderboard (a model is flagged, listed, and left unranked in a
window it may have seen) but splits the flag in two, because "the whole window
is before the boundary" and "the boundary falls inside the window" call for
different reading: the first is memorization territory, the second is mixed.

Boundary semantics match the run report: problems released on the boundary day
or before it are seen; a window is clean only if it starts at or after
midnight UTC of the day after the boundary.

A row is one model under one protocol (language, sampling, rollouts, prompt),
so a cell never pools attempts made under different protocols.  Pseudo-models
(the ``reference`` solutions) are a sanity row: listed, never ranked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from enum import Enum

from contest_eval.report.stats import Proportion, proportion
from contest_eval.report.summary import AttemptRow, boundary_instant, is_scored


class Flag(str, Enum):
    CLEAN = "clean"
    CONTAMINATED = "contaminated window"  # the boundary falls inside the window
    BEFORE = "before boundary"  # the whole window is on or before the boundary
    NO_BOUNDARY = "no boundary"  # the model has neither cutoff nor release date
    NO_DATA = "no data"  # clean, but no scored attempt in the window
    SANITY = "sanity check"  # a pseudo-model's row: a check of the pipeline, never ranked

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class AuditNote:
    """The newest stored audit of one kind for a model (``audit_reports``): shown, never used to rank."""

    kind: str  # time | memorization | continuation
    verdict: str
    created_at: str  # ISO 8601, UTC
    report_id: int


@dataclass(frozen=True)
class Window:
    label: str
    start: datetime  # inclusive, UTC
    end: datetime  # exclusive, UTC

    def contains(self, t: datetime) -> bool:
        return self.start <= t < self.end


@dataclass(frozen=True)
class ModelEntry:
    """One leaderboard row's input: a model, its boundary and its attempts.

    Every attempt of one entry was made under the same ``protocol`` (its label);
    ``pseudo`` marks a sanity pseudo-model that is listed but never ranked.
    """

    name: str
    boundary: date | None
    rows: Sequence[AttemptRow]
    protocol: str = ""
    pseudo: bool = False
    runs: tuple[int, ...] = ()
    audits: tuple[AuditNote, ...] = ()  # per model, not per protocol: an audit is of the model


@dataclass(frozen=True)
class Cell:
    acceptance: Proportion
    ie: int
    problems: int
    flag: Flag
    rank: int | None  # only clean cells with data are ranked

    @property
    def ranked(self) -> bool:
        return self.rank is not None


@dataclass(frozen=True)
class ModelRow:
    name: str
    boundary: date | None
    cells: list[Cell]  # aligned with Leaderboard.windows
    total: Proportion  # over clean windows only (every window for a sanity row)
    protocol: str = ""
    pseudo: bool = False
    runs: tuple[int, ...] = ()
    audits: tuple[AuditNote, ...] = ()


@dataclass(frozen=True)
class Leaderboard:
    windows: list[Window]
    rows: list[ModelRow]
    by: str
    undated_attempts: int  # attempts on problems without a release time: in no window
    notes: list[str] = field(default_factory=list)


def _utc(d: date | datetime) -> datetime:
    if isinstance(d, datetime):
        return d.replace(tzinfo=timezone.utc) if d.tzinfo is None else d.astimezone(timezone.utc)
    return datetime(d.year, d.month, d.day, tzinfo=timezone.utc)


def month_windows(since: date | datetime, until: date | datetime) -> list[Window]:
    """Calendar months (UTC) covering [since, until]."""
    s, u = _utc(since), _utc(until)
    cur = datetime(s.year, s.month, 1, tzinfo=timezone.utc)
    out = []
    while cur <= u:
        nxt = datetime(cur.year + (cur.month == 12), cur.month % 12 + 1, 1, tzinfo=timezone.utc)
        out.append(Window(f"{cur.year:04d}-{cur.month:02d}", cur, nxt))
        cur = nxt
    return out


def week_windows(since: date | datetime, until: date | datetime) -> list[Window]:
    """ISO weeks (Monday 00:00 UTC) covering [since, until]."""
    s, u = _utc(since), _utc(until)
    cur = datetime(s.year, s.month, s.day, tzinfo=timezone.utc) - timedelta(days=s.weekday())
    out = []
    while cur <= u:
        year, week, _ = cur.isocalendar()
        out.append(Window(f"{year:04d}-W{week:02d}", cur, cur + timedelta(days=7)))
        cur += timedelta(days=7)
    return out


def edge_windows(edges: Sequence[date | datetime]) -> list[Window]:
    """Custom windows between consecutive edges: [e0, e1), [e1, e2), …"""
    es = [_utc(e) for e in edges]
    if len(es) < 2 or any(a >= b for a, b in zip(es, es[1:])):
        raise ValueError("custom edges need at least two strictly increasing dates")
    return [Window(f"{a.date().isoformat()}..{(b - timedelta(microseconds=1)).date().isoformat()}", a, b)
            for a, b in zip(es, es[1:])]


def day_window(first: date, last: date) -> Window:
    """The window of problems released on the days ``first`` through ``last`` (UTC, both included).

    This is the window the leaderboard page's slider selects, so the page and
    ``build_leaderboard`` can be compared day for day.
    """
    if last < first:
        raise ValueError(f"window end {last} is before its start {first}")
    return Window(f"{first.isoformat()}..{last.isoformat()}", _utc(first), _utc(last) + timedelta(days=1))


def make_windows(entries: Sequence[ModelEntry], by: str = "month", *, since: date | datetime | None = None,
                 until: date | datetime | None = None,
                 edges: Sequence[date | datetime] | None = None) -> list[Window]:
    """Windows over the release times present in the data, unless bounded."""
    if by == "custom" or edges is not None:
        if not edges:
            raise ValueError("custom windows need edges")
        return edge_windows(edges)
    times = [r.release_time for e in entries for r in e.rows if r.release_time is not None]
    lo = _utc(since) if since is not None else (min(times) if times else None)
    hi = _utc(until) if until is not None else (max(times) if times else None)
    if lo is None or hi is None or lo > hi:
        return []
    if by == "month":
        return month_windows(lo, hi)
    if by == "week":
        return week_windows(lo, hi)
    raise ValueError(f"unknown window kind {by!r}: month, week or custom")


def classify(window: Window, boundary: date | None) -> Flag:
    if boundary is None:
        return Flag.NO_BOUNDARY
    cut = boundary_instant(boundary)
    if window.start >= cut:
        return Flag.CLEAN
    if window.end <= cut:
        return Flag.BEFORE
    return Flag.CONTAMINATED


def _rank(values: dict[int, float]) -> dict[int, int]:
    # Standard competition ranking (1, 1, 3): equal rates share a rank.
    ordered = sorted(values.values(), reverse=True)
    return {i: 1 + ordered.index(v) for i, v in values.items()}


def build_leaderboard(entries: Iterable[ModelEntry], windows: Sequence[Window], by: str = "month") -> Leaderboard:
    """Cells, flags and per-window ranks among the models clean in that window.

    Ranking is by the point estimate, like LiveCodeBench; the Wilson interval
    in each cell is there so a reader can see when neighbours overlap.  Sanity
    rows (pseudo-models) come last and are never ranked.
    """
    given = list(entries)
    ents = [e for e in given if not e.pseudo] + [e for e in given if e.pseudo]
    wins = list(windows)
    undated = 0
    raw: list[list[tuple[Proportion, int, int, Flag]]] = []
    for e in ents:
        undated += sum(r.release_time is None for r in e.rows)
        cells = []
        for w in wins:
            rs = [r for r in e.rows if r.release_time is not None and w.contains(r.release_time)]
            scored = [r for r in rs if is_scored(r.verdict)]
            p = proportion(sum(r.verdict == "AC" for r in scored), len(scored))
            flag = Flag.SANITY if e.pseudo else classify(w, e.boundary)
            if flag is Flag.CLEAN and p.n == 0:
                flag = Flag.NO_DATA
            cells.append((p, sum(r.verdict == "IE" for r in rs), len({r.key for r in rs}), flag))
        raw.append(cells)

    ranks: list[dict[int, int]] = []
    for j in range(len(wins)):
        eligible = {i: cells[j][0].successes / cells[j][0].n for i, cells in enumerate(raw)
                    if cells[j][3] is Flag.CLEAN}
        ranks.append(_rank(eligible))

    rows = []
    for i, (e, cells) in enumerate(zip(ents, raw)):
        clean = [c[0] for c in cells if c[3] in (Flag.CLEAN, Flag.SANITY)]
        total = proportion(sum(p.successes for p in clean), sum(p.n for p in clean))
        rows.append(ModelRow(name=e.name, boundary=e.boundary, total=total, protocol=e.protocol, pseudo=e.pseudo,
                             runs=tuple(e.runs), audits=tuple(e.audits),
                             cells=[Cell(p, ie, probs, flag, ranks[j].get(i)) for j, (p, ie, probs, flag) in enumerate(cells)]))
    notes = []
    protocols = {e.protocol for e in ents if not e.pseudo}
    if len(protocols) > 1:
        notes.append(f"ranked rows use {len(protocols)} different protocols (see each row's protocol); "
                     "filter with --lang or compare rows of one protocol")
    if any(e.pseudo for e in ents):
        notes.append("sanity rows replay trusted reference solutions: a check of the pipeline, not a model, never ranked")
    return Leaderboard(windows=wins, rows=rows, by=by, undated_attempts=undated, notes=notes)
