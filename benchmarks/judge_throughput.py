"""Judge throughput: what the Docker sandbox costs compared with running solutions in-process.

Four figures, each next to its baseline:
  1. per-submission overhead (container create -> result, minus the solution's own run time);
  2. per-test cost added in function problems (1 test vs 1000 tests in one process);
  3. totals vs the LiveCodeBench way (``exec`` + direct calls, unsandboxed) on a tiny and a
     realistic workload of LeetCode-like problems;
  4. submissions/s with 1 and 2 workers sharing one ``Judge``.

Usage: ``python benchmarks/judge_throughput.py [--quick] [--json]``; needs Docker and the python3
judge image (``contest-eval judge images build --lang python3``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import statistics
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

from contest_eval.judge import Judge, Options, parse_spec
from contest_eval.judge.spec import ProblemSpec
from contest_eval.judge.verdict import JudgeResult, Verdict

LANG = "python3"
TARGET_OVERHEAD_S = 0.5
TARGET_PER_TEST_MS = 1.0
TARGET_RATIO = 1.5
# What LiveCodeBench prepends to functional solutions, so both sides see the same names.
LCB_PREFIX = ("from typing import *\nfrom collections import *\nfrom bisect import *\nfrom heapq import *\n"
              "from itertools import *\nfrom functools import *\nimport math\n")


@dataclass
class Problem:
    name: str
    params: list[tuple[str, str]]
    returns: str
    source: str
    tiny: list[list[Any]]  # the statement's examples: what a "public tests only" run sees
    full: list[list[Any]]  # examples + hidden tests, a few at the constraint limits


def _fn(name: str, signature: str, body: str) -> str:
    return f"class Solution:\n    def {name}(self, {signature}:\n" + "".join(f"        {ln}\n" for ln in body.strip().split("\n"))


SRC_TWO_SUM = _fn("twoSum", "nums: List[int], target: int) -> List[int]", """
seen = {}
for i, x in enumerate(nums):
    j = seen.get(target - x)
    if j is not None:
        return [j, i]
    seen[x] = i
return []""")
SRC_LIS = _fn("lengthOfLIS", "nums: List[int]) -> int", """
tails = []
for x in nums:
    i = bisect_left(tails, x)
    if i == len(tails):
        tails.append(x)
    else:
        tails[i] = x
return len(tails)""")
SRC_ISLANDS = _fn("numIslands", "grid: List[List[str]]) -> int", """
m, n, count = len(grid), len(grid[0]), 0
for r in range(m):
    for c in range(n):
        if grid[r][c] == "1":
            count += 1
            grid[r][c] = "0"
            q = deque([(r, c)])
            while q:
                i, j = q.popleft()
                for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                    if 0 <= a < m and 0 <= b < n and grid[a][b] == "1":
                        grid[a][b] = "0"
                        q.append((a, b))
return count""")
SRC_COINS = _fn("coinChange", "coins: List[int], amount: int) -> int", """
dp = [0] + [amount + 1] * amount
for c in coins:
    for a in range(c, amount + 1):
        if dp[a - c] + 1 < dp[a]:
            dp[a] = dp[a - c] + 1
return dp[amount] if dp[amount] <= amount else -1""")
SRC_PALINDROME = _fn("longestPalindrome", "s: str) -> str", """
lo, hi = 0, 0
for c in range(2 * len(s) - 1):
    l, r = c // 2, (c + 1) // 2
    while l >= 0 and r < len(s) and s[l] == s[r]:
        l, r = l - 1, r + 1
    if r - l - 1 > hi - lo:
        lo, hi = l + 1, r
return s[lo:hi]""")
SRC_PRIMES = _fn("countPrimes", "n: int) -> int", """
if n < 3:
    return 0
sieve = bytearray([1]) * n
sieve[0] = sieve[1] = 0
for i in range(2, math.isqrt(n - 1) + 1):
    if sieve[i]:
        sieve[i * i::i] = bytes(len(range(i * i, n, i)))
return sum(sieve)""")
SRC_LCS = _fn("longestCommonSubsequence", "text1: str, text2: str) -> int", """
prev = [0] * (len(text2) + 1)
for a in text1:
    cur = [0]
    for j, b in enumerate(text2):
        cur.append(prev[j] + 1 if a == b else max(prev[j + 1], cur[j]))
    prev = cur
return prev[-1]""")
SRC_SUM = _fn("arraySum", "nums: List[int]) -> int", "return sum(nums)")


def _two_sum(rng: random.Random, n: int) -> list[Any]:
    nums = rng.sample(range(-10**9, 10**9), n)
    return [nums, nums[-2] + nums[-1]]  # answer at the end: a full scan, as in the worst case


def _ints(rng: random.Random, k: int) -> list[int]:
    return [rng.randint(-10**4, 10**4) for _ in range(k)]


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ab") for _ in range(n))


def _grid(rng: random.Random, m: int, n: int, p: float) -> list[Any]:
    return [[["1" if rng.random() < p else "0" for _ in range(n)] for _ in range(m)]]


def problems() -> list[Problem]:
    rng = random.Random(2024)
    ex_two = [[[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[3, 3], 6]]
    ex_lis = [[[10, 9, 2, 5, 3, 7, 101, 18]], [[0, 1, 0, 3, 2, 3]], [[7, 7, 7, 7]]]
    ex_isl = [[[list("11110"), list("11010"), list("11000"), list("00000")]],
              [[list("11000"), list("11000"), list("00100"), list("00011")]], [[["1"]]]]
    ex_coin = [[[1, 2, 5], 11], [[2], 3], [[1], 0]]
    ex_pal = [["babad"], ["cbbd"], ["a"]]
    ex_pr = [[10], [0], [1]]
    ex_lcs = [["abcde", "ace"], ["abc", "abc"], ["abc", "def"]]
    return [
        Problem("twoSum", [("nums", "integer[]"), ("target", "integer")], "integer[]", SRC_TWO_SUM, ex_two,
                ex_two + [_two_sum(rng, rng.randint(2, 1000)) for _ in range(32)] + [_two_sum(rng, 10**5) for _ in range(5)]),
        Problem("lengthOfLIS", [("nums", "integer[]")], "integer", SRC_LIS, ex_lis,
                ex_lis + [[_ints(rng, rng.randint(1, 2500))] for _ in range(30)] + [[_ints(rng, 2500)] for _ in range(3)]),
        Problem("numIslands", [("grid", "character[][]")], "integer", SRC_ISLANDS, ex_isl,
                ex_isl + [_grid(rng, rng.randint(1, 60), rng.randint(1, 60), 0.45) for _ in range(25)]
                + [_grid(rng, 300, 300, p) for p in (0.3, 0.6, 0.9)]),
        Problem("coinChange", [("coins", "integer[]"), ("amount", "integer")], "integer", SRC_COINS, ex_coin,
                ex_coin + [[rng.sample(range(1, 200), rng.randint(1, 12)), rng.randint(0, 3000)] for _ in range(25)]
                + [[rng.sample(range(1, 50), 12), 10**4] for _ in range(4)]),
        Problem("longestPalindrome", [("s", "string")], "string", SRC_PALINDROME, ex_pal,
                ex_pal + [[_text(rng, rng.randint(1, 400))] for _ in range(25)]
                + [["a" * 1000], ["ab" * 500], ["a" * 499 + "b" + "a" * 500]]),
        Problem("countPrimes", [("n", "integer")], "integer", SRC_PRIMES, ex_pr,
                ex_pr + [[rng.randint(0, 10**5)] for _ in range(20)] + [[5 * 10**6], [4_999_999], [3 * 10**6]]),
        Problem("longestCommonSubsequence", [("text1", "string"), ("text2", "string")], "integer", SRC_LCS, ex_lcs,
                ex_lcs + [[_text(rng, rng.randint(1, 120)), _text(rng, rng.randint(1, 120))] for _ in range(25)]
                + [[_text(rng, 1000), _text(rng, 1000)], [_text(rng, 800), _text(rng, 900)], ["a" * 1000, "a" * 1000]]),
    ]


def encode(args: list[Any]) -> str:
    return "\n".join(json.dumps(a, separators=(",", ":")) for a in args)


def load_solution(source: str, name: str) -> Callable[..., Any]:
    ns: dict[str, Any] = {}
    exec(compile(LCB_PREFIX + source, "solution.py", "exec"), ns)  # trusted: our own solutions
    fn: Callable[..., Any] = getattr(ns["Solution"](), name)
    return fn


def lcb_run(source: str, name: str, tests: list[tuple[str, str]]) -> float:
    """The LiveCodeBench way: exec once, then per test parse each line as JSON, call, compare."""
    t0 = time.perf_counter()
    fn = load_solution(source, name)
    for inp, out in tests:
        if fn(*[json.loads(line) for line in inp.split("\n")]) != json.loads(out):
            raise AssertionError(f"baseline {name}: wrong answer (benchmark bug)")
    return time.perf_counter() - t0


def make_spec(p: Problem, args: list[list[Any]], time_limit_ms: int = 10_000) -> tuple[ProblemSpec, list[tuple[str, str]]]:
    ref = load_solution(p.source, p.name)
    # Expected outputs come from the reference run itself, on fresh copies (numIslands mutates its grid).
    tests = [(encode(a), json.dumps(ref(*json.loads(json.dumps(a))), separators=(",", ":"))) for a in args]
    spec = parse_spec({"kind": "function", "compare": "exact", "time_limit_ms": time_limit_ms, "memory_limit_mb": 256,
                       "metadata": {"name": p.name, "params": [{"name": n, "type": t} for n, t in p.params],
                                    "return": {"type": p.returns}},
                       "tests": [{"input": i, "output": o} for i, o in tests]})
    return spec, tests


class Bench:
    def __init__(self, judge: Judge) -> None:
        self.judge = judge
        self.bad: list[str] = []  # non-AC verdicts: a benchmark over failing runs would measure nothing

    def timed(self, spec: ProblemSpec, source: str, cpuset: str = "0") -> tuple[float, JudgeResult]:
        t0 = time.perf_counter()
        res = self.judge.judge(spec, LANG, source, Options(cpuset=cpuset))
        wall = time.perf_counter() - t0
        if res.verdict is not Verdict.AC:
            self.bad.append(f"{res.verdict.value}: {res.message or [t.message for t in res.tests if t.message][:1]}")
        return wall, res


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def pinned_baseline(fn: Callable[[], float]) -> float:
    # The judge gives a submission one core; give the baseline one core too.
    old = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {0})
    try:
        return fn()
    finally:
        os.sched_setaffinity(0, old)


def bench_overhead(b: Bench, n: int) -> dict[str, Any]:
    sum_p = Problem("arraySum", [("nums", "integer[]")], "integer", SRC_SUM, [], [])
    spec, tests = make_spec(sum_p, [[[1, 2, 3]]])
    e2e: list[float] = []
    net: list[float] = []
    for k in range(n):
        wall, res = b.timed(spec, SRC_SUM)
        # Test 0's reported wall includes interpreter start and harness setup, so
        # subtracting it flatters the overhead slightly; the raw e2e is printed too.
        e2e.append(wall)
        net.append(wall - sum(t.wall_ms for t in res.tests) / 1000)
        log(f"  overhead {k + 1}/{n}: {wall:.3f}s")
    base = [pinned_baseline(lambda: lcb_run(SRC_SUM, "arraySum", tests)) for _ in range(n)]
    return {"runs": n, "e2e_median_s": statistics.median(e2e), "overhead_median_s": statistics.median(net),
            "overhead_p90_s": statistics.quantiles(net, n=10, method="inclusive")[-1], "baseline_median_s": statistics.median(base),
            "target_s": TARGET_OVERHEAD_S, "pass": statistics.median(net) <= TARGET_OVERHEAD_S}


def bench_per_test(b: Bench, reps: int, n_tests: int = 1000) -> dict[str, Any]:
    rng = random.Random(7)
    p = Problem("arraySum", [("nums", "integer[]")], "integer", SRC_SUM, [], [])
    args = [[[rng.randint(-1000, 1000) for _ in range(rng.randint(1, 20))]] for _ in range(n_tests)]
    spec1, _ = make_spec(p, args[:1])
    specn, tests = make_spec(p, args)
    w1: list[float] = []
    wn: list[float] = []
    # More repetitions than elsewhere: the slope is a small difference of two noisy walls.
    for k in range(reps):  # interleaved so background load drifts hit both sides alike
        w1.append(b.timed(spec1, SRC_SUM)[0])
        wn.append(b.timed(specn, SRC_SUM)[0])
        log(f"  per-test {k + 1}/{reps}: 1 test {w1[-1]:.3f}s, {n_tests} tests {wn[-1]:.3f}s")
    slope_ms = (statistics.median(wn) - statistics.median(w1)) / (n_tests - 1) * 1000
    fn = load_solution(SRC_SUM, "arraySum")
    parsed = [a[0] for a in args]
    t0 = time.perf_counter()
    for _ in range(20):
        for nums in parsed:
            fn(nums)
    call_ms = (time.perf_counter() - t0) / (20 * n_tests) * 1000
    lcb_ms = statistics.median(pinned_baseline(lambda: lcb_run(SRC_SUM, "arraySum", tests)) for _ in range(5)) / n_tests * 1000
    added = slope_ms - call_ms
    return {"tests": n_tests, "wall_1_s": statistics.median(w1), "wall_n_s": statistics.median(wn), "slope_ms": slope_ms,
            "own_call_ms": call_ms, "added_ms": added, "baseline_per_test_ms": lcb_ms,
            "target_ms": TARGET_PER_TEST_MS, "pass": added <= TARGET_PER_TEST_MS}


def bench_side_by_side(b: Bench, probs: list[Problem], reps: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for label in ("tiny", "realistic"):
        cases = [(p, *make_spec(p, p.tiny if label == "tiny" else p.full)) for p in probs]
        ours_tot: list[float] = []
        base_tot: list[float] = []
        per: dict[str, list[float]] = {}
        for k in range(reps):
            o = bs = 0.0
            for p, spec, tests in cases:
                wall, _ = b.timed(spec, p.source)
                base = pinned_baseline(partial(lcb_run, p.source, p.name, tests))
                o, bs = o + wall, bs + base
                per.setdefault(p.name, []).extend([wall, base])
            ours_tot.append(o)
            base_tot.append(bs)
            log(f"  {label} {k + 1}/{reps}: ours {o:.2f}s, baseline {bs:.3f}s")
        ours, base = statistics.median(ours_tot), statistics.median(base_tot)
        out[label] = {"problems": len(cases), "tests": sum(len(t) for _, _, t in cases), "ours_s": ours, "baseline_s": base,
                      "ratio": ours / base, "target": TARGET_RATIO, "pass": ours / base <= TARGET_RATIO,
                      "per_problem": {n: {"ours_s": statistics.median(v[0::2]), "baseline_s": statistics.median(v[1::2])}
                                      for n, v in per.items()}}
    return out


def bench_parallel(b: Bench, probs: list[Problem], n_subs: int) -> dict[str, Any]:
    cases = [(p, *make_spec(p, p.full)) for p in probs]
    work = [cases[i % len(cases)] for i in range(n_subs)]
    ncpu = os.cpu_count() or 1
    out: dict[str, Any] = {"submissions": n_subs, "cpus": ncpu}
    for workers in (1, 2):
        ids = itertools.count()
        local = threading.local()

        def init() -> None:
            # A worker owns one core, so concurrent containers never share a CPU.
            local.cpu = str(next(ids) % ncpu)

        def one(case: tuple[Problem, ProblemSpec, list[tuple[str, str]]]) -> float:
            return b.timed(case[1], case[0].source, local.cpu)[0]

        t0 = time.perf_counter()
        with ThreadPoolExecutor(workers, initializer=init) as pool:
            list(pool.map(one, work))
        elapsed = time.perf_counter() - t0
        out[f"w{workers}_subs_per_s"] = n_subs / elapsed
        log(f"  parallel {workers} worker(s): {n_subs} submissions in {elapsed:.2f}s")
    t0 = time.perf_counter()
    pinned_baseline(lambda: sum(lcb_run(p.source, p.name, tests) for p, _, tests in work))
    out["baseline_subs_per_s"] = n_subs / (time.perf_counter() - t0)
    out["speedup"] = out["w2_subs_per_s"] / out["w1_subs_per_s"]
    return out


def row(measure: str, ours: str = "", base: str = "", target: str = "", result: str = "") -> str:
    return f"{measure:<44}{ours:>12}{base:>12}{target:>10}  {result}".rstrip()


def render(r: dict[str, Any]) -> str:
    o, t, s, p = r["overhead"], r["per_test"], r["side_by_side"], r["parallel"]
    la0, la1 = r["loadavg_start"], r["loadavg_end"]
    rows = [
        f"judge throughput: {r['cpus']} CPUs, host Python {r['host_python']}, image {LANG}, {r['mode']} run",
        f"load average 1/5/15 min: start {'/'.join(f'{x:.1f}' for x in la0)}, end {'/'.join(f'{x:.1f}' for x in la1)}",
        row("measure", "ours", "baseline", "target", "result"),
        "-" * 86,
        row(f"1 overhead per submission, median of {o['runs']}", f"{o['overhead_median_s']:.3f} s",
            f"{o['baseline_median_s'] * 1000:.2f} ms", f"<= {o['target_s']} s", "PASS" if o["pass"] else "FAIL"),
        row("  overhead p90", f"{o['overhead_p90_s']:.3f} s"),
        row("  end-to-end median, incl. the solution", f"{o['e2e_median_s']:.3f} s"),
        row("2 added per test, function kind", f"{t['added_ms']:.3f} ms", f"{t['baseline_per_test_ms']:.4f} ms",
            "<= 1 ms", "PASS" if t["pass"] else "FAIL"),
        row(f"  wall, 1 test | {t['tests']} tests", f"{t['wall_1_s']:.2f} | {t['wall_n_s']:.2f} s"),
        row("  slope | solution's own time per call", f"{t['slope_ms']:.3f} ms", f"{t['own_call_ms']:.4f} ms"),
    ]
    for label in ("tiny", "realistic"):
        w = s[label]
        rows.append(row(f"3 {label} workload: {w['problems']} problems, {w['tests']} tests", f"{w['ours_s']:.2f} s",
                        f"{w['baseline_s']:.3f} s", "<= 1.5x", f"{'PASS' if w['pass'] else 'FAIL'} ({w['ratio']:.1f}x)"))
    rows += [
        row(f"4 submissions/s, 1 worker ({p['submissions']} realistic)", f"{p['w1_subs_per_s']:.2f}/s",
            f"{p['baseline_subs_per_s']:.2f}/s"),
        row("  submissions/s, 2 workers", f"{p['w2_subs_per_s']:.2f}/s", "", "2.0x", f"{p['speedup']:.2f}x speedup"),
        "-" * 86,
        "baseline: LiveCodeBench style, exec + direct calls in this process, unsandboxed, pinned to CPU 0",
        "verdicts: all AC" if not r["non_ac"] else f"verdicts: {len(r['non_ac'])} NOT AC, e.g. {r['non_ac'][0]}",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (about a minute)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = ap.parse_args(argv)
    n_over, reps, n_par = (5, 1, 6) if args.quick else (15, 3, 12)
    r: dict[str, Any] = {"mode": "quick" if args.quick else "full", "cpus": os.cpu_count(),
                         "host_python": platform.python_version(), "loadavg_start": os.getloadavg()}
    b = Bench(Judge())
    probs = problems()
    log("warm-up (image and page cache, excluded)")
    b.timed(make_spec(probs[0], probs[0].tiny)[0], SRC_TWO_SUM)
    sections = [("overhead", partial(bench_overhead, b, n_over)), ("per_test", partial(bench_per_test, b, 1 if args.quick else 5)),
                ("side_by_side", partial(bench_side_by_side, b, probs, reps)), ("parallel", partial(bench_parallel, b, probs, n_par))]
    for i, (key, run) in enumerate(sections, 1):
        log(f"{i}/4 {key}")
        r[key] = run()
    r["loadavg_end"] = os.getloadavg()
    r["non_ac"] = b.bad
    print(json.dumps(r, indent=1) if args.json else render(r))
    return 1 if b.bad else 0


if __name__ == "__main__":
    sys.exit(main())
