"""One new problem's suite, built from its recipe (hand-written or drafted) and stored.

The step `weekly` takes for every new problem: keep the stored suite, or find
the problem's recipe folder (``<recipes>/<slug>/``, else a draft written by
``suite draft``), generate inputs, judge every reference (the recipe's and the
imported ones) and store the tests they agree on.  A problem that cannot be
built yet says why, so a scheduler can retry later.

A draft takes references from the store and doocs, plus whatever the caller's
``FetchReferences`` finds for the problem (``weekly``: the contest's accepted
submissions, ``run/weekly_refs.py``); the store module does no network I/O itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from contest_eval.db.catalog import latest_suite
from contest_eval.db.models import Problem


@dataclass(frozen=True)
class ProblemKey:
    """What identifies a problem on its platform (read from the store before any I/O)."""

    platform: str
    slug: str
    contest: str | None
    index: str | None

    @classmethod
    def of(cls, problem: Problem) -> "ProblemKey":
        return cls(problem.platform, problem.slug, problem.contest.slug if problem.contest is not None else None,
                   problem.contest_index)


# More references for a problem's draft, and what could not be read ("what: why").
FetchReferences = Callable[[ProblemKey], tuple[list[Any], list[str]]]


@dataclass
class SuiteOutcome:
    status: str  # ready (had one) | built | waiting | skipped (never judgeable)
    why: str = ""


def recipe_folder(slug: str, recipes: tuple[Path, ...]) -> Path | None:
    return next((d / slug for d in recipes if (d / slug / "problem.toml").is_file()), None)


def stored_solutions(problem: Problem, tmp: Path) -> list[Any]:
    """Imported references in judge languages, as files the builder can judge (``suite build`` and ``weekly``)."""
    from contest_eval.languages import LANGUAGES
    from contest_eval.suite.recipe import Solution

    out = []
    for ref in problem.references:
        if ref.language in LANGUAGES and ref.origin != "suite":  # a recipe's own are judged from its files
            path = tmp / f"{ref.origin}-{ref.name}-{ref.id}.src"
            path.write_text(ref.code, encoding="utf-8")
            out.append(Solution(path, ref.language, f"{ref.origin}:{ref.name}.{ref.language}"))
    return out


def keep_references(session: Session, problem: Problem, recipe: Any) -> None:
    """A recipe's references go into the store too: the ``reference`` pseudo-model submits them."""
    from contest_eval.db.models import Reference

    for sol in recipe.references:
        row = session.scalar(select(Reference).where(Reference.problem_id == problem.id, Reference.language == sol.language,
                                                     Reference.origin == "suite", Reference.name == sol.name))
        if row is None:
            session.add(Reference(problem_id=problem.id, language=sol.language, origin="suite", name=sol.name, code=sol.code))
        elif row.code != sol.code:
            row.code = sol.code


def _draft(factory: sessionmaker[Session], problem_id: int, drafts: Path, doocs: Path | None,
           extra: list[Any], skipped: list[str]) -> tuple[Path | None, str]:
    """A recipe drafted from the statement and the references there are (``suite draft``)."""
    from contest_eval.suite.draft import DraftError, draft_recipe

    with factory() as s:
        problem = s.get(Problem, problem_id)
        assert problem is not None
        list(problem.references)
        try:
            result = draft_recipe(s, problem, drafts, doocs, extra)
        except DraftError as exc:
            return None, f"cannot be drafted: {exc}"
    if result.recipe_dir is None:
        unread = f"; skipped: {'; '.join(skipped[:3])}" if skipped else ""
        return None, f"draft in {result.draft_dir} waits: {result.waiting}{unread}"
    return result.recipe_dir, ""


def prepare_suite(factory: sessionmaker[Session], problem_id: int, recipes: tuple[Path, ...], drafts: Path | None,
                  doocs: Path | None, get_judge: Callable[[], Any], log: Callable[[str], None], workers: int,
                  fetch_references: FetchReferences | None = None) -> SuiteOutcome:
    """A suite for one new problem: the stored one, or one built from its recipe now.
    ``fetch_references`` is asked only when the problem is drafted."""
    import tempfile

    from contest_eval.db.models import Suite, SuiteTest
    from contest_eval.suite.builder import TestCase, build_problem
    from contest_eval.suite.recipe import RecipeError, load_problem_recipe

    with factory() as s:
        problem = s.get(Problem, problem_id)
        assert problem is not None
        slug = problem.slug
        key = ProblemKey.of(problem)
        if latest_suite(s, problem_id) is not None:
            return SuiteOutcome("ready")
        if problem.paid_only or not problem.statement_text:
            return SuiteOutcome("skipped", "no public statement (paid-only or not published)")
        if problem.kind != "stdin" and not problem.meta:
            return SuiteOutcome("skipped", "no metaData: the judge cannot call the solution")
    folder = recipe_folder(slug, recipes)
    if folder is None:
        if drafts is None:
            return SuiteOutcome("waiting", "no recipe: no generator and no references yet (add <recipes>/"
                                           f"{slug}/ with problem.toml, gen.py and ref.*, or drop --no-drafts)")
        # Drafted afresh each time (a draft keeps files edited by hand): references may have arrived.
        extra, skipped = fetch_references(key) if fetch_references is not None else ([], [])
        folder, why = _draft(factory, problem_id, drafts, doocs, extra, skipped)
        if folder is None:
            return SuiteOutcome("waiting", why)
    try:
        recipe = load_problem_recipe(folder)
        inputs = recipe.generate()
    except (RecipeError, AssertionError, ValueError, TypeError, OSError) as exc:
        return SuiteOutcome("waiting", f"generator failed: {' '.join(str(exc).split())[:200]}")
    with factory() as s, s.begin(), tempfile.TemporaryDirectory(prefix="ce-refs-") as tmp:
        row = s.get(Problem, problem_id)
        assert row is not None
        refs = recipe.references + stored_solutions(row, Path(tmp))
        if not refs:
            return SuiteOutcome("waiting", "no reference solution yet (a recipe ref.* or imported references)")
        cases = [TestCase(e["input"], "example", e["output"]) for e in (row.examples or [])]
        cases += [TestCase(i, "generated") for i in inputs]
        built = build_problem(get_judge(), recipe, cases, refs, log, workers)
        if not built.ok:
            return SuiteOutcome("waiting", "references do not agree: " + "; ".join(built.problems[:3]))
        row.kind = recipe.kind
        row.meta = recipe.metadata or row.meta
        keep_references(s, row, recipe)
        suite = Suite(problem_id=row.id, version=1, content_hash=built.content_hash, compare=recipe.compare,
                      origin=f"suite:{folder.parent.name}",
                      info={"time_limit_ms": recipe.time_limit_ms, "memory_limit_mb": recipe.memory_limit_mb,
                            "references": built.references, "seed": recipe.seed, "weekly": True})
        suite.tests = [SuiteTest(ordinal=i, input=a, output=b, origin=o) for i, (a, b, o) in enumerate(built.tests)]
        s.add(suite)
        row.time_limit_ms, row.memory_limit_mb = recipe.time_limit_ms, recipe.memory_limit_mb
    log(f"suite built for {slug}: {len(built.tests)} tests")
    return SuiteOutcome("built")
