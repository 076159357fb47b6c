"""The judge: a problem spec, a language and source in; a verdict out.

Scales the problem's limits for the language, renders the harness, runs the
submission through :class:`~contest_eval.judge.sandbox.Sandbox` and compares
every output on the host.  An infrastructure failure is retried once and is
reported as IE, never as a failure of the submission.  A verdict whose CPU
time lands near the limit is re-judged up to twice and the fastest run kept:
on a shared machine CPU time itself inflates under contention.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contest_eval.judge import drivers
from contest_eval.judge.checker import check, parse_policy
from contest_eval.judge.images import require_image
from contest_eval.languages import Language, load_language
from contest_eval.judge.sandbox import (SHM_MB, TMP_MB, Job, Limits, Report, Sandbox, SandboxError, docker_client,
                                        gc_orphans, gc_workdirs)
from contest_eval.judge.spec import ProblemSpec, judgeable
from contest_eval.judge.verdict import STATUS_VERDICTS, JudgeResult, TestResult, Verdict, compile_failed_outside_program, overall

SUPERVISOR_HEADROOM_MB = 96
ADDRESS_SPACE_GRACE_MB = 128

# On a shared VM under contention CPU time itself inflates (cache and
# hyperthread sharing, steal): a run that normally takes 300 ms was measured at
# 469 ms against a 465 ms limit.  A verdict whose CPU time lands in the band
# around the limit is therefore re-judged and the fastest run kept, as real
# judges do.  Above NEAR_HIGH x the limit the TLE is clear and re-running it
# would only cost time.
NEAR_LOW = 0.9
NEAR_HIGH = 1.5
REJUDGES = 2  # extra runs for a near-limit verdict
# Trusted submissions judged in one container (judge_trusted): enough to make
# the container's start and teardown small next to the work; small enough that
# an item the batch could not finish costs little to judge again alone.
BATCH_SIZE = 24
# Message of a TLE test the supervisor stopped at the CPU ceiling (as opposed
# to the wall clock): such a TLE used NEAR_HIGH x the limit and is never near.
CPU_STOP = "stopped at the CPU limit"
WALL_STOP = "stopped by the wall clock (no progress)"
# When set, every verdict is appended here as one JSON line (verdict, language,
# re-judges, CPU times): how the test suite measures its own re-judge rate.
JUDGE_LOG_ENV = "CONTEST_EVAL_JUDGE_LOG"


def _log_verdict(result: JudgeResult) -> None:
    path = os.environ.get(JUDGE_LOG_ENV)
    if not path:
        return
    line = json.dumps({"verdict": result.verdict.value, "language": result.language, "rejudged": result.rejudged,
                       "cpu_ms": result.cpu_ms, "cpu_ms_seen": list(result.cpu_ms_seen)})
    # One short write with O_APPEND: lines from parallel test workers do not interleave.
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")


@dataclass(frozen=True)
class Options:
    fail_fast: bool = False
    retries: int = 1  # extra attempts after an infrastructure error
    cpuset: str | None = None
    rejudges: int = REJUDGES  # extra runs when a verdict lands near the time limit


def scaled_limits(spec: ProblemSpec, lang: Language) -> Limits:
    cpu = int(spec.time_limit_ms * lang.time_multiplier)
    # Wall time only catches stalls (sleep, blocking reads); CPU time decides
    # TLE, so a busy machine does not change verdicts.
    wall = cpu * 3 + 2000 if spec.kind == "stdin" else cpu * 3 + 5000
    run_mb = int(spec.memory_limit_mb * lang.memory_multiplier) + lang.memory_extra_mb
    limits = Limits(
        run_cpu_ms=cpu,
        run_wall_ms=wall,
        memory_kb=run_mb * 1024,
        address_space_kb=(run_mb + ADDRESS_SPACE_GRACE_MB) * 1024 if lang.address_space_limit else None,
        container_mb=0,
        compile_cpu_ms=lang.compile_time_limit_ms,
        compile_wall_ms=lang.compile_time_limit_ms * 2 + 5000,
        compile_memory_kb=lang.compile_memory_mb * 1024,
    )
    # The supervisor polls the cgroup and stops the submission (or compiler)
    # at its own limit, tmpfs included; the container's limit only has to
    # hold that, the supervisor, and every tmpfs full, so the kernel's OOM
    # killer never has to choose.
    limits.container_mb = (max(run_mb, lang.compile_memory_mb) + SUPERVISOR_HEADROOM_MB
                           + limits.work_mb + TMP_MB + SHM_MB + 64)
    return limits


def cpu_ceiling_ms(limit_ms: int) -> int:
    """CPU the sandbox lets a run spend before killing it.

    The supervisor kills at its limit, so a TLE killed *at* the limit would not
    tell a near miss from a hopeless one.  Letting it run on to just past
    NEAR_HIGH x the limit does; the host then applies the real limit
    (:func:`apply_time_limit`).  Wall limits stay derived from the real limit.
    """
    return int(limit_ms * NEAR_HIGH) + 1


def _subst(items: tuple[str, ...], memory_mb: int) -> list[str]:
    return [s.replace("{memory_mb}", str(memory_mb)) for s in items]


def prepare(spec: ProblemSpec, lang: Language, source: str) -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    """Files for /in/src, the compile/run commands and the environment."""
    memory_mb = int(spec.memory_limit_mb * lang.memory_multiplier)
    if spec.kind == "stdin":
        files = {lang.stdin_main: source}
        compile_cmd, run_cmd = lang.compile, lang.run
    else:
        assert spec.metadata is not None
        files = drivers.render(lang.name, spec.metadata, source)
        compile_cmd, run_cmd = lang.compile_harness, lang.run_harness or lang.run
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/work", "LANG": "C.UTF-8", "TMPDIR": "/tmp"}
    env.update({k: v.replace("{memory_mb}", str(memory_mb)) for k, v in lang.env.items()})
    return files, {"compile": _subst(compile_cmd, memory_mb), "run": _subst(run_cmd, memory_mb)}, env


class Judge:
    """Judges submissions on one Docker engine; safe to share between threads."""

    _gc_done = False
    _gc_lock = threading.Lock()

    def __init__(self, client: Any | None = None, workdir: Path | None = None, warm: bool = True) -> None:
        from contest_eval.judge.pool import WarmPool

        self.client = client or docker_client()
        self.sandbox = Sandbox(self.client, workdir)
        if warm:
            self.sandbox.pool = WarmPool(self.sandbox)
        with Judge._gc_lock:
            if not Judge._gc_done:
                gc_orphans(self.client)
                gc_workdirs(workdir)
                Judge._gc_done = True

    def judge(self, spec: ProblemSpec, language: str, source: str, options: Options | None = None,
              base_dir: Path | None = None) -> JudgeResult:
        result = self._judge(spec, language, source, options or Options(), base_dir)
        _log_verdict(result)
        return result

    def judge_trusted(self, jobs: list[tuple[ProblemSpec, str, str, Options | None]], base_dir: Path | None = None,
                      batch_size: int = BATCH_SIZE) -> list[JudgeResult]:
        """Judge trusted code several submissions per container; one result per job, in order.

        Only for code the operator trusts: a dataset's reference solutions or
        a suite build's references, never a model's output (``judge`` gives
        each of those a fresh container).  Every verdict rule is the one
        :meth:`judge` applies: the supervisor runs each item as its own
        child with its own limits, kills its leftovers and wipes scratch
        before the next; a verdict near the time limit is re-judged in fresh
        containers, and an item the batch did not finish is judged alone.
        """
        jobs = [(judgeable(spec), language, source, options or Options()) for spec, language, source, options in jobs]
        results: list[JudgeResult | None] = [None] * len(jobs)
        # One image and one cpuset per container; order is kept within each group.
        for language, cpuset in dict.fromkeys((j[1], j[3].cpuset) for j in jobs):
            todo = [i for i, j in enumerate(jobs) if (j[1], j[3].cpuset) == (language, cpuset)]
            for start in range(0, len(todo), max(1, batch_size)):
                chunk = todo[start:start + max(1, batch_size)]
                for i, result in zip(chunk, self._batch_once([jobs[i] for i in chunk], base_dir)):
                    spec, _, source, options = jobs[i]
                    if result is None:  # void in the batch: judged alone, with the usual retries
                        result = self._judge_once(spec, language, source, options, base_dir)
                    result = self._recompile_once(result, spec, language, source, options, base_dir)
                    results[i] = self._rejudge_near_limit(result, spec, language, source, options, base_dir)
                    _log_verdict(results[i])
        return [r for r in results if r is not None]

    def _batch_once(self, jobs: list[tuple[ProblemSpec, str, str, Options]], base_dir: Path | None) -> list[JudgeResult | None]:
        """One container for the jobs (one language); None where an item got no complete report."""
        lang = load_language(jobs[0][1])
        image, digest = require_image(self.client, lang.name)
        prepared = [self._job(spec, lang, source, options) for spec, _, source, options in jobs]
        try:
            reports = self.sandbox.execute_batch(image, [job for job, _ in prepared])
        except SandboxError:
            return [None] * len(jobs)
        return [self._finish(spec, lang, report, options, real, image, digest, 1, base_dir)
                for (spec, _, _, options), (_, real), report in zip(jobs, prepared, reports)]

    def _judge(self, spec: ProblemSpec, language: str, source: str, options: Options,
               base_dir: Path | None) -> JudgeResult:
        spec = judgeable(spec)  # no verdict against missing expected outputs: SpecError (spec.py)
        result = self._judge_once(spec, language, source, options, base_dir)
        result = self._recompile_once(result, spec, language, source, options, base_dir)
        return self._rejudge_near_limit(result, spec, language, source, options, base_dir)

    def _recompile_once(self, result: JudgeResult, spec: ProblemSpec, language: str, source: str, options: Options,
                        base_dir: Path | None) -> JudgeResult:
        """A compile failure that names no line of the program is judged once more in a fresh
        container: a toolchain's transient error must not become the program's CE."""
        if result.verdict is not Verdict.CE:
            return result
        files = prepare(spec, load_language(language), source)[0]
        if not compile_failed_outside_program(result.compile_output, files):
            return result
        again = self._judge_once(spec, language, source, options, base_dir)
        if again.verdict is Verdict.IE:
            return result
        again.attempts += result.attempts
        return again

    def _rejudge_near_limit(self, result: JudgeResult, spec: ProblemSpec, language: str, source: str, options: Options,
                            base_dir: Path | None) -> JudgeResult:
        limit_ms = scaled_limits(spec, load_language(language)).run_cpu_ms
        if options.rejudges <= 0 or not near_limit(result, spec.kind, limit_ms):
            return result
        runs = [result]
        for _ in range(options.rejudges):
            again = self._judge_once(spec, language, source, options, base_dir)
            # An infrastructure error says nothing about the program's speed.
            if again.verdict is not Verdict.IE:
                runs.append(again)
        # Contention inflates CPU time and never deflates it, so the fastest
        # run is the one closest to the program's true cost.  A TLE run may
        # have been cut short (wall clock, or the budget ran out) and so shows
        # less CPU than the work it did: it only wins if every run was a TLE.
        best = min(runs, key=lambda r: (any(t.verdict is Verdict.TLE for t in r.tests), r.cpu_ms))
        best.rejudged = len(runs) - 1
        best.cpu_ms_seen = [r.cpu_ms for r in runs]
        return best

    @staticmethod
    def _job(spec: ProblemSpec, lang: Language, source: str, options: Options) -> tuple[Job, int]:
        """The sandbox job for a submission, and the real CPU limit (the job runs to the ceiling)."""
        files, command, env = prepare(spec, lang, source)
        limits = scaled_limits(spec, lang)
        real_cpu_ms = limits.run_cpu_ms
        limits.run_cpu_ms = cpu_ceiling_ms(real_cpu_ms)
        limits.cpuset = options.cpuset
        mode = "stdin" if spec.kind == "stdin" else "harness"
        return Job(mode, command, env, files, [t.input for t in spec.tests], limits, options.fail_fast), real_cpu_ms

    def _finish(self, spec: ProblemSpec, lang: Language, report: Report, options: Options, real_cpu_ms: int, image: str,
                digest: str, attempt: int, base_dir: Path | None) -> JudgeResult | None:
        """The verdict from a report, or None when the report is incomplete."""
        if not (report.done or (report.compile is not None and not report.compile.get("ok"))):
            return None
        result = self._score(spec, lang, report, base_dir)
        apply_time_limit(result, spec.kind, real_cpu_ms)
        if options.fail_fast:
            _skip_after_first_failure(result)
        result.image, result.attempts = f"{image}@{digest}", attempt
        return result

    def _judge_once(self, spec: ProblemSpec, language: str, source: str, options: Options,
                    base_dir: Path | None) -> JudgeResult:
        lang = load_language(language)
        image, digest = require_image(self.client, language)
        job, real_cpu_ms = self._job(spec, lang, source, options)
        message = ""
        for attempt in range(1, options.retries + 2):
            try:
                report = self.sandbox.execute(image, job.mode, job.command, job.env, job.files, job.inputs, job.limits,
                                              job.fail_fast)
            except SandboxError as exc:
                message = str(exc)
                continue
            result = self._finish(spec, lang, report, options, real_cpu_ms, image, digest, attempt, base_dir)
            if result is not None:
                return result
            message = report.error or "incomplete report"
        return JudgeResult(Verdict.IE, language, image=f"{image}@{digest}", message=message, attempts=options.retries + 1)

    def _score(self, spec: ProblemSpec, lang: Language, report: Report, base_dir: Path | None) -> JudgeResult:
        compile_output = str((report.compile or {}).get("output", ""))
        if report.compile is not None and not report.compile.get("ok"):
            return JudgeResult(Verdict.CE, lang.name, compile_output=compile_output)
        policy = parse_policy(spec.compare)
        by_index = {int(e["index"]): e for e in report.tests}
        tests: list[TestResult] = []
        for i, test in enumerate(spec.tests):
            e = by_index.get(i)
            if e is None:
                return JudgeResult(Verdict.IE, lang.name, compile_output=compile_output, message=f"no result for test {i}")
            r = TestResult(i, Verdict.AC, int(e.get("cpu_ms") or 0), int(e.get("wall_ms") or 0), int(e.get("memory_kb") or 0),
                           e.get("exit_code"), e.get("signal"))
            status = e.get("status")
            if status == "ok":
                if test.output is None:
                    r.output = str(e.get("output") or "")
                else:
                    c = check(policy, spec.kind, test.output, str(e.get("output") or ""), test.input, base_dir)
                    r.verdict, r.message = (Verdict.AC, "") if c.ok else (Verdict.WA, c.message)
            else:
                r.verdict = STATUS_VERDICTS.get(str(status), Verdict.IE)
                r.message = str(e.get("stderr") or "")[-500:]
                if status == "tle":
                    stop = CPU_STOP if e.get("tle_by", "cpu") == "cpu" else WALL_STOP
                    r.message = stop + (f"; stderr: {r.message}" if r.message else "")
            tests.append(r)
        return JudgeResult(overall(tests), lang.name, tests, compile_output)


def apply_time_limit(result: JudgeResult, kind: str, limit_ms: int) -> None:
    """Judge CPU time against the real limit (the sandbox ran to the ceiling).

    stdin problems: each test has the whole limit.  Function/design problems:
    the limit is a budget over all tests run in order, so the test during which
    the running total passes it is TLE and the rest were never reached.
    """
    if not result.tests:
        return
    if kind == "stdin":
        for t in result.tests:
            if t.verdict not in (Verdict.TLE, Verdict.SKIPPED) and t.cpu_ms > limit_ms:
                t.verdict, t.message = Verdict.TLE, CPU_STOP if t.cpu_ms >= cpu_ceiling_ms(limit_ms) else ""
    else:
        total, over = 0, False
        for t in result.tests:
            if over:
                if t.verdict is not Verdict.SKIPPED:
                    t.verdict, t.message = Verdict.SKIPPED, ""
                    t.output = None
                continue
            total += t.cpu_ms
            if total > limit_ms and t.verdict is not Verdict.SKIPPED:
                over = True
                if t.verdict is not Verdict.TLE:
                    t.verdict, t.message = Verdict.TLE, ""
    result.verdict = overall(result.tests)


def near_limit(result: JudgeResult, kind: str, limit_ms: int) -> bool:
    """Could contention have decided this verdict?  True when the CPU time
    that counts against the limit is within [NEAR_LOW, NEAR_HIGH] x limit, or
    the run is a TLE at no more than NEAR_HIGH x limit (a wall-clock TLE on a
    busy host included)."""
    if result.verdict in (Verdict.CE, Verdict.IE) or not result.tests:
        return False
    # Stopped at the ceiling: the run used more than NEAR_HIGH x the limit,
    # whatever share of it the figures attribute to this test.
    if any(t.verdict is Verdict.TLE and t.message.startswith(CPU_STOP) for t in result.tests):
        return False
    high = limit_ms * NEAR_HIGH
    tle = any(t.verdict is Verdict.TLE for t in result.tests)
    if kind == "stdin":
        if any(t.verdict is Verdict.TLE and t.cpu_ms <= high for t in result.tests):
            return True
        return any(limit_ms * NEAR_LOW <= t.cpu_ms <= high for t in result.tests if t.verdict is not Verdict.SKIPPED)
    # The budget is shared, so the total is what the limit was compared with.
    total = result.cpu_ms
    return (tle and total <= high) or limit_ms * NEAR_LOW <= total <= high


def _skip_after_first_failure(result: JudgeResult) -> None:
    """Wrong answers are only known on the host, after the supervisor ran on;
    fail-fast still reports everything past the first failure as skipped."""
    failed = False
    for t in result.tests:
        if failed:
            t.verdict, t.message = Verdict.SKIPPED, ""
        elif t.verdict is not Verdict.AC:
            failed = True


_default: Judge | None = None


def judge(spec: ProblemSpec, language: str, source: str, options: Options | None = None) -> JudgeResult:
    """Judge one submission with a process-wide :class:`Judge`."""
    global _default
    if _default is None:
        _default = Judge()
    return _default.judge(spec, language, source, options)
