"""The shape every importer and scraper produces: one problem, fully parsed.

Importers yield :class:`ProblemRecord` for good input and :class:`Rejected`
(with where and why) for bad input, never raising halfway through a file, so
one broken line costs one problem and nothing already stored is touched.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Union


@dataclass
class Example:
    """A public example in wire format: one JSON value per argument per line
    (design: two lines) and the expected output as JSON; stdin problems use
    raw text."""

    input: str
    output: str
    explanation: str = ""


@dataclass
class ReferenceCode:
    language: str  # our judge names: python3, cpp, java, go, rust, javascript; others kept as given
    code: str
    origin: str  # doocs, leetcodedataset, ours, …
    name: str = "main"


@dataclass
class ImportedTest:
    input: str
    output: str


@dataclass
class ExcludedTest:
    """An imported test left out of the suite: its expected output is not an answer."""

    index: int  # position in the source's own test list
    reason: str


@dataclass
class ProblemRecord:
    platform: str
    slug: str
    title: str = ""
    source: str = ""
    frontend_id: str | None = None
    contest_slug: str | None = None
    contest_index: str | None = None  # Q1..Q4 (LeetCode), A..G (Codeforces, AtCoder)
    release_time: datetime | None = None  # timezone-aware UTC
    difficulty: str | None = None
    rating: float | None = None
    statement_html: str = ""
    statement_text: str = ""
    kind: str = "function"  # function | design | stdin
    metadata: dict[str, Any] | None = None  # LeetCode metaData form
    starter_code: dict[str, str] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)
    tests: list[ImportedTest] = field(default_factory=list)
    excluded_tests: list[ExcludedTest] = field(default_factory=list)
    # How imported tests are judged (a checker policy); None: answers are not
    # unique and no checker can judge them, so no suite is made from them.
    compare: str | None = "exact"
    compare_note: str | None = None  # why compare is not exact, or why there is none
    references: list[ReferenceCode] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    time_limit_ms: int | None = None
    memory_limit_mb: int | None = None
    paid_only: bool = False

    @property
    def statement_hash(self) -> str:
        return hashlib.sha256(self.statement_html.encode("utf-8")).hexdigest()


@dataclass
class Rejected:
    """An input item that could not be imported: ``where`` is a line number,
    a file name or a slug; ``reason`` is one line."""

    where: str
    reason: str


Parsed = Union[ProblemRecord, Rejected]


@dataclass
class ContestRecord:
    platform: str
    slug: str
    title: str = ""
    start_time: datetime | None = None  # timezone-aware UTC
    duration_s: int | None = None
    problem_slugs: list[str] = field(default_factory=list)  # in contest order: Q1, Q2, …
    source: str = ""
