"""doocs/leetcode problem folders (``README_EN.md``) → :class:`ProblemRecord`.

A doocs README is YAML-ish front matter, a ``# [id. Title](url)`` heading, the
LeetCode statement HTML between ``description`` markers, and reference
solutions as fenced blocks.  Structure the file must have (front matter,
heading, statement) is checked and a malformed README becomes one
:class:`Rejected`; parts it may lack (references, a parseable example) are
simply left out, so one odd example never costs the whole problem.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Iterator

from .literals import LiteralError, parse_assignments, parse_value, to_wire
from .record import Example, Parsed, ProblemRecord, ReferenceCode, Rejected
from .signature import merge_metadata, metadata_from_cpp, metadata_from_java, metadata_from_python
from .statement import RawExample, extract_examples, html_to_text

README = "README_EN.md"

_LANGS = {"python": "python3", "python3": "python3", "py": "python3", "cpp": "cpp", "c++": "cpp",
          "java": "java", "go": "go", "golang": "go", "rust": "rust", "rs": "rust",
          "js": "javascript", "javascript": "javascript", "ts": "typescript", "typescript": "typescript"}
_HEADING = re.compile(r"^#\s+\[\s*([^\].\s][^\].]*?)\.\s+(.+)\]\((https?://leetcode\.(?:com|cn)/problems/([\w-]+)/?)\)\s*$", re.M)
_SOURCE = re.compile(r"^(Weekly|Biweekly)\s+Contest\s+(\d+)\s+(Q\d+)$", re.I)
_DESC = re.compile(r"<!--\s*description:start\s*-->(.*?)<!--\s*description:end\s*-->", re.S)


class _Malformed(ValueError):
    """The README lacks structure every doocs problem page has."""


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A minimal reader for doocs' front matter: ``key: value`` and ``key:``
    followed by ``- item`` lines.  Anything else is malformed."""
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        raise _Malformed("no front matter (file does not start with ---)")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise _Malformed("front matter is not closed by ---") from None
    meta: dict[str, Any] = {}
    key: str | None = None
    for n, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^\s*-\s+(.*)$", line)
        if item:
            if key is None or not isinstance(meta.get(key), list):
                raise _Malformed(f"front matter line {n}: list item without a list key")
            meta[key].append(_unquote(item.group(1)))
            continue
        kv = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if not kv:
            raise _Malformed(f"front matter line {n}: not 'key: value': {line.strip()[:40]!r}")
        key = kv.group(1)
        meta[key] = _unquote(kv.group(2)) if kv.group(2).strip() else []
    return meta, "\n".join(lines[end + 1:])


def _unquote(value: str) -> str:
    v = value.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        return v[1:-1]
    return v


def _contest(source: Any) -> tuple[str | None, str | None]:
    m = _SOURCE.match(source.strip()) if isinstance(source, str) else None
    if not m:
        return None, None
    return f"{m.group(1).lower()}-contest-{int(m.group(2))}", m.group(3).upper()


def _rating(value: Any) -> float | None:
    try:
        r = float(value)
    except (TypeError, ValueError):
        return None
    return r if r > 0 else None


def _fences(text: str) -> list[tuple[str, str]]:
    """(language, code) of every fenced block, read line by line so a ``` inside
    a string literal mid-line does not end the block."""
    out: list[tuple[str, str]] = []
    lang: str | None = None
    body: list[str] = []
    for line in text.split("\n"):
        if lang is None:
            m = re.match(r"^\s*```\s*([\w+#-]*)\s*$", line)
            if m:
                lang, body = m.group(1).lower(), []
        elif line.strip() == "```":
            out.append((lang, "\n".join(body)))
            lang = None
        else:
            body.append(line)
    return out


def _references(solutions: str) -> list[ReferenceCode]:
    refs: list[ReferenceCode] = []
    seen: dict[str, int] = {}
    for lang, code in _fences(solutions):
        if not code.strip() or not lang:
            continue  # doocs leaves empty blocks where no solution was published
        language = _LANGS.get(lang, lang)
        seen[language] = seen.get(language, 0) + 1
        name = "doocs" if seen[language] == 1 else f"doocs-{seen[language]}"
        refs.append(ReferenceCode(language=language, code=code.strip("\n") + "\n", origin="doocs", name=name))
    return refs


def _derive_metadata(refs: list[ReferenceCode]) -> dict[str, Any] | None:
    def first(lang: str, fn, name: str | None = None) -> dict[str, Any] | None:
        for r in refs:
            if r.language == lang:
                doc = fn(r.code, name) if name else fn(r.code)
                if doc:
                    return doc
        return None

    py = first("python3", metadata_from_python)
    name = py.get("name") if py else None
    java = first("java", metadata_from_java, name)
    cpp = first("cpp", metadata_from_cpp, name)
    return merge_metadata(py, java, cpp)


def _wire_example(raw: RawExample, metadata: dict[str, Any] | None) -> Example | None:
    """An example in wire format, or None when its text does not parse or does
    not fit the signature."""
    try:
        output = parse_value(raw.output_text)
        if metadata and "classname" in metadata:
            lines = [ln for ln in raw.input_text.split("\n") if ln.strip()]
            if len(lines) != 2:
                return None
            calls, args = parse_value(lines[0]), parse_value(lines[1])
            if not (isinstance(calls, list) and isinstance(args, list) and len(calls) == len(args)):
                return None
            values = [calls, args]
        else:
            given = parse_assignments(raw.input_text.replace("\n", " "))
            names = [p["name"] for p in metadata["params"]] if metadata else list(given)
            if set(names) == set(given):
                values = [given[n] for n in names]
            elif len(names) == len(given):
                # The reference renamed a parameter; statements list them in signature order.
                values = list(given.values())
            else:
                return None
    except (LiteralError, ValueError):
        return None
    return Example(input=to_wire(values), output=to_wire([output]), explanation=raw.explanation)


def _parse(folder: Path) -> ProblemRecord:
    try:
        text = (folder / README).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _Malformed(f"cannot read {README}: {exc.__class__.__name__}") from None
    meta, body = _front_matter(text)
    heading = _HEADING.search(body)
    if not heading:
        raise _Malformed("no '# [id. Title](https://leetcode.com/problems/slug)' heading")
    desc = _DESC.search(body)
    if not desc or not desc.group(1).strip():
        raise _Malformed("no statement between description:start and description:end")
    statement = desc.group(1).strip()
    contest_slug, contest_index = _contest(meta.get("source"))
    refs = _references(body[desc.end():])
    metadata = _derive_metadata(refs)
    examples = [ex for raw in extract_examples(statement) if (ex := _wire_example(raw, metadata))]
    tags = meta.get("tags")
    difficulty = meta.get("difficulty")
    return ProblemRecord(
        platform="leetcode",
        slug=heading.group(4),
        title=heading.group(2).strip(),
        source="doocs",
        frontend_id=heading.group(1).strip(),
        contest_slug=contest_slug,
        contest_index=contest_index,
        release_time=None,  # the contest schedule knows it, the README does not
        difficulty=difficulty if isinstance(difficulty, str) and difficulty else None,
        rating=_rating(meta.get("rating")),
        statement_html=statement,
        statement_text=html_to_text(statement),
        kind="design" if metadata and "classname" in metadata else "function",
        metadata=metadata,
        examples=examples,
        references=refs,
        tags=[t for t in tags if t] if isinstance(tags, list) else [],
    )


def parse_problem_dir(path: str | os.PathLike[str]) -> Parsed:
    """One doocs problem folder → a record, or a :class:`Rejected` saying why not."""
    folder = Path(path)
    try:
        return _parse(folder)
    except _Malformed as exc:
        return Rejected(where=str(folder), reason=str(exc))
    except Exception as exc:  # noqa: BLE001 — one odd README must not stop an import of thousands
        return Rejected(where=str(folder), reason=f"unexpected {exc.__class__.__name__}: {str(exc)[:120]}")


def _problem_dirs(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if README in filenames:
            found.append(Path(dirpath))
    # solution/README_EN.md is doocs' index page: a folder holding problem
    # folders is a collection, not a problem.
    keep = set(found)
    for d in found:
        for parent in d.parents:
            keep.discard(parent)
    return sorted(keep)


def parse_tree(root: str | os.PathLike[str]) -> Iterator[Parsed]:
    """Every problem folder under ``root`` (a folder of problem folders, or a
    doocs clone's ``solution/`` tree of ``NNNN-NNNN/NNNN.Title/`` buckets)."""
    base = Path(root)
    if not base.is_dir():
        yield Rejected(where=str(base), reason="not a directory")
        return
    for folder in _problem_dirs(base):
        yield parse_problem_dir(folder)
