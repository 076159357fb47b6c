"""LeetCodeDataset references through the whole user path, next to a fresh-process baseline.

1. ``contest-eval import leetcodedataset FILE`` into a new SQLite store (a subprocess, as a user runs it);
2. every stored problem's reference ``completion`` judged against its own imported suite in the
   Docker judge (python3), ``--workers`` at a time.  References are trusted code, so they go through
   ``Judge.judge_trusted``: ``--batch`` of them per container, in sequence, each its own child with
   its own limits (``--batch 1``: one fresh container each, as a model's submission is judged);
3. baseline: each reference with the dataset's own prelude (``prompt``) and ``check()`` (``test``)
   in a fresh, unsandboxed ``python3`` process, the same number at a time.

Prints the acceptance, every non-accepted problem by category, and both wall times.  Categories:
``rejected at import`` (the line could not be read as a problem), ``multi-answer`` (not judged:
the statement admits several answers), ``hash-order dependent`` (a WA whose reference passes its
own ``check()`` under some ``PYTHONHASHSEED`` values and fails under others: its output follows set
order, the judge pins one seed), ``upstream error`` (the baseline fails too: the dataset's reference
does not pass its own tests), and ``harness gap`` (the baseline passes, our judge does not).

Usage: ``python benchmarks/leetcodedataset_references.py [FILE] [--sample N] [--workers 2] [--batch N] [--json]``;
needs Docker and the python3 judge image.  ``--sample N`` judges every k-th problem so that about N
are judged (documented in the output); the default is all of them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from contest_eval.judge.engine import BATCH_SIZE  # noqa: E402

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared/data/leetcodedataset/LeetCodeDataset-v0.2.0-train.jsonl.gz"
BASELINE_TIMEOUT_S = 60
TARGET_ACCEPTED = 0.99
TARGET_RATIO = 3.0
HASH_SEEDS = 8  # seeds tried on a non-accepted problem to tell hash-order dependence


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("contest-eval")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "contest_eval.cli.app"]
    return subprocess.run([*cmd, "--db", str(db), *args], capture_output=True, text=True, check=False)


def _records(path: Path) -> dict[str, dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    out: dict[str, dict[str, Any]] = {}
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                if isinstance(obj, dict) and isinstance(obj.get("task_id"), str):
                    out[obj["task_id"]] = {**obj, "_line": f"line {n}"}
    return out


def _baseline_one(rec: dict[str, Any], tmp: Path, hash_seed: int | None = None) -> tuple[str, bool, str]:
    """The dataset's own way: prelude + completion + check(entry_point), one fresh process."""
    script = f"{rec.get('prompt', '')}\n{rec['completion']}\n\n{rec['test']}\n\ncheck({rec['entry_point']})\n"
    path = tmp / f"{rec['task_id']}.py"
    path.write_text(script, encoding="utf-8")
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)} if hash_seed is not None else None
    try:
        proc = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=BASELINE_TIMEOUT_S,
                              check=False, env=env)
    except subprocess.TimeoutExpired:
        return rec["task_id"], False, f"timeout after {BASELINE_TIMEOUT_S}s"
    tail = (proc.stderr.strip().splitlines() or [""])[-1]
    return rec["task_id"], proc.returncode == 0, tail[:160]


def run_baseline(records: list[dict[str, Any]], workers: int) -> tuple[dict[str, tuple[bool, str]], float]:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lcd-baseline-") as tmp, ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda r: _baseline_one(r, Path(tmp)), records))
    return {slug: (ok, why) for slug, ok, why in results}, time.monotonic() - started


def seed_dependent(rec: dict[str, Any], seeds: range = range(HASH_SEEDS)) -> bool:
    """Does the reference pass its own check() under some string-hash seeds and fail under others?
    Then its output follows set/dict order (the judge pins one seed, as ``PYTHONHASHSEED=0``)."""
    with tempfile.TemporaryDirectory(prefix="lcd-seed-") as tmp:
        return len({_baseline_one(rec, Path(tmp), seed)[1] for seed in seeds}) > 1


def run_judge(db: Path, slugs: list[str], workers: int, progress: bool, batch: int) -> tuple[dict[str, dict[str, Any]], float]:
    """Judge each stored reference against the problem's stored suite; ``batch`` trusted
    references per container (``judge_trusted``), or one fresh container each when ``batch`` is 1."""
    from contest_eval.db.catalog import find_problem, latest_suite
    from contest_eval.db.engine import session_scope
    from contest_eval.db.specs import spec_for
    from contest_eval.judge.engine import Judge, JudgeResult, Options

    jobs = []
    with session_scope(str(db)) as session:
        for slug in slugs:
            p = find_problem(session, slug, "leetcode")
            suite = latest_suite(session, p.id) if p is not None else None
            ref = next((r.code for r in p.references if r.language == "python3"), None) if p is not None else None
            if p is None or suite is None or ref is None:
                continue
            jobs.append((slug, spec_for(p, suite), ref, suite.compare))
    judge = Judge()
    done = 0

    def row(job: tuple[str, Any, str, str], result: JudgeResult) -> tuple[str, dict[str, Any]]:
        nonlocal done
        slug, spec, _, compare = job
        bad = next((t for t in result.tests if t.verdict.value != "AC"), None)
        done += 1
        text = (result.message or (bad.message if bad is not None else "") or result.compile_output).strip()
        # The last line of a traceback names the error; the rest is the harness's frames.
        out = {"verdict": result.verdict.value, "compare": compare, "tests": len(spec.tests),
               "message": (text.splitlines() or [""])[-1][:200]}
        if progress:
            # One line per verdict on stderr: an interrupted run still leaves its results.
            print(f"  [{done}/{len(jobs)}] {slug}: {json.dumps(out)}", file=sys.stderr, flush=True)
        return slug, out

    def chunk(part: list[tuple[str, Any, str, str]]) -> list[tuple[str, dict[str, Any]]]:
        if batch <= 1:
            return [row(job, judge.judge(job[1], "python3", job[2], Options(fail_fast=True))) for job in part]
        results = judge.judge_trusted([(spec, "python3", code, Options(fail_fast=True)) for _, spec, code, _ in part],
                                      batch_size=batch)
        return [row(job, result) for job, result in zip(part, results)]

    size = max(1, batch)
    started = time.monotonic()
    with ThreadPoolExecutor(workers) as pool:
        verdicts = dict(r for rows in pool.map(chunk, [jobs[i:i + size] for i in range(0, len(jobs), size)]) for r in rows)
    return verdicts, time.monotonic() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--sample", type=int, default=0, help="judge about this many problems (every k-th); 0 = all")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=BATCH_SIZE,
                    help=f"trusted references judged per container (default {BATCH_SIZE}); 1 = a fresh container each")
    ap.add_argument("--db", type=Path, default=None, help="store to create (default: a temporary file)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.file.exists():
        print(f"{args.file} does not exist", file=sys.stderr)
        return 2
    tmpdir = tempfile.TemporaryDirectory(prefix="lcd-bench-")
    db = args.db or Path(tmpdir.name) / "store.db"
    if db.exists():
        print(f"{db} exists; the benchmark needs a fresh store", file=sys.stderr)
        return 2

    load_before = os.getloadavg()
    t0 = time.monotonic()
    imp = _cli(db, "import", "leetcodedataset", str(args.file), "--json")
    import_s = time.monotonic() - t0
    if imp.returncode != 0:
        print(f"import failed ({imp.returncode}): {imp.stderr.strip()[-400:]}", file=sys.stderr)
        return 1
    summary = json.loads(imp.stdout)
    records = _records(args.file)
    every = max(1, len(records) // args.sample) if args.sample else 1
    chosen = sorted(records)[::every]
    print(f"imported {len(records)} problems in {import_s:.1f}s; judging {len(chosen)} "
          f"({'all' if every == 1 else f'every {every}th'}) with {args.workers} workers, {args.batch} per container; "
          f"load {load_before[0]:.1f}", file=sys.stderr)

    rejected = {r["where"]: r["reason"] for r in summary["rejected"]}
    not_judged = {r["slug"]: r["reason"] for r in summary["not_judged"]}
    load_judge = os.getloadavg()
    verdicts, judge_s = run_judge(db, [s for s in chosen if s not in not_judged], args.workers, True, args.batch)
    load_base = os.getloadavg()
    print(f"judged in {judge_s:.1f}s; baseline next (load {load_base[0]:.1f})", file=sys.stderr)
    base, base_s = run_baseline([records[s] for s in chosen], args.workers)
    load_after = os.getloadavg()

    categories: dict[str, list[dict[str, str]]] = {}

    def add(cat: str, slug: str, why: str) -> None:
        categories.setdefault(cat, []).append({"slug": slug, "why": why})

    for slug in chosen:
        v = verdicts.get(slug)
        if v is not None and v["verdict"] == "AC":
            continue
        if slug in not_judged:
            add("multi-answer (not judged)", slug, not_judged[slug])
        elif v is None:
            add("rejected at import", slug, rejected.get(records[slug]["_line"], "no suite stored"))
        elif v["verdict"] == "WA" and seed_dependent(records[slug]):
            add("hash-order dependent (the reference passes under some PYTHONHASHSEED values only)", slug,
                f"{v['verdict']} ({v['compare']}): {v['message']} | baseline: {'pass' if base[slug][0] else base[slug][1]}")
        elif not base[slug][0]:
            add("upstream error (baseline fails too)", slug, f"{v['verdict']}: {v['message']} | baseline: {base[slug][1]}")
        else:
            add("harness gap (baseline passes)", slug, f"{v['verdict']} ({v['compare']}): {v['message']}")
    record_lines = {r["_line"] for r in records.values()}
    for where, why in rejected.items():
        if where not in record_lines:  # a line that is not even a record (bad JSON)
            add("rejected at import", where, why)
    accepted = sum(v["verdict"] == "AC" for v in verdicts.values())
    base_ok = sum(ok for ok, _ in base.values())
    report = {
        "file": str(args.file), "problems": len(records), "chosen": len(chosen), "sample_every": every,
        "import_s": round(import_s, 1), "import": {k: summary[k] for k in ("new", "skipped", "suites", "tests_stored", "tests_flagged",
                                                                        "flagged_by_reason", "compare")},
        "ours": {"accepted": accepted, "judged": len(verdicts), "of_chosen": len(chosen), "wall_s": round(judge_s, 1),
                 "verdicts": dict(Counter(v["verdict"] for v in verdicts.values()))},
        "baseline": {"passed": base_ok, "of": len(base), "wall_s": round(base_s, 1),
                     "failures": {slug: why for slug, (ok, why) in base.items() if not ok}},
        "ratio": round(judge_s / base_s, 2) if base_s else None,
        "categories": categories, "batch": args.batch, "workers": args.workers,
        # Other jobs on the machine move both wall times: the 1-minute load at each phase's start and at the end.
        "load_avg": {"import": load_before[0], "judge": load_judge[0], "baseline": load_base[0], "end": load_after[0]},
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{'':34}{'ours (Docker judge)':>22}{'baseline (fresh python3)':>28}")
        print(f"{'accepted / judged':34}{f'{accepted}/{len(verdicts)}':>22}{f'{base_ok}/{len(base)}':>28}")
        print(f"{'accepted / all chosen':34}{f'{accepted}/{len(chosen)} ({accepted / max(1, len(chosen)):.1%})':>22}"
              f"{f'{base_ok / max(1, len(base)):.1%}':>28}")
        print(f"{'wall (s)':34}{judge_s:>22.1f}{base_s:>28.1f}")
        ratio = judge_s / base_s if base_s else float("inf")
        print(f"ratio {ratio:.2f}x (target <= {TARGET_RATIO}x: {'PASS' if ratio <= TARGET_RATIO else 'FAIL'}); "
              f"acceptance of judged {accepted / max(1, len(verdicts)):.2%} (target >= {TARGET_ACCEPTED:.0%}: "
              f"{'PASS' if accepted >= TARGET_ACCEPTED * len(verdicts) else 'FAIL'})")
        print(f"batch {args.batch} per container, {args.workers} workers; 1-minute load average at import "
              f"{load_before[0]:.1f}, judge {load_judge[0]:.1f}, baseline {load_base[0]:.1f}, end {load_after[0]:.1f}")
        print(f"import: {summary['new']} new, {summary['skipped']} skipped, suites {summary['suites']}, "
              f"{summary['tests_stored']} tests, {summary['tests_flagged']} flagged {summary['flagged_by_reason']}, compare {summary['compare']}")
        failed = {slug: why for slug, (ok, why) in base.items() if not ok}
        print(f"baseline failures: {len(failed)}")
        for slug, why in failed.items():
            print(f"  {slug}: {why}" + (" (not judged by us: multi-answer)" if slug in not_judged else ""))
        for cat, items in categories.items():
            print(f"{cat}: {len(items)}")
            for it in items:
                print(f"  {it['slug']}: {it['why']}")
    tmpdir.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
