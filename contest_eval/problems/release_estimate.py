"""Release dates estimated from LeetCode problem numbers against the contest schedule.

LeetCode numbers its problems (``frontend_id``) in the order it publishes
them, and every contest problem has a known release: its contest's start.
A problem without a date (e.g. the 1,890 LeetCodeDataset v0.2.0 problems)
therefore lies between the two contest problems whose numbers bracket its
own: its date is interpolated linearly in the number between theirs, and
those two dates are its uncertainty (``low``/``high``).  Numbers are not
strictly monotone in time (a contest's four problems are numbered when they
are written, not in contest order), so ``low``/``high`` are the earlier and
the later of the two anchor dates, whatever their order.

Anchors come from the store (problems with a real release date and a number)
and from a table shipped with the package, ``leetcode_anchors.csv``, derived
from two public files (see :func:`build_anchor_table` and the table's header):
zerotrac/leetcode_problem_rating ``ratings.txt`` (number → contest) and doocs'
``solution/contest.json`` (contest → start time).  The table starts at Weekly
Contest 83 (2018-05-06); a number below the first anchor gets only an upper
bound (``low`` is null) and a number beyond the last only a lower bound.

Everything here is pure: the store I/O is in ``contest_eval.cli.audit``.
"""

from __future__ import annotations

import bisect
import csv
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from typing import Any, Iterable

METHOD = "problem-number"
TABLE = "leetcode_anchors.csv"
TABLE_PROVENANCE = (
    "# Derived by contest_eval.problems.release_estimate.build_anchor_table from\n"
    "# zerotrac/leetcode_problem_rating @ e59f5caaeb755afcc68ead0fbbbb8a9d652c4b46 : ratings.txt (problem number -> contest)\n"
    "# and doocs/leetcode @ b6ee4f59f28bcf325b7ec535d0a0e12b409e70f4 : solution/contest.json (contest -> start, UTC).\n"
    "# One line per dated contest: slug, start (unix seconds, UTC), its problem numbers separated by spaces.\n"
)


@dataclass(frozen=True)
class Anchor:
    number: int
    release: datetime
    basis: str  # where the date comes from: a contest slug or a store problem


@dataclass(frozen=True)
class Estimate:
    release: datetime
    low: datetime | None
    high: datetime | None
    basis: str

    def to_json(self) -> dict[str, Any]:
        """The ``problems.release_estimate`` value; ``estimate`` lets a later real date be told apart."""
        return {"method": METHOD, "estimate": _iso(self.release), "low": _iso(self.low), "high": _iso(self.high),
                "basis": self.basis}


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(timezone.utc).isoformat()


def problem_number(frontend_id: str | None) -> int | None:
    """The number of a LeetCode problem, or None for ids that are not plain numbers (LCP 1, 剑指 Offer …)."""
    if frontend_id is None:
        return None
    text = frontend_id.strip()
    return int(text) if text.isdigit() else None


def build_anchor_table(contests: list[dict[str, Any]], ratings_tsv: str) -> str:
    """The shipped table's text from doocs' contest.json (loaded) and zerotrac's ratings.txt (text)."""
    starts = {c["contest_title_slug"]: int(c["contest_start_time"]) for c in contests
              if isinstance(c, dict) and c.get("contest_title_slug") and isinstance(c.get("contest_start_time"), int)}
    reader = csv.reader(io.StringIO(ratings_tsv), delimiter="\t")
    header = next(reader)
    id_col, contest_col = header.index("ID"), header.index("Contest Slug")
    numbers: dict[str, list[int]] = {}
    for row in reader:
        if len(row) > max(id_col, contest_col) and row[contest_col] in starts and row[id_col].isdigit():
            numbers.setdefault(row[contest_col], []).append(int(row[id_col]))
    lines = [TABLE_PROVENANCE]
    for slug in sorted(numbers, key=lambda s: (starts[s], s)):
        lines.append(f"{slug},{starts[slug]},{' '.join(map(str, sorted(numbers[slug])))}\n")
    return "".join(lines)


def parse_anchor_table(text: str) -> list[Anchor]:
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        slug, start, ids = line.split(",")
        when = datetime.fromtimestamp(int(start), tz=timezone.utc)
        out.extend(Anchor(int(n), when, slug) for n in ids.split())
    return out


def shipped_anchors() -> list[Anchor]:
    """The anchors in the table shipped with the package."""
    return parse_anchor_table(resources.files("contest_eval.problems").joinpath(TABLE).read_text(encoding="utf-8"))


class Estimator:
    """Interpolates release dates between anchors sorted by problem number."""

    def __init__(self, anchors: Iterable[Anchor]) -> None:
        by_number: dict[int, Anchor] = {}
        for a in anchors:  # a later anchor for the same number wins: store dates override the table
            by_number[a.number] = a
        self.anchors = [by_number[n] for n in sorted(by_number)]
        self.numbers = [a.number for a in self.anchors]
        if not self.anchors:
            raise ValueError("no anchors: a release date cannot be estimated from a problem number without any")

    def estimate(self, number: int, exclude: frozenset[str] = frozenset()) -> Estimate:
        """The release of problem ``number``; anchors whose basis is in ``exclude`` are ignored (leave-one-out)."""
        numbers, anchors = self.numbers, self.anchors
        if exclude:
            anchors = [a for a in anchors if a.basis not in exclude]
            numbers = [a.number for a in anchors]
        i = bisect.bisect_left(numbers, number)
        if i < len(anchors) and numbers[i] == number:
            # A contest problem the store does not link to its contest: the contest's date, by its number.
            hit = anchors[i]
            return Estimate(hit.release, hit.release, hit.release, f"#{number} is a problem of {hit.basis}")
        below = anchors[i - 1] if i > 0 else None
        above = anchors[i] if i < len(anchors) else None
        if below is None and above is None:
            raise ValueError("no anchors left to estimate from")
        if below is None:
            assert above is not None
            return Estimate(above.release, None, above.release,
                            f"#{number} precedes the first anchor #{above.number} ({above.basis}): on or before it")
        if above is None:
            return Estimate(below.release, below.release, None,
                            f"#{number} follows the last anchor #{below.number} ({below.basis}): on or after it")
        share = (number - below.number) / (above.number - below.number)
        start, end = below.release.timestamp(), above.release.timestamp()
        when = datetime.fromtimestamp(round(start + share * (end - start)), tz=timezone.utc)  # whole seconds: stored as such
        low, high = sorted((below.release, above.release))
        return Estimate(when, low, high, f"between #{below.number} ({below.basis}) and #{above.number} ({above.basis})")


def leave_one_contest_out(anchors: list[Anchor]) -> list[float]:
    """Absolute errors in days when each contest's problems are estimated without that contest's anchors.

    Leaving out one problem would be too easy (its contest siblings have the
    neighbouring numbers and the same date); a dateless problem sits between
    contests, which is what leaving the whole contest out imitates.
    """
    estimator = Estimator(anchors)
    errors = []
    for a in estimator.anchors:
        try:
            got = estimator.estimate(a.number, exclude=frozenset({a.basis}))
        except ValueError:
            continue
        if got.low is None or got.high is None:
            continue  # outside the anchors: a bound, not an interpolation
        errors.append(abs(got.release.timestamp() - a.release.timestamp()) / 86400.0)
    return errors


def reconcile(release_time: datetime | None, stored: dict[str, Any] | None, contest_start: datetime | None,
              estimate: Estimate | None) -> tuple[datetime | None, dict[str, Any] | None, str]:
    """What a problem's ``(release_time, release_estimate)`` should become, and why.

    A real date always wins: a contest start, or a release time someone
    stored over an estimate (it no longer equals the estimate recorded with
    it).  A problem with a real date is never touched.  Otherwise the new
    estimate is stored (or the old one kept when nothing changed).
    """
    if stored is None and release_time is not None:
        return release_time, None, "real"
    if contest_start is not None:
        return contest_start, None, "replaced" if stored is not None else "real"
    if stored is not None and release_time is not None and stored.get("estimate") != _iso(release_time):
        return release_time, None, "replaced"
    if estimate is None:
        return release_time, stored, "unestimable"
    value = estimate.to_json()
    if stored == value and release_time == estimate.release:
        return release_time, stored, "unchanged"
    return estimate.release, value, "estimated" if stored is None else "updated"
