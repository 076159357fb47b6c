"""Accepted contest submissions as references for the recipes ``weekly`` drafts.

A Codeforces problem scraped an hour ago has no doocs solution and no import;
what it does have is the contest's accepted submissions.  For every new
problem that is drafted, :class:`SubmissionReferences` reads a few of them
(distinct authors, judge languages only) through the contest source's own
polite client — the same pacing, archive and base URL as the scrape — and
hands them to the draft as references labelled ``codeforces:<handle>-<id>``.

A submission that cannot be read (hidden source, an HTTP error, a page in an
unexpected shape) is skipped and the reason is logged and kept: the problem
then waits with that reason if too few references remain, it never fails the
job.  Each problem is asked once per job, and a contest's submission list is
read once for all of its problems (``scrape.submissions``).
"""

from __future__ import annotations

from collections.abc import Callable

from contest_eval.languages import LANGUAGES
from contest_eval.scrape.source import ContestSource, SourceError, guarded
from contest_eval.suite.draft.references import RefSource, from_submissions
from contest_eval.suite.store import ProblemKey

DEFAULT_SUBMISSIONS = 3  # per problem: two independent authors decide a suite, a third outvotes a wrong one


class SubmissionReferences:
    """``(ProblemKey) -> (references, skipped)``: what ``suite.store.prepare_suite`` asks while
    drafting (``suite.store.FetchReferences``); ``skipped`` holds one "what: why" per unread one."""

    def __init__(self, sources: dict[str, ContestSource], limit: int = DEFAULT_SUBMISSIONS,
                 languages: tuple[str, ...] = tuple(LANGUAGES), log: Callable[[str], None] = lambda _: None) -> None:
        self.sources = sources
        self.limit = limit
        self.languages = languages
        self.log = log
        self._seen: dict[str, tuple[list[RefSource], list[str]]] = {}

    def __call__(self, key: ProblemKey) -> tuple[list[RefSource], list[str]]:
        if key.slug not in self._seen:
            self._seen[key.slug] = self._fetch(key)
        return self._seen[key.slug]

    def _fetch(self, key: ProblemKey) -> tuple[list[RefSource], list[str]]:
        src = self.sources.get(key.platform)
        if src is None or self.limit <= 0 or not key.contest or not key.index:
            return [], []
        if src.platform != "codeforces":
            return [], []  # LeetCode and AtCoder show no one else's code without a login: nothing to skip
        try:
            subs, skipped = guarded(f"{key.platform} contest {key.contest} submissions",
                                    lambda: src.submissions(key.contest or "", key.index or "", self.limit, self.languages))
        except SourceError as exc:
            why = " ".join(str(exc).split())[:200]
            self.log(f"{key.slug}: no submissions read: {why}")
            return [], [why]
        for why in skipped:
            self.log(f"{key.slug}: submission skipped: {why}")
        refs = from_submissions(subs)
        if refs:
            self.log(f"{key.slug}: {len(refs)} accepted submission(s) as references: "
                     + ", ".join(f"{r.author} ({r.language})" for r in refs))
        return refs, [f"submission {w}" for w in skipped]
