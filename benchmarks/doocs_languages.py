"""doocs' references in every language, judged against LeetCodeDataset's imported tests.

1. ``contest-eval import leetcodedataset FILE`` into a SQLite store (a subprocess, as a user runs
   it; ``--db PATH`` reuses a store that already holds the import);
2. a sample of the problems that doocs solved (``--sample N --seed S``), and for each language in
   ``--lang`` doocs' ``Solution.<ext>`` judged by the real Docker judge against the stored suite,
   exactly as ``judge submit --problem`` would (same spec, same limits);
3. ``--meta stored`` judges with the stored metaData (what the import inferred from Python);
   ``--meta richest`` (default) first refines it with doocs' own Java and C++ signatures, as
   ``import doocs`` does, and records the sources in ``metadata.source``.

Every non-accepted judgement is put in one category: ``multi-answer (not judged)`` (the import
stored no suite), ``revision mismatch`` (the reference's own signature and the stored one are
different signatures: LeetCode revised the problem after one source captured it), ``every
language fails`` (the tests, not the language: each judged language fails the problem), ``CE: …``
by cause, ``WA``, ``RE``, ``TLE``, ``MLE`` and ``IE``.  The CE causes name the harness gap when there
is one (types inferred from Python, a missing library, the compiler).

Usage: ``python benchmarks/doocs_languages.py [--sample 120] [--seed 1] [--lang cpp,java,go,python3]
[--workers 2] [--batch 24] [--db store.db] [--meta richest|stored] [--out results.jsonl] [--json]``.  Needs Docker and
the judge images; the doocs data is ``../shared/data/doocs-solutions`` by default.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared/data"
DEFAULT_DATA = SHARED / "doocs-solutions"
DEFAULT_FILE = SHARED / "leetcodedataset/LeetCodeDataset-v0.2.0-train.jsonl.gz"
EXT = {"python3": "py", "cpp": "cpp", "java": "java", "go": "go"}
TARGET = 0.97

# First matching pattern names a compile error's cause.  Order matters: the
# specific harness gaps come before the generic type errors.
_CE_CAUSES = [
    ("CE: compiler unimplemented (g++ 'sorry, unimplemented')", r"sorry, unimplemented"),
    ("CE: internal compiler error", r"(?i)internal compiler error|segmentation fault|submit a (full )?bug report"),
    ("CE: missing library (gods)", r"undefined: (treemap|redblacktree|treeset|priorityqueue|arraylist|hashset|linkedhashmap|arraystack|utils)\b|emirpasic"),
    ("CE: parameter/return type (metaData inferred from Python)",
     r"cannot use .* as .* value in (argument|return)|no matching (member )?function|no viable conversion|"
     r"cannot convert|cannot be applied to given types|incompatible types|invalid initialization of|"
     r"could not convert|no known conversion|cannot initialize"),
    ("CE: undefined name", r"undefined: |cannot find symbol|was not declared|use of undeclared identifier"),
]


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("contest-eval")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "contest_eval.cli.app"]
    return subprocess.run([*cmd, "--db", str(db), *args], capture_output=True, text=True, check=False)


def ce_cause(text: str) -> str:
    for name, pattern in _CE_CAUSES:
        if re.search(pattern, text):
            return name
    return "CE: other"


def own_signature(lang: str, code: str, name: str | None) -> dict[str, Any] | None:
    from contest_eval.problems.signature import metadata_from_code

    return metadata_from_code(lang, code, name)


def richest(stored: dict[str, Any], folder: Path, name: str | None) -> dict[str, Any]:
    """The stored signature refined by doocs' Java and C++ declarations (long, char)."""
    from contest_eval.problems.signature import merge_metadata

    others = []
    for lang in ("java", "cpp"):
        path = folder / f"Solution.{EXT[lang]}"
        if path.exists():
            others.append(own_signature(lang, path.read_text(encoding="utf-8"), name))
    return merge_metadata(stored, *others) or stored


def focus(db: Path, data: Path, slugs: list[str]) -> list[str]:
    """The problems where a harness gap can show: doocs' Java/C++ signature refines the
    stored one (long, char), the two disagree (a revision), or the Go reference uses gods."""
    from sqlalchemy import select

    from contest_eval.db.engine import session_scope
    from contest_eval.db.models import Problem
    from contest_eval.problems.metadata import signature_disagreement

    def types(doc: dict[str, Any]) -> str:
        return json.dumps([doc.get("params"), doc.get("return"), doc.get("methods"), doc.get("constructor")])

    with session_scope(str(db)) as session:
        metas = {slug: meta for slug, meta in session.execute(select(Problem.slug, Problem.meta)) if meta}
    out = []
    for slug in slugs:
        stored = metas.get(slug)
        if stored is None:
            continue
        go = data / slug / "Solution.go"
        gods = go.exists() and re.search(r"\b(treemap|redblacktree|priorityqueue|arraystack|hashset|treeset)\.", go.read_text(encoding="utf-8"))
        refined = types(richest(stored, data / slug, stored.get("name"))) != types(stored)
        revised = any(
            (own := own_signature(lang, (data / slug / f"Solution.{EXT[lang]}").read_text(encoding="utf-8"), stored.get("name")))
            and signature_disagreement(stored, own)
            for lang in ("cpp", "java", "go") if (data / slug / f"Solution.{EXT[lang]}").exists())
        if gods or refined or revised:
            out.append(slug)
    return out


def load_jobs(db: Path, data: Path, slugs: list[str], langs: list[str], meta_mode: str) -> tuple[list[dict[str, Any]], dict[str, str]]:
    from contest_eval.db.catalog import find_problem, latest_suite
    from contest_eval.db.engine import session_scope
    from contest_eval.db.specs import spec_for
    from contest_eval.problems.metadata import parse_metadata, signature_disagreement

    jobs: list[dict[str, Any]] = []
    skipped: dict[str, str] = {}
    with session_scope(str(db)) as session:
        for slug in slugs:
            p = find_problem(session, slug, "leetcode")
            suite = latest_suite(session, p.id) if p is not None else None
            if p is None or suite is None:
                skipped[slug] = "not imported" if p is None else "multi-answer (not judged)"
                continue
            spec = spec_for(p, suite)
            stored = dict(p.meta or {})
            name = stored.get("name")
            doc = richest(stored, data / slug, name) if meta_mode == "richest" else stored
            spec = dataclasses.replace(spec, metadata=parse_metadata(doc), raw_metadata=doc)
            for lang in langs:
                path = data / slug / f"Solution.{EXT[lang]}"
                if not path.exists():
                    continue
                code = path.read_text(encoding="utf-8")
                own = own_signature(lang, code, name)
                revision = signature_disagreement(doc, own) if own is not None else None
                jobs.append({"slug": slug, "lang": lang, "spec": spec, "code": code, "revision": revision,
                             "source": doc.get("source", "leetcode"), "compare": suite.compare})
    return jobs, skipped


def _row(job: dict[str, Any], result: Any) -> dict[str, Any]:
    bad = next((t for t in result.tests if t.verdict.value != "AC"), None)
    text = (result.compile_output or result.message or (bad.message if bad is not None else "") or "").strip()
    row = {k: job[k] for k in ("slug", "lang", "revision", "source", "compare")}
    row.update(verdict=result.verdict.value, tests=len(job["spec"].tests), message=text[-600:],
               cause=ce_cause(text) if result.verdict.value == "CE" else None)
    return row


def judge_all(jobs: list[dict[str, Any]], workers: int, out: Path | None, batch: int = 1) -> list[dict[str, Any]]:
    """Every job judged; ``batch`` > 1 sends that many references (one language) per container
    through ``Judge.judge_trusted`` (doocs' references are trusted code), else one container each."""
    from contest_eval.judge.engine import Judge, Options

    judge = Judge()
    done = 0
    sink = open(out, "a", encoding="utf-8") if out else None
    started = time.monotonic()

    def chunk(group: list[dict[str, Any]]) -> list[dict[str, Any]]:
        nonlocal done
        if batch > 1:
            results = judge.judge_trusted([(j["spec"], j["lang"], j["code"], Options(fail_fast=True)) for j in group])
        else:
            results = [judge.judge(j["spec"], j["lang"], j["code"], Options(fail_fast=True)) for j in group]
        rows = [_row(j, r) for j, r in zip(group, results)]
        for row in rows:
            done += 1
            line = row["message"].splitlines()[0][:120] if row["verdict"] != "AC" and row["message"] else ""
            print(f"  [{done}/{len(jobs)} {time.monotonic() - started:.0f}s] {row['lang']} {row['slug']}: {row['verdict']} {line}",
                  file=sys.stderr, flush=True)
            if sink:
                sink.write(json.dumps(row) + "\n")
                sink.flush()
        return rows

    size = max(1, batch)
    # Problems in a seeded random order, each with all its languages: a run stopped early has
    # judged a random sample in every language (re-report it with --results).
    order = sorted({j["slug"] for j in jobs})
    random.Random(len(order)).shuffle(order)
    rank = {slug: i for i, slug in enumerate(order)}
    ordered = sorted(jobs, key=lambda j: rank[j["slug"]])
    groups = [ordered[i:i + size] for i in range(0, len(ordered), size)]
    with ThreadPoolExecutor(workers) as pool:
        rows = [row for part in pool.map(chunk, groups) for row in part]
    if sink:
        sink.close()
    return rows


def categorise(rows: list[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    """lang -> category -> ["slug: why"] for every non-accepted judgement."""
    failed_langs: dict[str, set[str]] = defaultdict(set)
    judged_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        judged_langs[r["slug"]].add(r["lang"])
        if r["verdict"] != "AC":
            failed_langs[r["slug"]].add(r["lang"])
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        if r["verdict"] == "AC":
            continue
        lines = [ln for ln in r["message"].strip().splitlines() if ln.strip() and not ln.startswith("#")] or [""]
        why = next((ln for ln in lines if re.search(r"(?i)error|cannot|undefined|exception", ln)), lines[0]).strip()[:160]
        if r["revision"]:
            cat, why = "revision mismatch", r["revision"]
        elif r["verdict"] == "CE":
            cat = r.get("cause") or ce_cause(r["message"])  # a compile error is never the tests' fault
        elif len(judged_langs[r["slug"]]) > 1 and failed_langs[r["slug"]] == judged_langs[r["slug"]]:
            cat = f"every language fails ({r['verdict']}; the tests or the comparison {r['compare']})"
        else:
            cat = r["verdict"]
        out[r["lang"]][cat].append(f"{r['slug']}: {why}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="doocs-solutions folder (slug/Solution.<ext>)")
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE, help="LeetCodeDataset jsonl(.gz) to import")
    ap.add_argument("--db", type=Path, default=None, help="store holding the import (created when missing)")
    ap.add_argument("--sample", type=int, default=0, help="problems to judge, chosen with --seed; 0 = all")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lang", default="python3,cpp,java,go", help="comma-separated languages")
    ap.add_argument("--meta", choices=("richest", "stored"), default="richest")
    ap.add_argument("--focus", action="store_true",
                    help="only problems where doocs' Java/C++ types refine the stored ones, signatures disagree, or Go uses gods")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=1,
                    help="references per container through Judge.judge_trusted (1: a fresh container each, as a model's output)")
    ap.add_argument("--out", type=Path, default=None, help="append one JSON line per judgement here")
    ap.add_argument("--results", type=Path, default=None, help="report on a saved --out file instead of judging")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.results:
        rows = [json.loads(line) for line in args.results.read_text(encoding="utf-8").splitlines() if line.strip()]
        return report(rows, sorted({r["slug"] for r in rows}), sorted({r["lang"] for r in rows}, key=list(EXT).index),
                      {}, args, 0.0)
    langs = [x.strip() for x in args.lang.split(",") if x.strip()]
    if bad := [x for x in langs if x not in EXT]:
        print(f"unknown language(s) {bad}; choose from {', '.join(EXT)}", file=sys.stderr)
        return 2
    for path in (args.data, args.file):
        if not path.exists():
            print(f"{path} does not exist", file=sys.stderr)
            return 2
    tmpdir = tempfile.TemporaryDirectory(prefix="doocs-bench-")
    db = args.db or Path(tmpdir.name) / "store.db"
    if not db.exists():
        t0 = time.monotonic()
        imp = _cli(db, "import", "leetcodedataset", str(args.file), "--json")
        if imp.returncode != 0:
            print(f"import failed ({imp.returncode}): {imp.stderr.strip()[-400:]}", file=sys.stderr)
            return 1
        print(f"imported {args.file.name} in {time.monotonic() - t0:.0f}s into {db}", file=sys.stderr)
    slugs = sorted(p.name for p in args.data.iterdir() if p.is_dir())
    if args.focus:
        slugs = focus(db, args.data, slugs)
        print(f"--focus: {len(slugs)} problems where types are refined, signatures disagree or gods is used", file=sys.stderr)
    chosen = sorted(random.Random(args.seed).sample(slugs, args.sample)) if 0 < args.sample < len(slugs) else slugs
    jobs, skipped = load_jobs(db, args.data, chosen, langs, args.meta)
    print(f"{len(chosen)} problems (seed {args.seed}), {len(jobs)} judgements, {len(skipped)} without a suite; "
          f"{args.workers} workers, metaData {args.meta}", file=sys.stderr)
    t0 = time.monotonic()
    rows = judge_all(jobs, args.workers, args.out, args.batch)
    code = report(rows, chosen, langs, skipped, args, time.monotonic() - t0)
    tmpdir.cleanup()
    return code


def report(rows: list[dict[str, Any]], chosen: list[str], langs: list[str], skipped: dict[str, str],
           args: argparse.Namespace, wall: float) -> int:
    cats = categorise(rows)
    report: dict[str, Any] = {"problems": len(chosen), "seed": args.seed, "meta": args.meta, "wall_s": round(wall, 1),
                              "skipped": dict(Counter(skipped.values())), "languages": {}}
    for lang in langs:
        mine = [r for r in rows if r["lang"] == lang]
        ok = sum(r["verdict"] == "AC" for r in mine)
        explained = sum(len(v) for k, v in cats[lang].items() if k == "revision mismatch" or k.startswith("every language"))
        report["languages"][lang] = {
            "accepted": ok, "judged": len(mine), "acceptance": round(ok / max(1, len(mine)), 4),
            "acceptance_excluding_revisions_and_tests": round(ok / max(1, len(mine) - explained), 4),
            "verdicts": dict(Counter(r["verdict"] for r in mine)),
            "failures": {k: v for k, v in sorted(cats[lang].items())}}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        how = f"results of {args.results}" if args.results else f"seed {args.seed}, metaData {args.meta}, {wall:.0f}s wall"
        print(f"{len(chosen)} problems, {how}, "
              f"not judged: {report['skipped'] or 'none'}")
        print(f"{'language':10}{'accepted':>14}{'rate':>9}{'excl. revisions/tests':>24}")
        for lang, r in report["languages"].items():
            frac = f"{r['accepted']}/{r['judged']}"
            print(f"{lang:10}{frac:>14}{r['acceptance']:>9.1%}"
                  f"{r['acceptance_excluding_revisions_and_tests']:>24.1%}  "
                  f"{'PASS' if r['acceptance_excluding_revisions_and_tests'] >= TARGET else 'FAIL'} (target {TARGET:.0%})")
        for lang, r in report["languages"].items():
            for cat, items in r["failures"].items():
                print(f"{lang} · {cat}: {len(items)}")
                for it in items:
                    print(f"    {it}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
