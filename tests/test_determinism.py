"""Same submission, same verdict, even on a busy machine.

An AC solution near its time limit, judged 20 times while twice as many
busy-loop processes as cores compete for the CPU, gets 20 ACs; a solution
spinning to 3x its limit in CPU time gets 20 TLEs without a single re-judge (a
clear TLE is not worth re-running); a run near the limit is re-judged and says so.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from typing import Any

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
PY_MULTIPLIER = 3  # python3's time multiplier: spec limits are scaled by it
EXPECTED = str(sum(i * i % 7 for i in range(N)))


def _burn(stop: Any) -> None:
    x = 0
    while not stop.is_set():
        x += 1


@pytest.fixture(scope="module")
def calibrated_cpu(judge: Any) -> int:
    """The solution's CPU time on this machine, measured without load."""
    calib = judge.judge(stdin_problem([(f"{N}\n", EXPECTED)], time_limit_ms=5000), "python3", WORK)
    assert calib.verdict.value == "AC"
    return calib.tests[0].cpu_ms


@pytest.fixture
def full_load() -> Iterator[None]:
    """Twice as many CPU burners as cores: the judge never has a core to itself."""
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=_burn, args=(stop,)) for _ in range(2 * (os.cpu_count() or 2))]
    for p in burners:
        p.start()
    try:
        yield
    finally:
        stop.set()
        for p in burners:
            p.join()


def _spec_at(cpu: int, fraction: float) -> Any:
    """A problem whose scaled limit makes this solution use `fraction` of it."""
    return stdin_problem([(f"{N}\n", EXPECTED)], time_limit_ms=max(1, round(cpu / fraction / PY_MULTIPLIER)))


def test_verdicts_are_stable_near_the_limit_under_load(judge: Any, calibrated_cpu: int, full_load: None) -> None:
    spec = _spec_at(calibrated_cpu, 0.65)
    results = [judge.judge(spec, "python3", WORK) for _ in range(20)]
    verdicts = [r.verdict.value for r in results]
    seen = [r.cpu_ms_seen or [r.cpu_ms] for r in results]
    rejudged = sum(r.rejudged > 0 for r in results)
    print(f"\n65% of the limit under full load: {rejudged}/20 re-judged; cpu seen {seen}; "
          f"limit {spec.time_limit_ms * PY_MULTIPLIER} ms")
    assert verdicts == ["AC"] * 20, (verdicts, seen, spec.time_limit_ms * PY_MULTIPLIER)


def _spinner(fraction: float, limit_ms: int) -> str:
    """A solution that spins until its own CPU time reaches `fraction` of the
    (scaled) limit: deterministic in CPU time however loaded the machine."""
    return (f"import time\nwhile time.process_time() < {fraction * limit_ms / 1000!r}:\n    pass\n"
            f"print({EXPECTED!r})\n")


SPIN_LIMIT_MS = 200  # spec limit; python3's is 3x that


def test_clear_tle_is_stable_and_not_rejudged(judge: Any, full_load: None) -> None:
    spec = stdin_problem([(f"{N}\n", EXPECTED)], time_limit_ms=SPIN_LIMIT_MS)
    limit = SPIN_LIMIT_MS * PY_MULTIPLIER
    results = [judge.judge(spec, "python3", _spinner(3.0, limit)) for _ in range(20)]
    verdicts = [r.verdict.value for r in results]
    assert verdicts == ["TLE"] * 20, (verdicts, [r.cpu_ms for r in results])
    # Stopped at the CPU ceiling (1.5x the limit): clear, so never re-judged.
    assert [r.rejudged for r in results] == [0] * 20, [r.cpu_ms for r in results]
    assert all(r.cpu_ms > 1.5 * limit and r.tests[0].message.startswith("stopped at the CPU limit") for r in results)


def test_near_limit_submission_carries_the_rejudge_record(judge: Any) -> None:
    spec = stdin_problem([(f"{N}\n", EXPECTED)], time_limit_ms=SPIN_LIMIT_MS)
    limit = SPIN_LIMIT_MS * PY_MULTIPLIER
    # At 1.0x of the limit in its own CPU time, the run lands in the re-judge
    # band [0.9x, 1.5x] whatever the load.
    result = judge.judge(spec, "python3", _spinner(1.0, limit))
    assert result.rejudged == 2, (result.cpu_ms, result.cpu_ms_seen, limit)
    assert result.verdict.value in ("AC", "TLE"), (result.verdict, result.cpu_ms_seen, limit)
    assert len(result.cpu_ms_seen) == 3 and result.cpu_ms in result.cpu_ms_seen
    doc = result.to_json()
    assert doc["rejudged"] == 2 and doc["cpu_ms_seen"] == result.cpu_ms_seen
    # Far from the limit: judged once, and the record says so.
    easy = judge.judge(spec, "python3", _spinner(0.3, limit))
    assert easy.verdict.value == "AC" and easy.rejudged == 0 and easy.to_json()["cpu_ms_seen"] == []
