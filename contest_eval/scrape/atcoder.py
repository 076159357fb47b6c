"""AtCoder: the contest archive, a contest's tasks page and task pages.

Everything is HTML (AtCoder has no official API).  Structure per scraping.md
§3 and the recorded pages in ``shared/data/fixtures/atcoder``: archive rows
are ``tbody tr`` with start time / name / duration / rated range; the tasks
page is a ``table`` of index, name, time and memory limit plus the contest
window in ``small.contest-duration``; a task page has ``span.h2`` (title),
a "Time Limit: … / Memory Limit: …" line and ``#task-statement`` with one
``span.lang-ja``/``span.lang-en`` per language.

Parsing is pure; :class:`AtCoderScraper` only fetches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from contest_eval.problems.record import ContestRecord, Example, Parsed, ProblemRecord, Rejected
from contest_eval.problems.statement import Element, TextHeads, html_to_text, is_text, parse_html, text_of
from contest_eval.scrape.codeforces import find, find_all, in_window, inner_html, iter_elements, sample_text, utc
from contest_eval.scrape.http import PoliteClient, ScrapeError

PLATFORM = "atcoder"
# AtCoder Problems asks for ≥1 s between accesses (scraping.md §3); atcoder.jp
# publishes no figure, so the same pacing is used for it.
MIN_INTERVAL_S = 1.0
MIB = 1 << 20
_TIME_FMT = "%Y-%m-%d %H:%M:%S%z"  # "2019-10-13 13:00:00+0900", as AtCoderProblems parses it
_SAMPLE = re.compile(r"^\s*(?:Sample\s+(Input|Output)|(入力|出力)例)\s*(\d+)\s*$", re.I)
_TL = re.compile(r"(?:Time\s*Limit|実行時間制限)\s*[:：]\s*([\d.]+)\s*(msec|ms|sec|s)\b", re.I)
_ML = re.compile(r"(?:Memory\s*Limit|メモリ制限)\s*[:：]\s*([\d.]+)\s*(KiB|KB|MiB|MB|GiB|GB)", re.I)


@dataclass
class TaskRow:
    index: str  # "A", … "Ex"
    task_id: str  # "abc399_a"
    title: str
    time_limit_ms: int | None
    memory_limit_mb: int | None


@dataclass
class ContestTasks:
    """A contest as its tasks page shows it: the schedule plus per-task limits."""

    contest: ContestRecord
    end_time: datetime | None = None
    tasks: list[TaskRow] = field(default_factory=list)


def parse_time(text: str) -> datetime | None:
    try:
        return datetime.strptime(" ".join(text.split()), _TIME_FMT).astimezone(timezone.utc)
    except ValueError:
        return None


def parse_duration(text: str) -> int | None:
    """Archive durations are "HH:MM" (hours may exceed 99 for long contests)."""
    m = re.fullmatch(r"\s*(\d+):(\d{2})\s*", text)
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 if m else None


def time_limit_ms(text: str) -> int | None:
    m = re.search(r"([\d.]+)\s*(msec|ms|sec|s)\b", text)
    if not m:
        return None
    value = float(m.group(1))
    return round(value if m.group(2).startswith("m") else value * 1000)


def memory_limit_bytes(value: float, unit: str) -> int:
    """Bytes a displayed memory limit stands for.

    AtCoder labelled limits "MB" until 2025 and "MiB" since (the abc399 page
    recorded 2025-04 says "1024 MB"; the abc308 page recorded 2025-12 says
    "1024 MiB" for the same kind of contest).  Only the label changed: the
    judge limit was always binary, so MB/KB/GB are read as MiB/KiB/GiB and
    "1024 MB" and "1024 MiB" are both 1024 * 2**20 = 1073741824 bytes.
    """
    scale = {"k": 1 << 10, "m": MIB, "g": 1 << 30}[unit[0].lower()]
    return round(value * scale)


def memory_limit_mb(text: str) -> int | None:
    """``ProblemRecord.memory_limit_mb`` is in MiB (the judge hands it to the
    container as mebibytes), so this is the byte count divided by 2**20,
    rounded up so a KiB limit never shrinks."""
    m = re.search(r"([\d.]+)\s*(KiB|KB|MiB|MB|GiB|GB)", text)
    if not m:
        return None
    return -(-memory_limit_bytes(float(m.group(1)), m.group(2)) // MIB)


def _slug_from_href(href: str) -> str | None:
    m = re.match(r"^(?:https?://[^/]+)?/contests/([^/?#]+)/?(?:[?#].*)?$", href)
    return m.group(1) if m else None


def parse_archive(html: str) -> list[ContestRecord]:
    """Rows of ``/contests/archive`` (newest first, as the page lists them)."""
    out: list[ContestRecord] = []
    for tbody in find_all(parse_html(html), "tbody"):
        for tr in find_all(tbody, "tr"):
            tds = [c for c in tr.contents if isinstance(c, Element) and c.name == "td"]
            if len(tds) < 3:
                continue
            link = next((a for a in find_all(tds[1], "a") if _slug_from_href(str(a.get("href", "")))), None)
            time_el = find(tds[0], "time")
            start = parse_time(text_of(time_el)) if time_el is not None else None
            if link is None or start is None:
                continue
            out.append(ContestRecord(platform=PLATFORM, slug=_slug_from_href(str(link["href"])) or "",
                                     title=" ".join(text_of(link).split()), start_time=start,
                                     duration_s=parse_duration(text_of(tds[2])), source=PLATFORM))
    return out


def last_archive_page(html: str) -> int:
    """The highest ``page=N`` the pagination links to (1 when there is none)."""
    hrefs = [str(a.get("href", "")) for a in find_all(parse_html(html), "a")]
    pages = [int(m) for href in hrefs for m in re.findall(r"[?&]page=(\d+)", href)]
    return max(pages, default=1)


def _window(root: Element) -> tuple[datetime | None, datetime | None]:
    """Contest start/end from the nav bar's ``small.contest-duration``, else
    from the ``startTime = moment("…")`` script every contest page carries."""
    box = find(root, "small", "contest-duration")
    times = [parse_time(text_of(t)) for t in find_all(box, "time")] if box is not None else []
    if len(times) >= 2 and times[0] and times[1]:
        return times[0], times[1]
    script = "".join(text_of(s) for s in find_all(root, "script"))

    def moment(name: str) -> datetime | None:
        m = re.search(name + r'\s*=\s*moment\("([^"]+)"\)', script)
        return datetime.fromisoformat(m.group(1)).astimezone(timezone.utc) if m else None

    return moment("startTime"), moment("endTime")


def _contest_title(root: Element) -> str:
    link = find(root, "a", "contest-title")
    if link is not None:
        return " ".join(text_of(link).split())
    title = find(root, "title")
    return text_of(title).split(" - ", 1)[-1].strip() if title is not None else ""


def parse_tasks(html: str, slug: str) -> ContestTasks | Rejected:
    """``/contests/<slug>/tasks``: task ids in page order with their limits."""
    root = parse_html(html)
    start, end = _window(root)
    rows: list[TaskRow] = []
    for table in find_all(root, "table"):
        for tr in find_all(table, "tr"):
            tds = [c for c in tr.contents if isinstance(c, Element) and c.name == "td"]
            if len(tds) < 4:
                continue
            link = find(tds[1], "a")
            href = str(link.get("href", "")) if link is not None else ""
            m = re.search(r"/contests/[^/]+/tasks/([^/?#]+)", href)
            if not m:
                continue
            rows.append(TaskRow(index=" ".join(text_of(tds[0]).split()), task_id=m.group(1),
                                title=" ".join(text_of(link).split()) if link is not None else "",
                                time_limit_ms=time_limit_ms(text_of(tds[2])),
                                memory_limit_mb=memory_limit_mb(text_of(tds[3]))))
    if not rows:
        return Rejected(slug, "no task rows in the tasks page (layout changed, not started, or login required)")
    duration = int((end - start).total_seconds()) if start and end else None
    contest = ContestRecord(platform=PLATFORM, slug=slug, title=_contest_title(root), start_time=start,
                            duration_s=duration, problem_slugs=[r.task_id for r in rows], source=PLATFORM)
    return ContestTasks(contest=contest, end_time=end, tasks=rows)


def _own_text(node: Element) -> str:
    # span.h2 holds "A - Title" followed by an <a>Editorial</a> child to leave out.
    return " ".join("".join(str(c) for c in node.contents if is_text(c)).split())


def _samples(statement: Element) -> dict[tuple[str, int], str]:
    """``Sample Input N``/``Sample Output N`` headings and the first ``<pre>``
    after each, whether it is a sibling (``h3+pre``) or nested (``h3+section>pre``)."""
    found: dict[tuple[str, int], str] = {}
    pending: tuple[str, int] | None = None
    heads = TextHeads(statement)  # a heading's text without reading each nested heading in full
    for el in iter_elements(statement):
        if el.name in ("h3", "h4"):
            m = _SAMPLE.match(heads.whole(el) or "")
            pending = None
            if m:
                kind = (m.group(1) or m.group(2)).lower()
                pending = ("input" if kind in ("input", "入力") else "output", int(m.group(3)))
        elif el.name == "pre" and pending is not None:
            found.setdefault(pending, sample_text(text_of(el)))
            pending = None
    return found


def parse_task_page(html: str, contest_slug: str, task_id: str, index: str | None = None,
                    release_time: datetime | None = None) -> Parsed:
    """A task page (``?lang=en``) into a record, or a Rejected saying what is missing."""
    root = parse_html(html)
    task = find(root, id="task-statement")
    if task is None:
        return Rejected(task_id, "no #task-statement in the page (layout changed, login required or not a task page)")
    # Pages before span.lang existed carry one language only: use the whole statement then.
    statement = find(task, "span", "lang-en") or task
    heading = find(root, "span", "h2")
    shown = _own_text(heading) if heading is not None else ""
    m = re.match(r"^(\S+)\s+-\s+(.*)$", shown)
    title = m.group(2) if m else shown
    index = index or (m.group(1) if m else None)
    page_text = " ".join(text_of(p) for p in find_all(root, "p"))
    tl, ml = _TL.search(page_text), _ML.search(page_text)
    if not title or tl is None or ml is None:
        return Rejected(task_id, "task page lacks the title or the Time Limit / Memory Limit line")
    samples = _samples(statement)
    numbers = sorted({n for _, n in samples})
    if not numbers:
        return Rejected(task_id, "no Sample Input/Output sections in the statement (layout changed?)")
    unpaired = [n for n in numbers if ("input", n) not in samples or ("output", n) not in samples]
    if unpaired:
        return Rejected(task_id, f"sample {unpaired[0]} has an input without an output or vice versa")
    start, _ = _window(root)
    statement_html = inner_html(statement).strip()
    return ProblemRecord(
        platform=PLATFORM, slug=task_id, title=title, source=PLATFORM, contest_slug=contest_slug,
        contest_index=index, release_time=release_time or start, statement_html=statement_html,
        statement_text=html_to_text(statement_html), kind="stdin",
        examples=[Example(samples[("input", n)], samples[("output", n)]) for n in numbers],
        time_limit_ms=time_limit_ms(tl.group(0)), memory_limit_mb=memory_limit_mb(ml.group(0)))


class AtCoderScraper:
    """Fetches through a :class:`PoliteClient`; ``base_url`` points at a mirror or a test server."""

    def __init__(self, client: PoliteClient, base_url: str = "https://atcoder.jp", max_pages: int = 200) -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.max_pages = max_pages
        self._contests: dict[str, ContestTasks] = {}

    def contests(self, since: datetime | date | None = None,
                 until: datetime | date | None = None) -> list[ContestRecord]:
        """Archived contests starting in [since, until), oldest first (no task lists: see :meth:`contest`)."""
        lo = utc(since)
        found: list[ContestRecord] = []
        page, last = 1, 1
        while page <= min(last, self.max_pages):
            html = self.client.get_text(f"{self.base_url}/contests/archive", params={"lang": "en", "page": str(page)})
            rows = parse_archive(html)
            if not rows:
                break
            found.extend(r for r in rows if in_window(r.start_time, since, until))
            # The archive is newest first: once a page reaches back before
            # `since`, later pages are older still.
            if lo is not None and min(r.start_time for r in rows if r.start_time) < lo:
                break
            last = max(last, last_archive_page(html))
            page += 1
        return sorted(found, key=lambda r: (r.start_time or datetime.min.replace(tzinfo=timezone.utc), r.slug))

    def contest(self, slug: str) -> ContestTasks | Rejected:
        if slug not in self._contests:
            html = self.client.get_text(f"{self.base_url}/contests/{slug}/tasks", params={"lang": "en"})
            parsed = parse_tasks(html, slug)
            if isinstance(parsed, Rejected):
                return parsed
            self._contests[slug] = parsed
        return self._contests[slug]

    def problem(self, contest_slug: str, task_id: str) -> Parsed:
        """One task; its release time is the contest start (the tasks page's,
        else the one in the task page's own nav bar)."""
        try:
            contest: ContestTasks | Rejected | None = self.contest(contest_slug)
        except ScrapeError:  # the task page's own nav bar still gives the contest window
            contest = None
        row: TaskRow | None = None
        start: datetime | None = None
        if isinstance(contest, ContestTasks):
            start = contest.contest.start_time
            row = next((t for t in contest.tasks if t.task_id == task_id), None)
        html = self.client.get_text(f"{self.base_url}/contests/{contest_slug}/tasks/{task_id}", params={"lang": "en"})
        return parse_task_page(html, contest_slug, task_id, row.index if row else None, start)

    def problems(self, contest_slug: str) -> list[Parsed]:
        contest = self.contest(contest_slug)
        if isinstance(contest, Rejected):
            return [contest]
        out: list[Parsed] = []
        for t in contest.tasks:
            try:
                out.append(self.problem(contest_slug, t.task_id))
            except ScrapeError as exc:  # one unreachable task costs one problem, not the contest
                out.append(Rejected(t.task_id, f"task page unreachable: {exc}"))
        return out

