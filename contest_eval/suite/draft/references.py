"""References for a drafted recipe, each labelled with where it comes from.

Sources: a local doocs clone (or a folder of per-problem solution folders),
references already in the store (imports), accepted contest submissions
(``contest_eval.scrape.submissions``), our hand-written ones, and model
outputs.  Model outputs are *candidates*: they take part in the agreement
like any reference but never make up the two independent references a suite
needs on their own.

Independence: two references are independent when they differ in author,
or, from the same author, in language (a Python and a C++ program are
separate implementations, though not separate ideas; the report says so).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contest_eval.languages import LANGUAGES, load_language
from contest_eval.problems.doocs import README, parse_problem_dir
from contest_eval.problems.record import ProblemRecord

_EXT = {load_language(lang).extension: lang for lang in LANGUAGES}
# doocs' per-problem solution files (Solution.py, Solution2.cpp, …).
_SOLUTION = re.compile(r"^Solution(\d*)\.(\w+)$")


@dataclass
class RefSource:
    origin: str  # doocs, store:<origin>, codeforces, hand, model:<name>
    author: str  # who wrote it: the independence key
    language: str  # judge language
    code: str
    name: str  # short label, unique within the problem
    candidate: bool = False  # a model's output: never counts toward independence
    stored: bool = False  # already in the store: `suite build` judges it from there, no file is written

    @property
    def label(self) -> str:
        return f"{self.origin}:{self.name}.{self.language}" + (" (candidate)" if self.candidate else "")

    @property
    def digest(self) -> str:
        return hashlib.sha256(" ".join(self.code.split()).encode()).hexdigest()


def independent(refs: list[RefSource]) -> int:
    """How many independent references there are, candidates aside (see the module doc)."""
    return len({(r.author, r.language) for r in refs if not r.candidate})


def enough(refs: list[RefSource], need: int = 2) -> str | None:
    """Why these references cannot decide a suite yet, or None when they can."""
    real = [r for r in refs if not r.candidate]
    if not real:
        return "no reference (model outputs are only candidates)"
    count = independent(refs) + (1 if any(r.candidate for r in refs) else 0)
    if count < need:
        have = ", ".join(sorted({r.label for r in refs})) or "none"
        return f"fewer than {need} independent references (have: {have})"
    return None


def _from_record(record: ProblemRecord, origin: str) -> list[RefSource]:
    return [RefSource(origin, origin, r.language, r.code, r.name) for r in record.references if r.language in LANGUAGES]


_CLONE_INDEX: dict[Path, dict[str, Path]] = {}


def _clone_index(root: Path) -> dict[str, Path]:
    """slug -> problem folder, for a doocs clone's ``solution/NNNN-NNNN/NNNN.Title/`` tree
    (read once per clone: the slug is in each README's heading link)."""
    if root not in _CLONE_INDEX:
        index: dict[str, Path] = {}
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            if README in filenames:
                with open(Path(dirpath) / README, encoding="utf-8", errors="replace") as fh:
                    head = fh.read(4000)
                m = re.search(r"\]\(https?://leetcode\.(?:com|cn)/problems/([\w-]+)/?\)", head)
                if m:
                    index.setdefault(m.group(1), Path(dirpath))
        _CLONE_INDEX[root] = index
    return _CLONE_INDEX[root]


def from_doocs(doocs_dir: Path, slug: str) -> list[RefSource]:
    """doocs references for ``slug``: ``<dir>/<slug>/`` with ``README_EN.md`` or
    ``Solution*.ext`` files, or a clone's ``solution/`` tree."""
    folder = doocs_dir / slug
    if not folder.is_dir():
        folder = _clone_index(doocs_dir).get(slug, folder)
    if not folder.is_dir():
        return []
    refs: list[RefSource] = []
    if (folder / README).is_file():
        record = parse_problem_dir(folder)
        if isinstance(record, ProblemRecord):
            refs = _from_record(record, "doocs")
    if not refs:
        for path in sorted(folder.iterdir()):
            m = _SOLUTION.match(path.name)
            if m and _EXT.get(m.group(2)) and path.stat().st_size < 200_000:
                code = path.read_text(encoding="utf-8", errors="replace")
                refs.append(RefSource("doocs", "doocs", _EXT[m.group(2)], code, f"doocs{m.group(1)}"))
    return refs


def from_store(problem: object) -> list[RefSource]:
    """References the store already has for this problem (``suite build`` adds them itself)."""
    out = []
    for ref in getattr(problem, "references", []) or []:
        if ref.language in LANGUAGES and ref.origin != "suite":
            out.append(RefSource(f"store:{ref.origin}", ref.origin, ref.language, ref.code, f"{ref.name}-{ref.id}",
                                 stored=True))
    return out


def from_submissions(subs: list[Any]) -> list[RefSource]:
    """Accepted contest submissions (``scrape.submissions.AcceptedSubmission``: read by
    attribute, so this layer does not import the scrapers); each author is independent."""
    return [RefSource(s.platform, f"{s.platform}:{s.author}", s.language, s.code, f"{s.author}-{s.submission_id}")
            for s in subs if s.code and s.language in LANGUAGES]


def candidates(outputs: list[tuple[str, str, str]]) -> list[RefSource]:
    """A registered model's programs ``(model name, language, code)``: candidates only."""
    return [RefSource(f"model:{m}", f"model:{m}", lang, code, f"{m}-{i}", candidate=True)
            for i, (m, lang, code) in enumerate(outputs) if lang in LANGUAGES]


def merge(*groups: list[RefSource]) -> list[RefSource]:
    """All references, the same code (whitespace aside) kept once: a stored copy wins."""
    by_digest: dict[str, RefSource] = {}
    for ref in sorted((r for g in groups for r in g), key=lambda r: not r.stored):
        by_digest.setdefault(ref.digest, ref)
    names: set[str] = set()
    out = []
    for ref in by_digest.values():
        base = re.sub(r"[^\w-]+", "-", f"{ref.origin}_{ref.name}").strip("-")
        name, n = base, 2
        while name in names:
            name, n = f"{base}-{n}", n + 1
        names.add(name)
        ref.name = name if not ref.stored else ref.name
        out.append(ref)
    return out


def only_languages(refs: list[RefSource], languages: tuple[str, ...] | None) -> list[RefSource]:
    return refs if not languages else [r for r in refs if r.language in languages]
