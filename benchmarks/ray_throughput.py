"""Ray judging throughput: submissions/s with the local judge and through Ray, side by side.

Figures:
  1. submissions/s judged by the local ``Judge`` with 1 and 2 threads;
  2. submissions/s through ``RayJudge`` on a private one-node Ray cluster (two judge slots) with
     1 and 2 worker processes busy (1 and 2 submissions in flight);
  3. what Ray adds per submission: a trivial task's round trip, and ``RayJudge.judge`` end to end
     with the judging replaced by a canned result (spec into the object store, task, JSON result
     back): target <= 20 ms.

Usage: ``python benchmarks/ray_throughput.py [--quick] [--json]``; needs Docker, the python3 judge
image and Ray (``pip install -e '.[ray]'``).  The cluster is started and ended by this script
(tests/raycluster.py), never ``ray stop``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from raycluster import RayCluster  # noqa: E402

from contest_eval.judge import Judge, parse_spec  # noqa: E402
from contest_eval.judge.remote import RayJudge  # noqa: E402
from contest_eval.judge.verdict import JudgeResult, TestResult, Verdict  # noqa: E402

TARGET_ADDED_MS = 20.0
SOURCE = "a, b = map(int, input().split())\nprint(a + b)\n"
SPEC = parse_spec({"kind": "stdin", "compare": "tokens", "time_limit_ms": 1000, "memory_limit_mb": 256,
                   "tests": [{"input": f"{i} {i * 7}\n", "output": f"{i * 8}\n"} for i in range(5)]})
CANNED = JudgeResult(Verdict.AC, "python3", [TestResult(i, Verdict.AC, 20, 25, 9000, 0) for i in range(5)],
                     image="contest-eval/judge-python3:x@sha256:y").to_json()


def noop() -> int:
    return 0


def canned_judge(spec_key: str, spec_text: str, language: str, source: str, options: dict[str, Any],
                 base_dir: str | None) -> str:
    """The task's interface and payloads, without the judging."""
    json.loads(spec_text)
    return json.dumps({"result": CANNED})


def rate(judge: Any, n: int, workers: int) -> dict[str, float]:
    def one(_: int) -> float:
        started = time.perf_counter()
        result = judge.judge(SPEC, "python3", SOURCE)
        if result.verdict is not Verdict.AC:
            raise SystemExit(f"benchmark submission got {result.verdict}: {result.message}")
        return time.perf_counter() - started

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, range(workers)))  # warm: image, container pool, Ray worker processes
        started = time.perf_counter()
        each = list(pool.map(one, range(n)))
    wall = time.perf_counter() - started
    return {"per_s": n / wall, "median_s": statistics.median(each), "n": n}


def added_cost(remote: RayJudge, n: int) -> dict[str, float]:
    ray = remote.ray
    trivial = ray.remote(noop).options(num_cpus=0, resources={remote.resource: 1})
    ray.get(trivial.remote())
    trips = []
    for _ in range(n):
        started = time.perf_counter()
        ray.get(trivial.remote())
        trips.append((time.perf_counter() - started) * 1000)
    real_task = remote._task
    remote._task = ray.remote(canned_judge).options(num_cpus=0, resources={remote.resource: 1}, max_retries=3)
    try:
        remote.judge(SPEC, "python3", SOURCE)
        ends = []
        for _ in range(n):
            started = time.perf_counter()
            remote.judge(SPEC, "python3", SOURCE)
            ends.append((time.perf_counter() - started) * 1000)
        # The driver's ceiling: canned results as fast as two slots and this process deliver them.
        canned = rate(remote, n, 2)["per_s"]
    finally:
        remote._task = real_task
    return {"trivial_ms": statistics.median(trips), "trivial_p90_ms": sorted(trips)[int(n * 0.9)],
            "judge_path_ms": statistics.median(ends), "judge_path_p90_ms": sorted(ends)[int(n * 0.9)],
            "canned_per_s": canned}


def store_write_ms(n: int) -> float:
    """One result written as the pipeline writes it (own transaction, 5 test rows), SQLite WAL."""
    import tempfile

    from sqlalchemy import event, select
    from sqlalchemy.orm import sessionmaker

    from contest_eval.db.engine import make_engine
    from contest_eval.db.models import Base, Submission, TestResultRow, utcnow

    with tempfile.TemporaryDirectory(prefix="ce-bench-") as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.db")
        # No parent rows here: foreign keys off, everything else as in the store.
        event.listen(engine, "connect", lambda conn, _: conn.execute("PRAGMA foreign_keys=OFF"))
        Base.metadata.create_all(engine)
        factory = sessionmaker(engine)
        started = time.perf_counter()
        for gid in range(1, n + 1):
            with factory() as s, s.begin():
                s.scalar(select(Submission).where(Submission.generation_id == gid))
                sub = Submission(generation_id=gid, suite_id=1, language="python3", verdict="AC", image="x",
                                 compile_output="", message="", attempts=1, judged_at=utcnow())
                s.add(sub)
                s.flush()
                s.add_all(TestResultRow(submission_id=sub.id, test_index=i, verdict="AC", cpu_ms=20, wall_ms=25,
                                        memory_kb=9000, exit_code=0, signal=None) for i in range(5))
        engine.dispose()
        return (time.perf_counter() - started) * 1000 / n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="Fewer submissions and round trips.")
    ap.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = ap.parse_args(argv)
    n, trips = (8, 50) if args.quick else (20, 200)
    out: dict[str, Any] = {"loadavg_start": os.getloadavg(), "cpus": os.cpu_count()}
    print("local judge...", file=sys.stderr)
    local = Judge()
    out["local"] = {w: rate(local, n, w) for w in (1, 2)}
    print("starting a one-node Ray cluster with 2 judge slots...", file=sys.stderr)
    cluster = RayCluster(slots=[2], cpus=2).start()
    try:
        remote = RayJudge(cluster.address)
        out["ray"] = {w: rate(remote, n, w) for w in (1, 2)}
        out["added"] = added_cost(remote, trips)
    finally:
        import ray

        ray.shutdown()
        cluster.stop()
    out["store_write_ms"] = store_write_ms(trips)
    out["loadavg_end"] = os.getloadavg()
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        _table(out)
    return 0 if out["added"]["judge_path_ms"] <= TARGET_ADDED_MS else 1


def _table(out: dict[str, Any]) -> None:
    print(f"load average at start {out['loadavg_start'][0]:.1f}, at end {out['loadavg_end'][0]:.1f} "
          f"({out['cpus']} CPUs)")
    print(f"{'':28}{'1 at once':>14}{'2 at once':>14}")
    for name, key in (("local judge (threads)", "local"), ("Ray (worker processes)", "ray")):
        cells = "".join(f"{out[key][w]['per_s']:>8.2f} sub/s" for w in (1, 2))
        print(f"{name:28}{cells}")
        medians = "".join(f"{out[key][w]['median_s']:>12.2f} s" for w in (1, 2))
        print(f"{'  median per submission':28}{medians}")
    a = out["added"]
    verdict = "PASS" if a["judge_path_ms"] <= TARGET_ADDED_MS else "FAIL"
    print(f"Ray per submission: trivial task round trip {a['trivial_ms']:.1f} ms (p90 {a['trivial_p90_ms']:.1f}); "
          f"RayJudge.judge path {a['judge_path_ms']:.1f} ms (p90 {a['judge_path_p90_ms']:.1f}) "
          f"[target <= {TARGET_ADDED_MS:.0f} ms: {verdict}]")
    print(f"driver ceiling: canned results through Ray {a['canned_per_s']:.0f} sub/s; "
          f"store write {out['store_write_ms']:.1f} ms per result (SQLite, one transaction each)")


if __name__ == "__main__":
    sys.exit(main())
