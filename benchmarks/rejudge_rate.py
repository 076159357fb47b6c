"""How often a verdict lands near its time limit and is re-judged, on the real 36-problem suite.

The user's path, through the CLI on a fresh SQLite store: `suite build` of
suites/leetcode-2026-04-25_2026-05-31 (skipped with --db on a store that already
has the suites), the `reference` pseudo-model registered, then `run --backend
reference` with --rollouts attempts of every problem. Prints, from the stored
submissions, how many were re-judged (CPU time between 0.9x and 1.5x the limit),
the CPU times seen on each, and whether the load average moved during the run.

Usage: ``python benchmarks/rejudge_rate.py [--db PATH] [--rollouts 4] [--json]``
(needs Docker and the python3 judge image).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "suites" / "leetcode-2026-04-25_2026-05-31"


def _cli(db: Path, *args: str) -> str:
    cmd = [str(Path(sys.executable).with_name("contest-eval")), "--db", str(db), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        raise SystemExit(f"{' '.join(args[:2])} failed ({proc.returncode}): " + " | ".join(tail))
    return proc.stdout


def measure(db: Path, rollouts: int, build: bool) -> dict[str, Any]:
    from contest_eval.db.engine import open_store
    from contest_eval.db.models import Generation, Submission

    load_before = os.getloadavg()
    started = time.monotonic()
    if build:
        print(f"building {SUITE.name} (all 36 problems) ...", file=sys.stderr)
        _cli(db, "suite", "build", str(SUITE))
    _cli(db, "models", "add", "reference", "--hf-id", "reference", "--cutoff", "2020-01-01")
    print(f"reference run: 36 problems x {rollouts} rollouts ...", file=sys.stderr)
    out = json.loads(_cli(db, "run", "--model", "reference", "--backend", "reference", "--platform", "leetcode",
                          "--rollouts", str(rollouts), "--include-seen", "--json"))
    _, factory = open_store(str(db))
    with factory() as s:
        subs = s.execute(select(Submission).join(Generation).where(Generation.run_id == out["run"])).scalars().all()
        rows = [{"verdict": x.verdict, "rejudged": x.rejudged, "cpu_ms_seen": x.cpu_ms_seen} for x in subs]
    again = [r for r in rows if r["rejudged"]]
    return {"run": out["run"], "submissions": len(rows), "rejudged": len(again),
            "rate": round(len(again) / len(rows), 4) if rows else 0.0,
            "accepted": sum(r["verdict"] == "AC" for r in rows),
            "rejudged_detail": again, "seconds": round(time.monotonic() - started, 1),
            "load_before": [round(x, 1) for x in load_before], "load_after": [round(x, 1) for x in os.getloadavg()]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="A store whose 36 suites are already built (skips the build).")
    ap.add_argument("--rollouts", type=int, default=4)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ce-rejudge-") as tmp:
        db = args.db or Path(tmp) / "store.db"
        result = measure(db, args.rollouts, build=args.db is None)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"run {result['run']}: {result['submissions']} submissions, {result['accepted']} AC, "
          f"{result['rejudged']} re-judged near the limit ({100 * result['rate']:.1f}%), {result['seconds']} s; "
          f"load {result['load_before']} -> {result['load_after']}")
    for r in result["rejudged_detail"]:
        print(f"  {r['verdict']}: CPU ms seen {r['cpu_ms_seen']}")


if __name__ == "__main__":
    main()
