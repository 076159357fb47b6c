"""Same submission, same verdict: an AC solution near its time limit, judged
20 times while both cores are kept busy, gets 20 identical verdicts."""

from __future__ import annotations

import math
import multiprocessing
import os

import pytest

from conftest import stdin_problem

pytestmark = pytest.mark.docker

WORK = """
n = int(input())
s = 0
for i in range(n):
    s += i * i % 7
print(s)
"""
N = 3_000_000


def _burn(stop) -> None:  # type: ignore[no-untyped-def]
    x = 0
    while not stop.is_set():
        x += 1


def test_verdicts_are_stable_near_the_limit_under_load(judge):
    expected = str(sum(i * i % 7 for i in range(N)))
    calib = judge.judge(stdin_problem([(f"{N}\n", expected)], time_limit_ms=5000), "python3", WORK)
    assert calib.verdict.value == "AC"
    cpu = calib.tests[0].cpu_ms
    # Python's multiplier is 3: choose the base limit so the solution uses ~65% of it.
    limit = math.ceil(cpu / 0.65 / 3)
    spec = stdin_problem([(f"{N}\n", expected)], time_limit_ms=limit)
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=_burn, args=(stop,)) for _ in range(os.cpu_count() or 2)]
    for p in burners:
        p.start()
    try:
        results = [judge.judge(spec, "python3", WORK) for _ in range(20)]
    finally:
        stop.set()
        for p in burners:
            p.join()
    verdicts = [r.verdict.value for r in results]
    cpus = [r.tests[0].cpu_ms for r in results]
    assert verdicts == ["AC"] * 20, (verdicts, cpus, limit * 3)
    # And the TLE side is just as stable: the same work against a limit it cannot meet.
    tight = stdin_problem([(f"{N}\n", expected)], time_limit_ms=max(1, math.floor(cpu / 1.6 / 3)))
    assert {judge.judge(tight, "python3", WORK).verdict.value for _ in range(3)} == {"TLE"}
