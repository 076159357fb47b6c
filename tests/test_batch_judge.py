"""Trusted submissions judged several per container (``Judge.judge_trusted``).

Each batch runs in the real Docker judge.  The claims: every item gets the
verdict it gets alone (each with its own limits), nothing one item leaves
behind (files, processes, IPC objects, memory) reaches the next, and an item
the supervisor could not finish is reported void without touching the others.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import load_problem, stdin_problem

pytestmark = pytest.mark.docker

TWO_SUM_OK = """
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
"""
TWO_SUM_WA = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 0]\n"
TWO_SUM_RE = "class Solution:\n    def twoSum(self, nums, target):\n        raise ValueError('boom')\n"
APLUSB = "a, b = map(int, input().split())\nprint(a + b)\n"
SPIN = "n = 0\nfor i in range(15_000_000):\n    n += i\nprint('done')\n"
ALLOC_100MB = "x = bytearray(100 << 20)\nx[::4096] = b'1' * len(x[::4096])\nprint('done')\n"

# Leaves what a program can leave in a container: files and folders in each
# scratch folder (tmpfs: memory charged to the container) and a daemon that
# outlives it (double fork, new session).  System V IPC, the other thing that
# outlives a process, is refused by the seccomp profile.
LITTER = r"""
import os, time
for d in ("/work", "/tmp", "/dev/shm"):
    os.makedirs(d + "/litter/deep", exist_ok=True)
    with open(d + "/litter/deep/f", "w") as f:
        f.write("x")
for path, mb in (("/dev/shm/big", 8), ("/tmp/big", 40)):
    with open(path, "wb") as f:
        f.write(b"1" * (mb << 20))
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(1000)
    os._exit(0)
os.wait()
print("left")
"""
# What a fresh container looks like to a program: only its own source (and
# the compiler's cache) in /work, nothing in /tmp or /dev/shm, no process but
# the supervisor and itself.
INSPECT = r"""
import os
found = []
work = sorted(os.listdir("/work"))
cache = sorted(os.listdir("/work/__pycache__")) if os.path.isdir("/work/__pycache__") else []
if [n for n in work if n not in ("main.py", "__pycache__")] or [n for n in cache if not n.startswith("main.")]:
    found.append("work:%s cache:%s" % (work, cache))
for d in ("/tmp", "/dev/shm"):
    if os.listdir(d):
        found.append("%s:%s" % (d, os.listdir(d)))
procs = [p for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, os.getpid())]
if procs:
    found.append("processes:%s" % procs)
print("clean" if not found else " ".join(found))
"""


def _summary(result: Any) -> tuple[str, list[str]]:
    return result.verdict.value, [t.verdict.value for t in result.tests]


def test_batch_gives_each_item_its_verdict_alone(judge: Any) -> None:
    """A mixed batch (two languages, every verdict, different limits) in order,
    each item exactly as judged in a container of its own."""
    two_sum = load_problem("fn_twosum")
    ab = stdin_problem([("1 2", "3"), ("5 7", "12")])
    jobs = [
        (two_sum, "python3", TWO_SUM_OK, None),
        (two_sum, "python3", TWO_SUM_WA, None),
        (ab, "cpp", "#include <cstdio>\nint main(){long a,b;scanf(\"%ld %ld\",&a,&b);printf(\"%ld\\n\",a+b);}", None),
        (two_sum, "python3", TWO_SUM_RE, None),
        (ab, "python3", APLUSB, None),
        (ab, "python3", "print(1 +\n", None),  # CE
        (stdin_problem([("", "done")], time_limit_ms=100), "python3", SPIN, None),  # TLE at its own limit...
        (stdin_problem([("", "done")], time_limit_ms=5000), "python3", SPIN, None),  # ...and AC at a larger one
        (stdin_problem([("", "done")], memory_limit_mb=64), "python3", ALLOC_100MB, None),  # MLE at 64 MB...
        (stdin_problem([("", "done")], memory_limit_mb=256), "python3", ALLOC_100MB, None),  # ...AC at 256 MB
    ]
    batch = judge.judge_trusted(jobs)
    alone = [judge.judge(spec, lang, src) for spec, lang, src, _ in jobs]
    assert [r.language for r in batch] == [j[1] for j in jobs]
    assert [_summary(r) for r in batch] == [_summary(r) for r in alone]
    assert [r.verdict.value for r in batch] == ["AC", "WA", "AC", "RE", "AC", "CE", "TLE", "AC", "MLE", "AC"]
    assert "boom" in batch[3].tests[0].message


def test_nothing_an_item_leaves_reaches_the_next(judge: Any) -> None:
    once = stdin_problem([("", "left")])
    check = stdin_problem([("", "clean")])
    # The inspector alone must see a clean container, or the test proves nothing.
    assert judge.judge(check, "python3", INSPECT).verdict.value == "AC"
    # A function problem's item keeps its harness, solution and compiled
    # files for all its tests; a stdin item litters at run time.
    litter_fn = LITTER.replace('print("left")', "") + TWO_SUM_OK
    results = judge.judge_trusted([(load_problem("fn_twosum"), "python3", litter_fn, None), (check, "python3", INSPECT, None),
                                   (once, "python3", LITTER, None), (check, "python3", INSPECT, None)])
    got = [(r.verdict.value, r.tests[0].message) for r in results]
    assert got == [("AC", "")] * 4, got


def test_void_item_is_reported_alone(judge: Any) -> None:
    """An item the supervisor cannot run is void (no ``done``, an error); the
    items around it are judged normally (the engine then judges a void one alone)."""
    from contest_eval.judge.engine import prepare, scaled_limits
    from contest_eval.judge.images import require_image
    from contest_eval.judge.sandbox import Job
    from contest_eval.languages import load_language

    lang = load_language("python3")
    spec = stdin_problem([("2 3", "5")])
    files, command, env = prepare(spec, lang, APLUSB)
    limits = scaled_limits(spec, lang)
    good = Job("stdin", command, env, files, ["2 3"], limits)
    broken = Job("stdin", {**command, "run": ["/no/such/interpreter"]}, env, files, ["2 3"], limits)
    image, _ = require_image(judge.client, "python3")
    reports = judge.sandbox.execute_batch(image, [good, broken, good])
    assert [r.done for r in reports] == [True, False, True]
    assert "FileNotFoundError" in reports[1].error
    for r in (reports[0], reports[2]):
        assert [(t["status"], t["output"].strip()) for t in r.tests] == [("ok", "5")]
