"""Accepted contest submissions, with their source, as reference candidates.

**Codeforces** exposes both halves publicly:

- ``/api/contest.status?contestId=C&from=1&count=N`` lists a contest's submissions
  (newest first), each with ``id``, ``problem.index``, ``author.members[].handle``,
  ``author.participantType``, ``programmingLanguage``, ``verdict`` and ``testset`` —
  but never the source;
- ``/contest/C/submission/ID`` is an HTML page whose
  ``<pre id="program-source-text" class="prettyprint lang-… program-source">`` holds the
  source, HTML-escaped (pages saved by others show ``'`` as ``&#39;`` and sometimes
  leave ``<`` raw, so the text is cut out between the tags and unescaped rather than
  parsed as markup).  Submissions of running contests and of some gyms are hidden;
  the page then has no such ``<pre>`` and the submission is skipped.

**LeetCode** exposes submission ids, not code: ``/contest/api/ranking/<slug>/?pagination=P&region=global``
returns ``total_rank`` and, per participant, ``submissions`` keyed by question id
(``submission_id``, ``date``, ``fail_count``, ``lang``, ``data_region``); reading
another user's code needs a logged-in session, which this project does not use.
So LeetCode references come from doocs and imports only.

Parsing is pure; :class:`SubmissionScraper` only fetches (through the polite
client, one request per two seconds to codeforces.com).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from contest_eval.scrape.codeforces import check_api
from contest_eval.scrape.http import HTTPStatusError, PoliteClient, ScrapeError

# Codeforces' programmingLanguage names → our judge languages (others are skipped).
_LANGS = [(re.compile(r"c\+\+|g\+\+|clang\+\+", re.I), "cpp"), (re.compile(r"pypy\s*3|python\s*3", re.I), "python3"),
          (re.compile(r"^java\b", re.I), "java"), (re.compile(r"^go\b", re.I), "go"), (re.compile(r"^rust\b", re.I), "rust"),
          (re.compile(r"javascript|node\.?js", re.I), "javascript")]
# Who took part for real: contestants and out-of-competition participants.
_PARTICIPANTS = ("CONTESTANT", "OUT_OF_COMPETITION", "VIRTUAL", "PRACTICE")
_SOURCE = re.compile(r"<pre\b[^>]*\bid\s*=\s*[\"']program-source-text[\"'][^>]*>(.*?)</pre>", re.S | re.I)


@dataclass
class AcceptedSubmission:
    platform: str
    contest_id: int
    index: str
    submission_id: int
    author: str  # handle(s) joined by "+" for teams
    language: str  # our judge language
    platform_language: str  # as the platform names it
    code: str = ""

    @property
    def url_path(self) -> str:
        return f"/contest/{self.contest_id}/submission/{self.submission_id}"


def judge_language(name: str) -> str | None:
    for pattern, lang in _LANGS:
        if pattern.search(name or ""):
            return lang
    return None


def parse_status(payload: Any, index: str, languages: tuple[str, ...] | None = None) -> list[AcceptedSubmission]:
    """Accepted submissions to problem ``index`` in a ``contest.status`` envelope, one per author
    (their first in the list), in judge languages only."""
    result = check_api(payload, "contest.status")
    if not isinstance(result, list):
        raise ScrapeError("Codeforces API contest.status: result is not a list")
    out: list[AcceptedSubmission] = []
    authors: set[str] = set()
    for sub in result:
        if not isinstance(sub, dict):
            continue
        problem, author = sub.get("problem"), sub.get("author")
        if not isinstance(problem, dict) or not isinstance(author, dict):
            continue  # a malformed entry costs that entry, not the list
        if sub.get("verdict") != "OK" or sub.get("testset", "TESTS") != "TESTS" or problem.get("index") != index:
            continue
        if author.get("participantType") not in _PARTICIPANTS:
            continue
        members = author.get("members")
        handles = "+".join(str(m.get("handle", "")) for m in (members if isinstance(members, list) else [])
                           if isinstance(m, dict))
        lang = judge_language(str(sub.get("programmingLanguage", "")))
        if not handles or lang is None or (languages and lang not in languages) or handles in authors:
            continue
        try:
            ids = int(sub["id"]), int(sub.get("contestId") or problem.get("contestId"))
        except (KeyError, TypeError, ValueError):
            continue
        authors.add(handles)
        out.append(AcceptedSubmission("codeforces", ids[1], index, ids[0], handles, lang, str(sub["programmingLanguage"])))
    return out


def parse_source(page: str) -> str | None:
    """The source on a submission page, or None when the page does not show it."""
    m = _SOURCE.search(page or "")
    if not m:
        return None
    code = html.unescape(m.group(1)).replace("\r\n", "\n")
    return code if code.strip() else None


class SubmissionScraper:
    """Fetches accepted submissions through a :class:`PoliteClient`; ``base_url`` points at a test server."""

    def __init__(self, client: PoliteClient, base_url: str = "https://codeforces.com") -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")
        # One contest.status read serves every problem of the contest (the API allows
        # one call per two seconds; a contest has up to ten problems).
        self._status: dict[tuple[str, int], Any] = {}

    def _status_payload(self, contest_id: int | str, count: int) -> Any:
        key = (str(contest_id), count)
        if key not in self._status:
            url = f"{self.base_url}/api/contest.status"
            params = {"contestId": str(contest_id), "from": "1", "count": str(count)}
            try:
                payload = self.client.get(url, params=params).json()
            except HTTPStatusError as exc:  # a FAILED envelope comes with HTTP 400: its comment says why
                try:
                    payload = exc.response.json()
                except ScrapeError:
                    raise exc from None
                if not (isinstance(payload, dict) and payload.get("status") == "FAILED"):
                    raise
            if not (isinstance(payload, dict) and payload.get("status") == "OK"):
                return payload  # a failure is not kept: the next call asks again
            self._status[key] = payload
        return self._status[key]

    def accepted(self, contest_id: int | str, index: str, count: int = 2000,
                 languages: tuple[str, ...] | None = None) -> list[AcceptedSubmission]:
        return parse_status(self._status_payload(contest_id, count), index, languages)

    def with_source(self, contest_id: int | str, index: str, limit: int = 3, count: int = 2000,
                    languages: tuple[str, ...] | None = None) -> tuple[list[AcceptedSubmission], list[str]]:
        """Up to ``limit`` accepted submissions by different authors with their code, and
        what was skipped (hidden source, page not found) with why."""
        found: list[AcceptedSubmission] = []
        skipped: list[str] = []
        for sub in self.accepted(contest_id, index, count, languages):
            if len(found) >= limit:
                break
            try:
                page = self.client.get_text(self.base_url + sub.url_path)
            except ScrapeError as exc:
                skipped.append(f"{sub.submission_id}: {str(exc)[:120]}")
                continue
            code = parse_source(page)
            if code is None:
                skipped.append(f"{sub.submission_id}: the page shows no source")
                continue
            sub.code = code
            found.append(sub)
        return found, skipped


@dataclass
class RankedSubmission:
    """One accepted LeetCode contest submission as the public ranking lists it: no code."""

    username: str
    data_region: str
    question_id: int
    submission_id: int
    language: str | None  # as LeetCode names it (python3, cpp, …), when listed
    date: int  # unix seconds


def parse_leetcode_ranking(payload: Any) -> list[RankedSubmission]:
    """``/contest/api/ranking/<slug>/?pagination=P&region=global``: ``total_rank[k]`` and
    ``submissions[k]`` describe the same participant; each submission entry is keyed by
    question id.  The code is not in it, and its page needs a login (see the module doc)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("total_rank"), list) \
            or not isinstance(payload.get("submissions"), list):
        raise ScrapeError("LeetCode ranking: expected total_rank and submissions lists")
    out = []
    for user, subs in zip(payload["total_rank"], payload["submissions"]):
        if not isinstance(user, dict) or not isinstance(subs, dict):
            continue
        for entry in subs.values():
            if isinstance(entry, dict) and isinstance(entry.get("question_id"), int):
                out.append(RankedSubmission(str(user.get("username", "")), str(entry.get("data_region", user.get("data_region", ""))),
                                            entry["question_id"], int(entry.get("submission_id") or 0), entry.get("lang"),
                                            int(entry.get("date") or 0)))
    return out
