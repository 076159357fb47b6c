"""Drafted suites versus the hand-written ones, on the 36 problems of 2026-04-25..05-31.

For every problem of ``suites/leetcode-2026-04-25_2026-05-31``:

1. the problem (statement, metaData, examples, time and memory limits) goes into a fresh
   SQLite store from its recipe folder — the recipe's ``gen.py`` is never used;
2. ``draft_recipe`` drafts a recipe from the statement's constraints, with doocs references
   (``--doocs``, default ``../shared/data/leetcode/problems``).  Where doocs has fewer than two
   independent references, the hand-written references (``ref.*``) stand in for doocs; those
   problems are flagged ``hand-refs`` and their reference figure is not an independent check;
3. ``contest-eval suite build`` builds the drafted recipe with the real Docker judge;
4. every hand-written ``wrong/*`` solution and every hand-written reference is judged against
   the drafted suite (fail-fast, real limits).

Printed: problems whose constraints parsed fully (target >= 30/36), the share of wrong
solutions the drafted suites reject (target >= 90 %), and every hand-written reference they
reject (target 0).  ``--problem`` picks a subset; ``--json`` prints the per-problem rows.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from contest_eval.db.catalog import find_problem, latest_suite, upsert_contest, upsert_problem  # noqa: E402
from contest_eval.db.engine import session_scope  # noqa: E402
from contest_eval.db.specs import spec_for  # noqa: E402
from contest_eval.judge.engine import Judge  # noqa: E402
from contest_eval.problems.record import ContestRecord, Example, ProblemRecord  # noqa: E402
from contest_eval.problems.statement import html_to_text  # noqa: E402
from contest_eval.suite.builder import validate_problem  # noqa: E402
from contest_eval.suite.draft import DraftError, RefSource, draft_recipe  # noqa: E402
from contest_eval.suite.draft.references import enough, from_doocs, only_languages  # noqa: E402
from contest_eval.suite.recipe import ProblemRecipe, load_suite  # noqa: E402

SUITE = ROOT / "suites" / "leetcode-2026-04-25_2026-05-31"
DEFAULT_DOOCS = ROOT.parent / "shared" / "data" / "leetcode" / "problems"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def store_problem(db: str, recipe: ProblemRecipe) -> None:
    """The problem as a scrape would store it: statement, metaData, examples, limits."""
    record = ProblemRecord(platform="leetcode", slug=recipe.slug, title=recipe.title, source="benchmark",
                           contest_slug=recipe.contest, contest_index=recipe.index, difficulty=recipe.difficulty,
                           release_time=recipe.release_time, statement_text=html_to_text(recipe.statement),
                           statement_html=recipe.statement, kind=recipe.kind, metadata=recipe.metadata,
                           examples=[Example(e["input"], e["output"]) for e in recipe.examples])
    with session_scope(db) as session:
        upsert_problem(session, record)
        if recipe.contest and recipe.release_time:
            upsert_contest(session, ContestRecord("leetcode", recipe.contest, start_time=recipe.release_time, source="benchmark"))
        row = find_problem(session, recipe.slug, "leetcode")
        assert row is not None
        row.time_limit_ms, row.memory_limit_mb = recipe.time_limit_ms, recipe.memory_limit_mb


def hand_refs(recipe: ProblemRecipe) -> list[RefSource]:
    return [RefSource("hand", "hand", s.language, s.code, s.path.stem) for s in recipe.references]


def one(db: str, out: Path, recipe: ProblemRecipe, doocs: Path, languages: tuple[str, ...], judge: Judge,
        workers: int) -> dict[str, Any]:
    row: dict[str, Any] = {"slug": recipe.slug}
    store_problem(db, recipe)
    doocs_refs = only_languages(from_doocs(doocs, recipe.slug), languages)
    extra = hand_refs(recipe) if enough(doocs_refs) else []
    row["hand_refs_used"] = bool(extra)
    with session_scope(db) as session:
        problem = find_problem(session, recipe.slug, "leetcode")
        try:
            drafted = draft_recipe(session, problem, out, doocs, extra, languages=languages)
        except DraftError as exc:
            return {**row, "parsed_fully": False, "error": str(exc)}
    row.update(parsed_fully=not drafted.unparsed, unparsed=drafted.unparsed, references=drafted.references,
               generated=drafted.tests, dropped=drafted.dropped, waiting=drafted.waiting)
    if drafted.recipe_dir is None:
        return row
    t0 = time.monotonic()
    built = subprocess.run([str(Path(sys.executable).parent / "contest-eval"), "--db", db, "suite", "build", str(out),
                            "-p", recipe.slug, "--workers", str(workers), "--json"], capture_output=True, text=True, cwd=ROOT)
    try:
        result = json.loads(built.stdout)["problems"][0]
    except (ValueError, KeyError, IndexError):
        return {**row, "built": False, "build_error": (built.stderr or built.stdout).strip()[-300:]}
    row.update(built=result["status"] != "failed", tests=result["tests"], build_problems=result["problems"][:5],
               build_s=round(time.monotonic() - t0, 1))
    if not row["built"]:
        return row
    with session_scope(db) as session:
        problem = find_problem(session, recipe.slug, "leetcode")
        spec = spec_for(problem, latest_suite(session, problem.id))
    strength = validate_problem(judge, recipe, spec, recipe.references, workers)
    row.update(hand_references=strength.references_ok, wrong=strength.wrong)
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--doocs", type=Path, default=DEFAULT_DOOCS, help="doocs problem folders (slug/README_EN.md)")
    ap.add_argument("--problem", "-p", action="append", default=[], help="only these slugs (repeatable)")
    ap.add_argument("--languages", default="python3,cpp", help="reference languages used to build (comma-separated)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--work", type=Path, default=None, help="keep the store and drafted recipes here")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--save", type=Path, default=None, help="write the per-problem rows here (JSON)")
    ap.add_argument("--report", type=Path, nargs="+", default=None,
                    help="print the figures over saved --save files (runs split with --problem) instead of running")
    args = ap.parse_args()
    if args.report:
        rows = [r for path in args.report for r in json.loads(path.read_text())]
        report(rows, len(rows), Path(", ".join(map(str, args.report))))
        return 0
    if not args.doocs.is_dir():
        print(f"error: doocs folder {args.doocs} not found (pass --doocs)", file=sys.stderr)
        return 2
    _, recipes = load_suite(SUITE)
    recipes = [r for r in recipes if not args.problem or r.slug in args.problem]
    work = args.work or Path(tempfile.mkdtemp(prefix="ce-draft-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db, out = f"sqlite:///{work / 'bench.db'}", work / "drafted"
    judge = Judge()
    rows = []
    for recipe in recipes:
        t0 = time.monotonic()
        row = one(db, out, recipe, args.doocs, tuple(args.languages.split(",")), judge, args.workers)
        row["seconds"] = round(time.monotonic() - t0, 1)
        rows.append(row)
        if args.save:
            args.save.write_text(json.dumps(rows, indent=1))
        wrong = row.get("wrong", {})
        log(f"{recipe.slug}: parsed={row.get('parsed_fully')} built={row.get('built')} tests={row.get('tests')} "
            f"wrong rejected {sum(v != 'AC' for v in wrong.values())}/{len(wrong)} refs={row.get('hand_references')} "
            f"{'(hand refs used) ' if row.get('hand_refs_used') else ''}{row.get('waiting') or ''} {row.get('build_problems') or ''}"
            f" {row['seconds']}s")
    report(rows, len(recipes), work)
    if args.json:
        print(json.dumps(rows, indent=1))
    return 0


def report(rows: list[dict[str, Any]], total: int, work: Path) -> None:
    parsed = sum(bool(r.get("parsed_fully")) for r in rows)
    built = [r for r in rows if r.get("built")]
    wrong = [(r["slug"], n, v) for r in built for n, v in r["wrong"].items()]
    rejected = sum(v != "AC" for _, _, v in wrong)
    bad_refs = [(r["slug"], n, v, r["hand_refs_used"]) for r in built for n, v in r["hand_references"].items() if v != "AC"]
    print(f"problems: {total}; work folder: {work}")
    print(f"1. constraints parsed fully: {parsed}/{total} (target >= 30/36)")
    for r in rows:
        if not r.get("parsed_fully"):
            print(f"     {r['slug']}: {r.get('error') or '; '.join(r.get('unparsed', []))[:300]}")
    print(f"   drafted suites built: {len(built)}/{total}")
    for r in rows:
        if r.get("parsed_fully") and not r.get("built"):
            print(f"     {r['slug']}: not built: {r.get('waiting') or r.get('build_error') or r.get('build_problems')}")
    share = rejected / len(wrong) if wrong else 0.0
    print(f"2. hand-written wrong solutions rejected by the drafted suites: {rejected}/{len(wrong)} = {share:.1%} (target >= 90%)")
    for slug, name, v in wrong:
        if v == "AC":
            print(f"     accepted: {slug}/wrong/{name}")
    print(f"3. hand-written references rejected: {len(bad_refs)} (target 0)")
    for slug, name, v, used in bad_refs:
        print(f"     {slug}/{name}: {v}{' (it was one of the references the suite was built from)' if used else ''}")
    independent = sum(not r.get("hand_refs_used") for r in built)
    print(f"   suites built from doocs references only: {independent}; with hand-written references standing in for doocs: "
          f"{len(built) - independent}")


if __name__ == "__main__":
    sys.exit(main())
