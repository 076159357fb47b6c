"""LeetCode (.com and .cn): contest schedule, contest info and problems.

Endpoints and fields follow ``shared/research/scraping.md`` §1: the past-contest
listing and ``question(titleSlug:)`` through GraphQL, ``/contest/api/info/<slug>/``
for a contest's questions and start time, and — when GraphQL answers with a
schema error, or a fresh contest problem is not yet public — the page's
``script#__NEXT_DATA__`` (Next.js since June 2025).  Problems end in the same
:class:`ProblemRecord` the doocs importer produces, with examples parsed by the
same code, so the suite builder treats scraped and imported problems alike.

Per-problem trouble (paid-only, login needed, not an algorithm problem, bad
metaData) becomes a record or a :class:`Rejected` with a clear reason; trouble
that would hit every request (Cloudflare, a changed page layout, timeouts)
raises :class:`ScrapeError` so a run stops instead of storing half a scrape.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from ..problems.doocs import _wire_example
from ..problems.literals import LiteralError, parse_value, to_wire
from ..problems.metadata import MetadataError, parse_metadata
from ..problems.record import ContestRecord, Example, Parsed, ProblemRecord, Rejected
from ..problems.statement import extract_examples, html_to_text, parse_html, text_of
from .http import HTTPStatusError, LoginRequired, PoliteClient, ScrapeError

log = logging.getLogger("contest_eval.scrape.leetcode")

SITES = {"com": "https://leetcode.com", "cn": "https://leetcode.cn"}
# LeetCode langSlug → our judge's language names; other languages cannot be judged.
LANGS = {"python3": "python3", "cpp": "cpp", "java": "java", "golang": "go", "rust": "rust", "javascript": "javascript"}
_CONTEST_SLUG = re.compile(r"^(bi)?weekly-contest-(\d+)$")
MAX_LIST_PAGES = 200

_QUESTION_FIELDS = ("questionId questionFrontendId title titleSlug content translatedTitle translatedContent "
                    "isPaidOnly difficulty categoryTitle topicTags { name slug translatedName } "
                    "codeSnippets { lang langSlug code } sampleTestCase exampleTestcases metaData hints")
# leetgo: .com has exampleTestcaseList; .cn sends the same list JSON-encoded as jsonExampleTestcases.
_QUESTION_QUERY = {
    "com": "query questionData($titleSlug: String!) { question(titleSlug: $titleSlug) { %s exampleTestcaseList } }"
           % _QUESTION_FIELDS,
    "cn": "query questionData($titleSlug: String!) { question(titleSlug: $titleSlug) { %s jsonExampleTestcases } }"
          % _QUESTION_FIELDS,
}
_CONTEST_FIELDS = "title titleSlug startTime duration originStartTime isVirtual"
_PAST_QUERY = ("query pastContests($pageNo: Int, $numPerPage: Int) { pastContests(pageNo: $pageNo, "
               "numPerPage: $numPerPage) { pageNum currentPage totalNum numPerPage data { %s } } }" % _CONTEST_FIELDS)
_HISTORY_QUERY = ("query contestHistory($pageNum: Int!, $pageSize: Int) { contestHistory(pageNum: $pageNum, "
                  "pageSize: $pageSize) { totalNum contests { %s } } }" % _CONTEST_FIELDS)
_LISTING = {"com": ("pastContests", _PAST_QUERY, "pageNo", "numPerPage", "data"),
            "cn": ("contestHistory", _HISTORY_QUERY, "pageNum", "pageSize", "contests")}
_ALL_QUERY = "query allContests { allContests { %s } }" % _CONTEST_FIELDS


class GraphQLError(ScrapeError):
    """GraphQL refused the query (schema change, validation error)."""


def _utc(value: date | datetime | None, end: bool = False) -> datetime | None:
    """A bound as an aware UTC datetime; a bare date ``until`` covers that whole day."""
    if value is None or isinstance(value, datetime):
        return value if value is None or value.tzinfo else value.replace(tzinfo=timezone.utc)
    return datetime.combine(value, time(0), tzinfo=timezone.utc) + timedelta(days=1 if end else 0)


def _int(value: Any) -> int | None:
    # bool is an int subclass: ``true`` is a broken field, not 1970-01-01T00:00:01.
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    return None


def _errors(body: Any) -> str:
    """The messages of a GraphQL error document, on one line."""
    try:
        doc = json.loads(body) if isinstance(body, str) else body
        return "; ".join(str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in doc["errors"])[:200]
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
        return " ".join(str(body).split())[:160]


def _dig(obj: Any, *keys: str) -> Any:
    for key in keys:
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def _title_from_slug(slug: str) -> str | None:
    m = _CONTEST_SLUG.match(slug)
    if not m:
        return None
    return f"{'Biweekly' if m.group(1) else 'Weekly'} Contest {int(m.group(2))}"


class LeetCodeScraper:
    def __init__(self, client: PoliteClient, base_url: str | None = None, site: str = "com") -> None:
        if site not in SITES:
            raise ValueError(f"site must be 'com' or 'cn', not {site!r}")
        self.client = client
        self.site = site
        self.base_url = (base_url or SITES[site]).rstrip("/")
        # .cn serves GraphQL at /graphql/ (with the slash); .com at /graphql.
        self.graphql_url = self.base_url + ("/graphql/" if site == "cn" else "/graphql")
        self.source = f"leetcode.{site}"
        # Without a Referer LeetCode answers 403 "CSRF verification failed" (scraping.md §1.6).
        self.headers = {"Referer": self.base_url + "/", "Origin": self.base_url}

    # -- GraphQL ---------------------------------------------------------------

    def _graphql(self, operation: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        payload = {"operationName": operation, "query": query, "variables": variables}
        try:
            body = self.client.post_json(self.graphql_url, payload, headers=self.headers).json()
        except HTTPStatusError as exc:
            # Query validation errors come back as HTTP 400 with a GraphQL error body.
            if exc.status == 400:
                raise GraphQLError(f"{operation}: HTTP 400: {_errors(exc.response.text)}") from None
            raise
        if not isinstance(body, dict) or not isinstance(body.get("data"), (dict, type(None))):
            raise GraphQLError(f"{operation}: response is not a GraphQL document")
        if body.get("errors") and not any(v is not None for v in (body.get("data") or {}).values()):
            raise GraphQLError(f"{operation}: {_errors(body)}")
        return body.get("data") or {}

    # -- contests --------------------------------------------------------------

    def contests(self, since: date | datetime | None = None, until: date | datetime | None = None,
                 with_problems: bool = False) -> list[ContestRecord]:
        """Weekly and biweekly contests that started in [since, until), oldest
        first.  The listing has no questions; ``with_problems`` fetches each
        contest's info for them (one request per contest)."""
        lo, hi = _utc(since), _utc(until, end=True)
        try:
            raw = self._listing(lo)
        except GraphQLError as exc:
            log.warning("contest listing failed (%s); falling back to allContests", exc)
            raw = self._graphql("allContests", _ALL_QUERY, {}).get("allContests")
            if not isinstance(raw, list):
                raise ScrapeError("layout changed: allContests returned no list") from None
        found: dict[str, ContestRecord] = {}
        for rec in filter(None, map(self._listed, raw)):
            if rec.start_time and (not lo or rec.start_time >= lo) and (not hi or rec.start_time < hi):
                found.setdefault(rec.slug, rec)
        out = sorted(found.values(), key=lambda c: (c.start_time, c.slug))
        if with_problems:
            out = [self.contest(c.slug) for c in out]
        return out

    def _listing(self, lo: datetime | None) -> list[Any]:
        """Newest-first pages until one reaches back past ``lo``."""
        items: list[Any] = []
        op, query, page_var, size_var, key = _LISTING[self.site]
        for page in range(1, MAX_LIST_PAGES + 1):
            block = self._graphql(op, query, {page_var: page, size_var: 10}).get(op)
            block = block if isinstance(block, dict) else {}
            batch = block.get(key)
            # .com tells the page count, .cn the contest count.
            pages, total = _int(block.get("pageNum")), _int(block.get("totalNum"))
            last = page >= pages if op == "pastContests" and pages else (page * 10 >= total if total else True)
            if not isinstance(batch, list):
                raise GraphQLError(f"contest listing page {page}: no contest list in the response")
            items.extend(batch)
            starts = [s for s in (_int(i.get("originStartTime") or i.get("startTime"))
                                  for i in batch if isinstance(i, dict)) if s]
            if last or not batch or (lo and starts and min(starts) < lo.timestamp()):
                return items
        log.warning("contest listing stopped after %d pages", MAX_LIST_PAGES)
        return items

    def _listed(self, item: Any) -> ContestRecord | None:
        if not isinstance(item, dict):
            return None
        slug = item.get("titleSlug")
        if not isinstance(slug, str) or not _CONTEST_SLUG.match(slug):
            return None  # only weekly and biweekly contests are rated and public
        start = _int(item.get("originStartTime")) or _int(item.get("startTime"))
        if not start:
            return None
        title = item.get("title") if self.site == "com" else None
        return ContestRecord(platform="leetcode", slug=slug, title=title or _title_from_slug(slug) or slug,
                             start_time=datetime.fromtimestamp(start, tz=timezone.utc),
                             duration_s=_int(item.get("duration")), source=self.source)

    def contest(self, slug: str) -> ContestRecord:
        """``/contest/api/info/<slug>/``: the questions in contest order and the
        original start time (``origin_start_time`` survives virtual re-runs)."""
        url = f"{self.base_url}/contest/api/info/{slug}/"
        body = self.client.get(url, headers=self.headers).json()
        if not isinstance(body, dict):
            raise ScrapeError(f"layout changed: contest info for {slug} is not a JSON object")
        if body.get("error"):
            raise ScrapeError(f"contest {slug}: LeetCode says {' '.join(str(body['error']).split())[:120]!r}")
        info, questions = body.get("contest"), body.get("questions")
        if not isinstance(info, dict) or not isinstance(questions, list):
            raise ScrapeError(f"layout changed: contest info for {slug} lacks 'contest' or 'questions'")
        start = _int(info.get("origin_start_time")) or _int(info.get("start_time"))
        if not start:
            raise ScrapeError(f"layout changed: contest info for {slug} has no start_time")
        slugs = [q.get("title_slug") if isinstance(q, dict) else None for q in questions]
        if not all(isinstance(x, str) and x for x in slugs):
            raise ScrapeError(f"layout changed: a question of contest {slug} has no title_slug")
        if not slugs:
            log.warning("contest %s lists no questions yet (not started?)", slug)
        # .cn titles are Chinese ("第 381 场周赛"); keep English like the doocs schedule does.
        title = info.get("title") if self.site == "com" else None
        return ContestRecord(platform="leetcode", slug=str(info.get("title_slug") or slug),
                             title=title or _title_from_slug(slug) or str(info.get("title") or slug),
                             start_time=datetime.fromtimestamp(start, tz=timezone.utc),
                             duration_s=_int(info.get("duration")), problem_slugs=[str(x) for x in slugs],
                             source=self.source)

    # -- problems --------------------------------------------------------------

    def problem(self, slug: str, contest: ContestRecord | str | None = None) -> Parsed:
        contest_slug = contest.slug if isinstance(contest, ContestRecord) else contest
        try:
            question = self._graphql("questionData", _QUESTION_QUERY[self.site], {"titleSlug": slug}).get("question")
            why = "GraphQL returned null"
        except GraphQLError as exc:
            log.warning("%s: %s; falling back to the problem page", slug, exc)
            question, why = None, f"GraphQL failed: {exc}"
        # The page is the only source after a schema change, and for contest
        # problems not yet published to the problemset (scraping.md §1.5).
        if question is None and (contest_slug or why.startswith("GraphQL failed")):
            try:
                question = self._question_from_page(slug, contest_slug)
            except LoginRequired as exc:
                return Rejected(where=slug, reason=f"{exc} ({why})")
            except HTTPStatusError as exc:
                if exc.status != 404:
                    raise
            except ScrapeError as exc:
                if type(exc) is not ScrapeError:
                    raise
                raise ScrapeError(f"{exc} ({why})") from None
        if question is None:
            return Rejected(where=slug, reason=f"question not found ({why})")
        return self.parse_question(question, slug, contest)

    def _question_from_page(self, slug: str, contest_slug: str | None) -> dict[str, Any] | None:
        if contest_slug:
            path = f"/contest/{contest_slug}/problems/{slug}/" + ("description" if self.site == "cn" else "")
        else:
            path = f"/problems/{slug}/"
        url = self.base_url + path
        html = self.client.get(url, headers=self.headers).text
        script = parse_html(html).find("script", id="__NEXT_DATA__")
        if script is None:
            raise ScrapeError(f"layout changed: no script#__NEXT_DATA__ on {path}")
        try:
            doc = json.loads(text_of(script))
            queries = doc["props"]["pageProps"]["dehydratedState"]["queries"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise ScrapeError(f"layout changed: __NEXT_DATA__ on {path} lacks "
                              f"props.pageProps.dehydratedState.queries") from None
        found: list[dict[str, Any]] = []
        for q in queries if isinstance(queries, list) else []:
            data = _dig(q, "state", "data")
            for cand in (_dig(data, "contestQuestion", "question"), _dig(data, "question")):
                if isinstance(cand, dict) and ("content" in cand or "metaData" in cand):
                    found.append(cand)
        if not found:
            raise ScrapeError(f"layout changed: __NEXT_DATA__ on {path} has no contestQuestion.question")
        return next((f for f in found if f.get("titleSlug") == slug), found[0])

    def parse_question(self, q: Any, slug: str, contest: ContestRecord | str | None = None) -> Parsed:
        """A GraphQL ``question`` object (or the same object from ``__NEXT_DATA__``) → record."""
        if not isinstance(q, dict):
            return Rejected(where=slug, reason="question is not an object")
        slug = q.get("titleSlug") or slug
        category = q.get("categoryTitle")
        if category and category != "Algorithms":
            return Rejected(where=slug, reason=f"not an algorithm problem (categoryTitle {category!r})")
        metadata, meta_error = _metadata(q.get("metaData"))
        if metadata and (metadata.get("database") or metadata.get("shell")):
            return Rejected(where=slug, reason="not an algorithm problem (database/shell metaData)")
        content = q.get("content") or (q.get("translatedContent") if self.site == "cn" else None) or ""
        record = ProblemRecord(
            platform="leetcode", slug=slug, source=self.source,
            title=q.get("title") or q.get("translatedTitle") or slug,
            frontend_id=str(q["questionFrontendId"]) if q.get("questionFrontendId") is not None else None,
            difficulty=q.get("difficulty") if isinstance(q.get("difficulty"), str) else None,
            tags=[t["name"] for t in q.get("topicTags") or [] if isinstance(t, dict) and t.get("name")],
            starter_code=_starter_code(q.get("codeSnippets")),
            metadata=metadata if not meta_error else None,
            kind="design" if metadata and "classname" in metadata and not meta_error else "function",
        )
        if isinstance(contest, ContestRecord):
            record.contest_slug, record.release_time = contest.slug, contest.start_time
            if slug in contest.problem_slugs:
                record.contest_index = f"Q{contest.problem_slugs.index(slug) + 1}"
        elif contest:
            record.contest_slug = contest
        if not str(content).strip():
            # Kept, not dropped: the store must know the problem exists and why it has no statement.
            record.paid_only = True
            record.statement_text = ("paid-only problem: the statement needs a LeetCode Premium session"
                                     if q.get("isPaidOnly") else
                                     "no statement: LeetCode returned empty content (premium or login required)")
            log.warning("%s: %s", slug, record.statement_text)
            return record
        if meta_error:
            return Rejected(where=slug, reason=f"metaData: {meta_error}")
        record.paid_only = bool(q.get("isPaidOnly"))
        record.statement_html = content
        record.statement_text = html_to_text(content)
        record.examples = _examples(q, content, metadata or {})
        return record


def _metadata(raw: Any) -> tuple[dict[str, Any] | None, str | None]:
    """metaData is a JSON string inside the JSON (scraping.md §6.2)."""
    if raw is None or raw == "":
        return None, "missing"
    try:
        doc = json.loads(raw) if isinstance(raw, str) else raw
    except json.JSONDecodeError as exc:
        return None, f"not JSON ({exc.msg})"
    if isinstance(doc, dict) and (doc.get("database") or doc.get("shell")):
        return doc, None
    try:
        parse_metadata(doc)
    except MetadataError as exc:
        return doc if isinstance(doc, dict) else None, str(exc)
    return doc, None


def _starter_code(snippets: Any) -> dict[str, str]:
    return {LANGS[sn["langSlug"]]: sn["code"] for sn in snippets or []
            if isinstance(sn, dict) and sn.get("langSlug") in LANGS and isinstance(sn.get("code"), str)}


def _arity(metadata: dict[str, Any]) -> int:
    return 2 if "classname" in metadata else len(metadata.get("params") or [])


def _example_inputs(q: dict[str, Any], metadata: dict[str, Any]) -> list[str] | None:
    """Example inputs as LeetCode sends them (one value per line), best source first."""
    if isinstance(q.get("exampleTestcaseList"), list):
        return [str(x) for x in q["exampleTestcaseList"]]
    try:
        cases = json.loads(q.get("jsonExampleTestcases") or "null")
    except (json.JSONDecodeError, TypeError):
        cases = None
    if isinstance(cases, list):
        return [str(x) for x in cases]
    n = _arity(metadata)
    text = q.get("exampleTestcases")
    if isinstance(text, str) and text.strip() and n:
        # All examples concatenated, one argument per line: cut every n lines.
        lines = text.replace("\r\n", "\n").strip("\n").split("\n")
        if len(lines) % n == 0:
            return ["\n".join(lines[i:i + n]) for i in range(0, len(lines), n)]
    return None


def _wire_input(text: str, metadata: dict[str, Any]) -> str | None:
    values = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            try:
                values.append(parse_value(line))
            except LiteralError:
                return None
    if len(values) != _arity(metadata):
        return None
    if "classname" in metadata and not (all(isinstance(v, list) for v in values) and len(values[0]) == len(values[1])):
        return None
    return to_wire(values)


def _examples(q: dict[str, Any], content: str, metadata: dict[str, Any]) -> list[Example]:
    """Inputs from LeetCode's example test cases (exact, already one value per
    line); outputs from the statement.  When the two do not line up, the
    statement alone is parsed the way the doocs importer does it."""
    raws = extract_examples(content)
    inputs = _example_inputs(q, metadata)
    out: list[Example] = []
    if inputs is not None and len(inputs) == len(raws):
        for text, raw in zip(inputs, raws):
            wire = _wire_input(text, metadata)
            try:
                output = to_wire([parse_value(raw.output_text)])
            except LiteralError:
                continue
            if wire is not None:
                out.append(Example(input=wire, output=output, explanation=raw.explanation))
            elif (ex := _wire_example(raw, metadata)) is not None:
                out.append(ex)
        return out
    if inputs is not None:
        log.info("%s: %d example inputs vs %d statement examples; using the statement",
                 q.get("titleSlug"), len(inputs), len(raws))
    return [ex for raw in raws if (ex := _wire_example(raw, metadata or None))]
