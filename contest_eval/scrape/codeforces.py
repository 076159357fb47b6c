"""Codeforces: contests from the API, problems from statement pages with an API fallback.

The API (``contest.list``, ``contest.standings``, ``problemset.problems``) is the
primary source because problem pages sit behind Cloudflare and scripts are
often refused (scraping.md §2.2).  A statement page, when it can be fetched,
adds limits, the statement and the samples; when it cannot, the problem is
still recorded from API metadata and the result says so in ``warnings``.

Parsing is pure (text/JSON in, records out) so it can be tested on recorded
bodies; :class:`CodeforcesScraper` only fetches and hands over.
"""

from __future__ import annotations

import html as htmlmod
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from contest_eval.problems.record import ContestRecord, Example, Parsed, ProblemRecord, Rejected
from contest_eval.problems.statement import (Element, Node, TextHeads, classes, html_to_text, is_text, iter_elements,
                                             parse_html, text_of)
from contest_eval.scrape.http import HTTPStatusError, PoliteClient, ScrapeError

log = logging.getLogger(__name__)

PLATFORM = "codeforces"
# "API may be requested at most 1 time per two seconds" (codeforces.com/apiHelp, scraping.md §2.1).
# The client owns pacing: PoliteClient(min_interval_s={"codeforces.com": MIN_INTERVAL_S}).
MIN_INTERVAL_S = 2.0
_BLOCK_MARKERS = ("just a moment", "attention required", "cf-chl", "challenge-platform", "cf-browser-verification")


@dataclass
class ScrapedProblem(ProblemRecord):
    """A ProblemRecord plus what the scraper had to compromise on (e.g. the
    statement page was blocked and only API metadata is known).  Being a
    subclass, the store and the suite builder treat it like any record."""

    warnings: list[str] = field(default_factory=list)


@dataclass
class ProblemPage:
    """What a statement page says, before it is merged with API metadata."""

    header: str  # as displayed, "A. String Task"
    title: str  # without the index, "String Task"
    time_limit_ms: int
    memory_limit_mb: int
    statement_html: str
    examples: list[Example]
    contest_name: str | None = None


# -- small tree helpers over statement.parse_html (shared with the AtCoder module) --

def find_all(node: Element, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
    return [e for e in iter_elements(node)
            if (tag is None or e.name == tag) and (cls is None or cls in classes(e))
            and all(e.get(k) == v for k, v in attrs.items())]


def find(node: Element, tag: str | None = None, cls: str | None = None, **attrs: str) -> Element | None:
    found = find_all(node, tag, cls, **attrs)
    return found[0] if found else None


def to_html(node: Node) -> str:
    """Serialise a parsed node back to valid HTML, entities re-escaped (Beautiful
    Soup's serialiser does both, without recursion)."""
    if isinstance(node, Element):
        return node.decode()
    return htmlmod.escape(str(node), quote=False) if is_text(node) else ""


def inner_html(node: Element) -> str:
    return "".join(to_html(c) for c in node.contents)


def sample_text(raw: str) -> str:
    """Raw sample text as the judge feeds it: blank lines trimmed at both ends
    (pages often open ``<pre>`` with a newline), exactly one final newline."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def utc(value: datetime | date | None) -> datetime | None:
    """Bounds given as dates or naive datetimes are read as UTC."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def in_window(when: datetime | None, since: datetime | date | None, until: datetime | date | None) -> bool:
    """Half-open [since, until); a contest with no known start is never in a window."""
    lo, hi = utc(since), utc(until)
    return when is not None and (lo is None or when >= lo) and (hi is None or when < hi)


# -- API payloads --

def check_api(payload: Any, method: str) -> Any:
    """The ``result`` of an API envelope; ``FAILED`` (or anything else) is a clear error."""
    if not isinstance(payload, dict):
        raise ScrapeError(f"Codeforces API {method}: response is not a JSON object")
    if payload.get("status") != "OK":
        comment = payload.get("comment") or "no comment"
        raise ScrapeError(f"Codeforces API {method} failed: {comment}")
    if "result" not in payload:
        raise ScrapeError(f"Codeforces API {method}: status OK but no result")
    return payload["result"]


def problem_slug(contest_id: int | str, index: str) -> str:
    return f"{contest_id}{index}"


def _start(contest: dict[str, Any]) -> datetime | None:
    seconds = contest.get("startTimeSeconds")
    return datetime.fromtimestamp(int(seconds), tz=timezone.utc) if isinstance(seconds, (int, float)) else None


def contest_record(contest: dict[str, Any], problem_slugs: list[str] | None = None) -> ContestRecord:
    return ContestRecord(platform=PLATFORM, slug=str(contest["id"]), title=str(contest.get("name", "")),
                         start_time=_start(contest), duration_s=contest.get("durationSeconds"),
                         problem_slugs=problem_slugs or [], source=PLATFORM)


def parse_contest_list(payload: Any, since: datetime | date | None = None,
                       until: datetime | date | None = None) -> list[dict[str, Any]]:
    """Finished contests starting in [since, until), oldest first.  Running
    and upcoming contests are left out: their problems are not public yet."""
    contests = check_api(payload, "contest.list")
    picked = [c for c in contests if isinstance(c, dict) and c.get("phase") == "FINISHED"
              and "id" in c and in_window(_start(c), since, until)]
    return sorted(picked, key=lambda c: (c["startTimeSeconds"], c["id"]))


def parse_standings(payload: Any) -> tuple[ContestRecord, list[dict[str, Any]]]:
    """A contest and its problems (API dicts) in index order, from ``contest.standings``."""
    result = check_api(payload, "contest.standings")
    contest, problems = result.get("contest"), result.get("problems")
    if not isinstance(contest, dict) or not isinstance(problems, list):
        raise ScrapeError("Codeforces API contest.standings: result lacks contest or problems")
    slugs = [problem_slug(p.get("contestId", contest["id"]), p["index"]) for p in problems]
    return contest_record(contest, slugs), problems


def metadata_record(problem: dict[str, Any], release_time: datetime | None = None) -> ScrapedProblem:
    """What the API alone knows: name, rating, tags — no statement, limits or samples."""
    rating = problem.get("rating")
    return ScrapedProblem(
        platform=PLATFORM, slug=problem_slug(problem["contestId"], problem["index"]),
        title=str(problem.get("name", "")), source=PLATFORM, contest_slug=str(problem["contestId"]),
        contest_index=str(problem["index"]), release_time=release_time,
        rating=float(rating) if isinstance(rating, (int, float)) else None,
        tags=[str(t) for t in problem.get("tags", [])], kind="stdin")


def parse_problemset(payload: Any) -> list[ScrapedProblem]:
    """``problemset.problems`` as metadata-only records (no dates: join with contest.list)."""
    result = check_api(payload, "problemset.problems")
    return [metadata_record(p) for p in result.get("problems", []) if isinstance(p, dict)]


# -- statement pages --

def is_blocked(status: int, text: str) -> bool:
    """A Cloudflare challenge (403/503 with an interstitial page, or a 200
    interstitial without any statement) is "unreachable", not a layout change.
    Normal pages also load Cloudflare scripts, so markers alone prove nothing."""
    head = text[:20000].lower()
    marked = any(m in head for m in _BLOCK_MARKERS)
    return status in (403, 503) or (marked and "problem-statement" not in text)


def _last_text(node: Element) -> str:
    # Limits are the bare text after the "time limit per test" title div.
    texts = [c.strip() for c in node.contents if is_text(c) and c.strip()]
    return texts[-1] if texts else ""


def parse_time_limit(text: str) -> int | None:
    m = re.search(r"([\d.]+)\s*(seconds?|s\b|milliseconds?|ms\b)", text, re.I)
    if not m:
        return None
    value = float(m.group(1))
    return round(value if m.group(2).lower().startswith("m") else value * 1000)


def parse_memory_limit(text: str) -> int | None:
    m = re.search(r"(\d+)\s*(megabytes?|gigabytes?|kilobytes?)", text, re.I)
    if not m:
        return None
    value, unit = int(m.group(1)), m.group(2).lower()
    return value * 1024 if unit.startswith("giga") else -(-value // 1024) if unit.startswith("kilo") else value


def _pre_text(pre: Element) -> str:
    """The three ``<pre>`` encodings: one ``div.test-example-line`` per line
    (multi-test problems), ``<br>``-separated lines (old pages), plain text."""
    lines = [e for e in pre.contents if isinstance(e, Element) and "test-example-line" in classes(e)]
    if lines:
        return "\n".join(text_of(e) for e in lines)
    return "".join("\n" if isinstance(d, Element) and d.name == "br" else str(d) if is_text(d) else ""
                   for d in pre.descendants)


def _sample_pres(box: Element) -> tuple[list[Element | None], list[Element | None]]:
    """The first ``<pre>`` inside each ``div.input`` and ``div.output``, in page
    order, found in one walk: searching each of n nested divs for its ``<pre>``
    would cost n² steps on a hostile page."""
    found: dict[int, Element | None] = {}
    order: list[tuple[str, Element]] = []
    waiting: list[Element] = []  # open sample divs still without a <pre>
    stack: list[tuple[Element, bool]] = [(c, False) for c in reversed(box.contents) if isinstance(c, Element)]
    while stack:
        el, leaving = stack.pop()
        if leaving:
            if waiting and waiting[-1] is el:
                waiting.pop()
            continue
        kind = next((k for k in ("input", "output") if el.name == "div" and k in classes(el)), None)
        if kind:
            order.append((kind, el))
            waiting.append(el)
        if el.name == "pre" and waiting:
            for div in waiting:
                found[id(div)] = el
            waiting.clear()
        stack.append((el, True))
        stack.extend((c, False) for c in reversed(el.contents) if isinstance(c, Element))
    return ([found.get(id(d)) for k, d in order if k == "input"],
            [found.get(id(d)) for k, d in order if k == "output"])


def _samples(statement: Element) -> list[Example] | str:
    box = find(statement, "div", "sample-tests")
    if box is None:
        return "no div.sample-tests in the statement page (layout changed?)"
    ins, outs = _sample_pres(box)
    if not ins or len(ins) != len(outs) or any(p is None for p in ins + outs):
        return f"sample tests unreadable: {len(ins)} input and {len(outs)} output blocks"
    return [Example(sample_text(_pre_text(i)), sample_text(_pre_text(o))) for i, o in zip(ins, outs) if i and o]


def _tidy_samples(statement: Element) -> None:
    """Rewrite every sample ``<pre>`` (inside a ``div.sample-tests``) to plain
    text and drop the "Copy" buttons, so the stored statement reads the same
    whatever the encoding.  One walk, whatever the nesting."""
    stack = [(statement, False)]
    while stack:
        el, in_samples = stack.pop()
        for c in list(el.contents):
            if not isinstance(c, Element):
                continue
            inside = in_samples or (c.name == "div" and "sample-tests" in classes(c))
            if not inside:
                stack.append((c, False))
            elif "input-output-copier" in classes(c):
                c.decompose()
            elif c.name == "pre":
                c.string = sample_text(_pre_text(c))  # what is inside a <pre> is never walked again
            else:
                stack.append((c, True))


def parse_problem_page(html: str, where: str) -> ProblemPage | Rejected:
    """A statement page, or a Rejected naming what is missing — never raises
    on odd HTML, so one changed page costs one problem."""
    root = parse_html(html)
    statement = find(root, "div", "problem-statement")
    if statement is None:
        return Rejected(where, "no div.problem-statement in the page (layout changed or not a problem page)")
    header = find(statement, "div", "header")
    title_el = find(header, "div", "title") if header else None
    tl_el = find(header, "div", "time-limit") if header else None
    ml_el = find(header, "div", "memory-limit") if header else None
    if title_el is None or tl_el is None or ml_el is None:
        return Rejected(where, "statement header lacks title, time-limit or memory-limit")
    time_ms, mem_mb = parse_time_limit(_last_text(tl_el)), parse_memory_limit(_last_text(ml_el))
    if time_ms is None or mem_mb is None:
        return Rejected(where, f"unreadable limits {_last_text(tl_el)!r} / {_last_text(ml_el)!r}")
    heads = TextHeads(statement)  # section titles without reading each nested one in full
    titles = {(heads.whole(e) or "").strip().lower() for e in find_all(statement, "div", "section-title")}
    if "interaction" in titles:
        return Rejected(where, "interactive problem (Interaction section): the judge has no interactor")
    in_file = find(header, "div", "input-file")
    if in_file is not None and _last_text(in_file).lower() not in ("standard input", ""):
        return Rejected(where, f"reads {_last_text(in_file)!r}, not standard input")
    examples = _samples(statement)
    if isinstance(examples, str):
        return Rejected(where, examples)
    if not examples:
        return Rejected(where, "sample-tests section holds no samples")
    _tidy_samples(statement)
    shown = " ".join(text_of(title_el).split())
    # The limits live in their own fields; the statement keeps legend, specs, samples and note.
    body = [c for c in statement.contents if c is not header]
    # The sidebar's first contest link names the round ("group" in competitive-companion).
    links = [a for table in find_all(root, "table", "rtable") for th in find_all(table, "th")
             for a in find_all(th, "a") if "/contest" in str(a.get("href", ""))]
    contest = " ".join(text_of(links[0]).split()) if links else None
    return ProblemPage(header=shown, title=re.sub(r"^[A-Z]\d*\.\s*", "", shown), time_limit_ms=time_ms,
                       memory_limit_mb=mem_mb, statement_html="".join(to_html(c) for c in body).strip(),
                       examples=examples, contest_name=contest)


def statement_text(statement_html: str) -> str:
    # Codeforces wraps MathJax in $$$…$$$ (inline) and $$$$$$…$$$$$$ (display); plain $ reads better.
    return html_to_text(statement_html).replace("$$$$$$", "$$").replace("$$$", "$")


def merge(meta: ScrapedProblem, page: ProblemPage) -> ScrapedProblem:
    """API metadata (name, rating, tags) completed by the page (limits, statement, samples)."""
    meta.title = meta.title or page.title
    meta.statement_html = page.statement_html
    meta.statement_text = statement_text(page.statement_html)
    meta.time_limit_ms, meta.memory_limit_mb = page.time_limit_ms, page.memory_limit_mb
    meta.examples = page.examples
    return meta


class CodeforcesScraper:
    """Fetches through a :class:`PoliteClient`; ``base_url`` points at a mirror or a test server."""

    def __init__(self, client: PoliteClient, base_url: str = "https://codeforces.com") -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")

    def _api(self, method: str, params: dict[str, Any] | None = None) -> Any:
        """The API envelope of one call.  Failed calls come back as HTTP 400
        with a ``FAILED`` envelope; its comment beats a bare status line."""
        url = f"{self.base_url}/api/{method}"
        try:
            return self.client.get(url, params=params).json()
        except HTTPStatusError as exc:
            try:
                payload = exc.response.json()
            except ScrapeError:
                raise exc from None
            if isinstance(payload, dict) and payload.get("status") == "FAILED":
                check_api(payload, method)
            raise

    def contests(self, since: datetime | date | None = None,
                 until: datetime | date | None = None) -> list[ContestRecord]:
        """Finished contests in [since, until) with their problem slugs in index order."""
        found = parse_contest_list(self._api("contest.list", {"gym": "false"}), since, until)
        return [self._standings(c["id"])[0] for c in found]

    def _standings(self, contest_id: int | str) -> tuple[ContestRecord, list[dict[str, Any]]]:
        payload = self._api("contest.standings", {"contestId": str(contest_id), "from": "1", "count": "1"})
        return parse_standings(payload)

    def contest(self, contest_id: int | str) -> ContestRecord:
        """One contest's schedule and problem slugs (``contest.standings`` with ``count=1``)."""
        return self._standings(contest_id)[0]

    def problemset(self) -> list[ScrapedProblem]:
        return parse_problemset(self._api("problemset.problems"))

    def problems(self, contest_id: int | str) -> list[Parsed]:
        contest, problems = self._standings(contest_id)
        return [self._problem(p, contest) for p in problems]

    def _problem(self, api: dict[str, Any], contest: ContestRecord) -> Parsed:
        meta = metadata_record(api, contest.start_time)
        if api.get("type", "PROGRAMMING") != "PROGRAMMING":
            return Rejected(meta.slug, f"problem type {api.get('type')} is not a programming problem")
        url = f"{self.base_url}/contest/{contest.slug}/problem/{meta.contest_index}"
        try:
            resp = self.client.get(url, params={"locale": "en"})
        except HTTPStatusError as exc:
            why = "blocked" if is_blocked(exc.status, exc.response.text) else "not available"
            return self._fallback(meta, f"statement page {why}: {exc}")
        except ScrapeError as exc:
            return self._fallback(meta, f"statement page unreachable: {exc}")
        status, text = resp.status, resp.text
        if is_blocked(status, text):  # a challenge interstitial served with 200
            return self._fallback(meta, f"statement page blocked by Cloudflare (HTTP {status} challenge page)")
        page = parse_problem_page(text, meta.slug)
        return page if isinstance(page, Rejected) else merge(meta, page)

    @staticmethod
    def _fallback(meta: ScrapedProblem, why: str) -> ScrapedProblem:
        message = f"{why}; recorded from API metadata only (no statement, limits or samples)"
        log.warning("codeforces %s: %s", meta.slug, message)
        meta.warnings.append(message)
        return meta
