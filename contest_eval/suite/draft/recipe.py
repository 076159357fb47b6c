"""Draft a recipe folder for one problem: problem.toml, gen.py, references.

The folder is exactly what ``suite build`` reads (``suites/README.md``).  A
draft that cannot be built yet — a constraint was not understood, or there are
fewer than two independent references — is written with ``problem.toml.draft``
instead of ``problem.toml``, so ``suite build`` skips it until someone (or a
later draft with more references) finishes it; ``waiting`` says why.

Files we wrote carry :data:`MARK` in their first line; a file without it was
written or edited by hand and is never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from contest_eval.languages import load_language
from contest_eval.problems.answers import comparison_for
from contest_eval.problems.metadata import MetadataError, parse_metadata
from contest_eval.problems.statement import html_to_text
from contest_eval.suite.draft.constraints import StatementError, parse_constraints
from contest_eval.suite.draft.generator import generate
from contest_eval.suite.draft.model import Model
from contest_eval.suite.draft.references import RefSource, enough

MARK = "drafted by contest-eval suite draft"
DEFAULT_TIME_LIMIT_MS = 2000  # LeetCode does not publish limits; the recipe can be edited
MIN_TESTS = 30


@dataclass
class DraftInput:
    """What drafting needs to know about a problem (from the store or a recipe)."""

    platform: str
    slug: str
    title: str
    kind: str
    metadata: dict[str, Any] | None
    statement_html: str
    examples: list[dict[str, str]] = field(default_factory=list)
    contest: str | None = None
    index: str | None = None
    difficulty: str | None = None
    release_time: datetime | None = None
    time_limit_ms: int | None = None
    memory_limit_mb: int | None = None
    source: str = ""
    statement_text: str = ""  # a stdin problem stored without HTML (imports) is drafted from its text

    @classmethod
    def from_problem(cls, problem: Any) -> "DraftInput":
        contest = getattr(problem, "contest", None)
        return cls(platform=problem.platform, slug=problem.slug, title=problem.title or problem.slug,
                   kind=problem.kind or "function", metadata=problem.meta, statement_html=problem.statement_html or "",
                   examples=[{"input": e["input"], "output": e["output"]} for e in (problem.examples or [])
                             if isinstance(e, dict) and isinstance(e.get("input"), str) and isinstance(e.get("output"), str)],
                   contest=contest.slug if contest is not None else None, index=problem.contest_index,
                   difficulty=problem.difficulty, release_time=problem.release_time,
                   time_limit_ms=problem.time_limit_ms, memory_limit_mb=problem.memory_limit_mb,
                   source=f"store: problem {problem.platform}/{problem.slug} (source {problem.source or 'unknown'})",
                   statement_text=getattr(problem, "statement_text", None) or "")


@dataclass
class DraftResult:
    recipe_dir: Path | None  # a folder `suite build` accepts, or None while waiting
    parsed: list[str]
    unparsed: list[str]  # constraint lines not understood, each with why
    references: list[str]  # origin labels of every reference that takes part
    waiting: str | None  # why it cannot be built yet
    draft_dir: Path | None = None  # where the files are (also while waiting)
    tests: int = 0  # generated inputs kept
    dropped: int = 0  # generated inputs that broke a constraint and were dropped

    def as_dict(self) -> dict[str, Any]:
        return {"recipe_dir": str(self.recipe_dir) if self.recipe_dir else None, "draft_dir": str(self.draft_dir) if self.draft_dir else None,
                "parsed": self.parsed, "unparsed": self.unparsed, "references": self.references, "waiting": self.waiting,
                "tests": self.tests, "dropped": self.dropped}


class DraftError(ValueError):
    """The problem cannot be drafted at all (one line, nothing written)."""


def _mine(path: Path) -> bool:
    """True when the file is absent or was written by a draft (so it may be rewritten)."""
    if not path.exists():
        return True
    with open(path, encoding="utf-8", errors="replace") as fh:
        return MARK in fh.readline()


def _write(path: Path, text: str) -> bool:
    if not _mine(path):
        return False
    path.write_text(text, encoding="utf-8")
    return True


def _toml(value: Any) -> str:
    # JSON strings, integers and arrays are valid TOML values (\uXXXX escapes included).
    return json.dumps(value, ensure_ascii=False)


def problem_toml(d: DraftInput, compare: str, seed: int, notes: list[str], self_contained: bool) -> str:
    """The recipe's problem.toml.  ``self_contained`` adds title, statement, dates and examples, which
    makes the recipe the problem's source of truth (``suite build`` then rewrites the stored problem);
    a draft of a stored problem leaves them out, so the store stays the source."""
    lines = [f"# {MARK}: edit freely (then delete this line so a new draft leaves the file alone)"]
    if self_contained:
        for key, value in (("title", d.title), ("contest", d.contest), ("index", d.index), ("difficulty", d.difficulty),
                           ("release_time", d.release_time.isoformat() if d.release_time else None)):
            if value:
                lines.append(f"{key} = {_toml(value)}")
        lines += [f"source = {_toml(d.source or 'drafted')}",
                  f"licence = {_toml('statement as given; original problem (c) ' + d.platform)}",
                  f"statement = {_toml(d.statement_html)}"]
    lines.append(f"kind = {_toml(d.kind)}")
    if d.kind != "stdin":  # a stdin problem has no metaData: its input is text
        lines.append(f"metadata = {_toml(json.dumps(d.metadata, separators=(',', ':')))}")
    lines += [f"compare = {_toml(compare)}",
              f"time_limit_ms = {d.time_limit_ms or DEFAULT_TIME_LIMIT_MS}", f"memory_limit_mb = {d.memory_limit_mb or 256}",
              f"seed = {seed}", f"min_tests = {MIN_TESTS}"]
    lines += [f"# {n}" for n in notes]
    for ex in d.examples if self_contained else []:
        lines += ["", "[[examples]]", f"input = {_toml(ex['input'])}", f"output = {_toml(ex['output'])}"]
    return "\n".join(lines) + "\n"


def gen_py(model: Model) -> str:
    """A generator that rebuilds the parsed model and samples from it (library code does the work)."""
    return (f"# {MARK}: generated from the statement's constraints (see draft.json)\n"
            "import random\n\n"
            "from contest_eval.suite.draft.generator import generate as _generate\n"
            "from contest_eval.suite.draft.model import Model\n\n"
            f"MODEL = Model.from_json({json.dumps(model.to_json())})\n\n\n"
            "def generate(rng: random.Random) -> list[dict]:\n"
            "    return _generate(MODEL, rng).cases\n")


def gen_stub(model: Model) -> str:
    """The fallback: a generator to write by hand, with what was and was not understood."""
    lines = [f"# {MARK}: STUB - some constraints were not understood; write generate() by hand,",
             "# then delete this line, and rename problem.toml.draft to problem.toml.", "#",
             "# Not understood:"] + [f"#   {u}" for u in model.unparsed] + ["#", "# Understood:"]
    lines += [f"#   {p}" for p in model.parsed]
    lines += ["import random", "", "", "def generate(rng: random.Random) -> list[dict]:",
              "    raise ValueError(\"gen.py is a stub: some constraints could not be parsed; write it by hand\")", ""]
    return "\n".join(lines)


def draft_problem(d: DraftInput, out_dir: Path, refs: list[RefSource], self_contained: bool = True) -> DraftResult:
    """Write ``out_dir/<slug>/`` for one problem.  Raises DraftError (nothing written) when
    the problem cannot be drafted at all: not a function or stdin problem, no metaData, no
    constraints (stdin: no Input section)."""
    if d.kind == "stdin":
        from contest_eval.suite.draft.stdin_recipe import draft_stdin  # it builds on this module's writers

        return draft_stdin(d, out_dir, refs, self_contained)
    if d.kind != "function":
        raise DraftError(f"{d.slug}: only function and stdin problems can be drafted (this one is {d.kind})")
    try:
        meta = parse_metadata(d.metadata)
    except MetadataError as exc:
        raise DraftError(f"{d.slug}: metaData: {exc}") from None
    try:
        model = parse_constraints(d.statement_html, d.metadata or {})
    except StatementError as exc:
        raise DraftError(f"{d.slug}: {exc}") from None
    comparison = comparison_for(html_to_text(d.statement_html), str(getattr(meta, "returns", "")))
    seed = draft_seed(d.slug)
    tests, dropped, reasons = sample_inputs(generate, model, seed, "constraint(s)")
    if comparison.compare is None:
        reasons.append(f"answers are not unique ({comparison.flag}): needs a custom checker")
    text = problem_toml(d, comparison.compare or "exact", seed, [f"reference: {r.label}" for r in refs], self_contained)
    return write_draft(d, out_dir, refs, text, gen_stub(model) if model.unparsed else gen_py(model),
                       Outcome(model.parsed, model.unparsed, reasons, tests, dropped))


def sample_inputs(sampler: Any, model: Any, seed: int, what: str) -> tuple[int, int, list[str]]:
    """(inputs kept, inputs dropped, why the draft waits) for a parsed model; a model with
    unparsed parts is not sampled: its gen.py is a stub."""
    if model.unparsed:
        return 0, 0, [f"{len(model.unparsed)} {what} not understood: gen.py is a stub to write by hand"]
    made = sampler(model, random.Random(seed))
    tests = len(made.cases)
    short = [f"only {tests} valid inputs could be generated ({'; '.join(made.reasons[:3])})"] if tests < MIN_TESTS else []
    return tests, made.dropped, short


def draft_seed(slug: str) -> int:
    return int(hashlib.sha256(slug.encode()).hexdigest()[:8], 16)


@dataclass
class Outcome:
    """What drafting found, whatever the problem's kind."""

    parsed: list[str]
    unparsed: list[str]
    reasons: list[str]  # why it cannot be built yet (references are added by write_draft)
    tests: int = 0
    dropped: int = 0


def write_draft(d: DraftInput, out_dir: Path, refs: list[RefSource], toml_text: str, gen_text: str,
                found: Outcome) -> DraftResult:
    """Write the folder: problem.toml (or .draft while waiting), gen.py, reference files, draft.json."""
    reasons = list(found.reasons)
    why_refs = enough(refs)
    if why_refs:
        reasons.append(why_refs)
    folder = out_dir / d.slug
    folder.mkdir(parents=True, exist_ok=True)
    if not (out_dir / "suite.toml").exists():
        (out_dir / "suite.toml").write_text(
            f"# {MARK}\nname = {_toml(out_dir.name)}\nplatform = {_toml(d.platform)}\n"
            f"description = {_toml('Suites drafted from statements and collected references')}\n", encoding="utf-8")
    ready, draft = folder / "problem.toml", folder / "problem.toml.draft"
    hand_made = ready.exists() and not _mine(ready)
    if not hand_made:
        if reasons:
            _write(draft, toml_text)
            if ready.exists():
                ready.unlink()  # a draft of ours that can no longer be built must not be
        else:
            _write(ready, toml_text)
            if draft.exists() and _mine(draft):
                draft.unlink()
    _write(folder / "gen.py", gen_text)
    for ref in refs:
        if not ref.stored:
            ext = load_language(ref.language).extension
            _write(folder / f"ref_{ref.name}.{ext}", ref.code)  # a reference keeps its bytes: no mark line
    (folder / "draft.json").write_text(json.dumps(
        {"mark": MARK, "parsed": found.parsed, "unparsed": found.unparsed, "references": [r.label for r in refs],
         "waiting": "; ".join(reasons) or None, "tests": found.tests, "dropped": found.dropped}, indent=1), encoding="utf-8")
    buildable = hand_made or not reasons
    return DraftResult(folder if buildable else None, found.parsed, found.unparsed, [r.label for r in refs],
                       None if hand_made else ("; ".join(reasons) or None), folder, found.tests, found.dropped)
