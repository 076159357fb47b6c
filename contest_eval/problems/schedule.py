"""LeetCode's contest schedule (doocs' ``contest.json``) → :class:`ContestRecord`.

The schedule is what dates a problem: a problem's release time is its contest's
start.  Each entry is checked on its own so one malformed entry becomes one
:class:`Rejected` (``where`` names the file and the entry's index) and the rest
still import.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Union

from .record import ContestRecord, Rejected

ContestParsed = Union[ContestRecord, Rejected]


def _int(value: Any) -> int | None:
    # bool is an int subclass; a ``true`` start time is a broken entry, not 1970-01-01T00:00:01.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _entry(raw: Any) -> ContestRecord:
    if not isinstance(raw, dict):
        raise ValueError(f"entry is a {type(raw).__name__}, not an object")
    slug = raw.get("contest_title_slug")
    if not isinstance(slug, str) or not slug.strip():
        raise ValueError("missing contest_title_slug")
    start = _int(raw.get("contest_start_time"))
    if start is None or start <= 0:
        raise ValueError(f"{slug}: missing or invalid contest_start_time")
    try:
        start_time = datetime.fromtimestamp(start, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"{slug}: contest_start_time {start} out of range") from None
    slugs = raw.get("question_slugs")
    if not isinstance(slugs, list) or not slugs or not all(isinstance(s, str) and s.strip() for s in slugs):
        raise ValueError(f"{slug}: question_slugs must be a non-empty list of slugs")
    duration = raw.get("contest_duration")
    duration_s = _int(duration)
    if duration is not None and (duration_s is None or duration_s <= 0):
        raise ValueError(f"{slug}: invalid contest_duration {duration!r}")
    title = raw.get("contest_title_en") or raw.get("contest_title") or ""
    return ContestRecord(
        platform="leetcode",
        slug=slug.strip(),
        title=title if isinstance(title, str) else "",
        start_time=start_time,
        duration_s=duration_s,
        problem_slugs=[s.strip() for s in slugs],
        source="contests.json",
    )


def parse_contests(data: Any, name: str = "contests.json") -> Iterator[ContestParsed]:
    """Entries of an already-loaded schedule, in file order."""
    if not isinstance(data, list):
        yield Rejected(where=name, reason=f"expected a JSON array of contests, got {type(data).__name__}")
        return
    for i, raw in enumerate(data):
        try:
            yield _entry(raw)
        except ValueError as exc:
            yield Rejected(where=f"{name}[{i}]", reason=str(exc))


def parse_contests_json(path: str | os.PathLike[str]) -> Iterator[ContestParsed]:
    """``contests.json`` → one record (or :class:`Rejected`) per entry."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield Rejected(where=p.name, reason=f"cannot read contests: {exc.__class__.__name__}: {str(exc)[:100]}")
        return
    yield from parse_contests(data, p.name)
