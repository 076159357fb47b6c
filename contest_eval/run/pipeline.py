"""The first-attempt protocol: one solution per problem and rollout, judged once.

A run is identified by a fingerprint of everything that defines it (model,
its identity — HF id, endpoint, model file hash, replay file hash —, backend,
language, sampling, rollouts, problems, prompt template), so the same command
resumes it: stored generations are never regenerated and stored verdicts never
re-judged (except infrastructure errors, which are never the model's fault).
Generation and judging overlap: each completion is stored the moment it arrives
and queued for the judge.  Generation never sees verdicts.  A judge failure on
one submission is that submission's IE, never the end of the run.
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from contest_eval import __version__
from contest_eval.db.catalog import latest_suite
from contest_eval.db.models import Generation, Model, Problem, Run, Submission, TestResultRow, utcnow
from contest_eval.db.specs import spec_for
from contest_eval.generate.backend import Completion, GenerationRequest, Sampling
from contest_eval.generate.extract import extract_code
from contest_eval.generate.prompts import build_messages, template_hash
from contest_eval.judge.engine import Judge
from contest_eval.judge.verdict import JudgeResult, Verdict
from contest_eval.problems.starter import starter_for

Progress = Callable[[str, int], None]  # (what, how many more) for "generated" / "judged"
log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class RunPlan:
    model: Model
    backend_name: str
    backend_options: dict[str, Any]
    language: str
    rollouts: int
    sampling: Sampling
    problems: list[Problem]
    preset: str | None = None
    window: dict[str, Any] = field(default_factory=dict)
    # What the outputs come from beyond the model's name: hf_id, endpoint,
    # model_file + model_sha256 (GGUF), replay_sha256.  None values are dropped.
    identity: dict[str, Any] = field(default_factory=dict)

    def _doc(self) -> dict[str, Any]:
        return {"model": self.model.name, "revision": self.model.revision, "backend": self.backend_name,
                "language": self.language, "rollouts": self.rollouts, "sampling": self.sampling.to_dict(),
                "problems": sorted(p.slug for p in self.problems), "template": template_hash()}

    def legacy_fingerprint(self) -> str:
        """The fingerprint runs had before the identity was part of it."""
        return hashlib.sha256(json.dumps(self._doc(), sort_keys=True).encode()).hexdigest()

    def fingerprint(self) -> str:
        ident = {k: v for k, v in self.identity.items() if v is not None}
        if not ident:
            return self.legacy_fingerprint()  # nothing new to add: old runs keep resuming as they did
        return hashlib.sha256(json.dumps({**self._doc(), "identity": ident}, sort_keys=True).encode()).hexdigest()


def _versions() -> dict[str, str]:
    import importlib.metadata as md

    out = {"contest-eval": __version__, "python": platform.python_version()}
    for pkg in ("vllm", "llama_cpp_python", "docker", "sqlalchemy"):
        try:
            out[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            pass
    return out


def _adopt_legacy(session: Session, plan: RunPlan, fp: str) -> Run | None:
    """A run stored before fingerprints covered the model identity, if it is this plan's.

    Such a run recorded no identity, so it resumes under the new fingerprint and
    records the identity from now on, unless what it did record (the GGUF's
    sha256) shows another model file.
    """
    ident = {k: v for k, v in plan.identity.items() if v is not None}
    if not ident:
        return None
    run = session.scalar(select(Run).where(Run.fingerprint == plan.legacy_fingerprint()))
    if run is None or "identity" in (run.params or {}):  # recorded (even as none): not a legacy run
        return None
    recorded = ((run.params or {}).get("engine") or {}).get("model_sha256")
    if recorded is not None and recorded != ident.get("model_sha256"):
        return None
    run.fingerprint = fp
    run.params = {**(run.params or {}), "identity": ident}  # a new dict: JSON columns change on reassignment
    session.flush()
    return run


def open_run(session: Session, plan: RunPlan) -> Run:
    """The stored run for this plan, created on first use (resume key: fingerprint)."""
    fp = plan.fingerprint()
    run = session.scalar(select(Run).where(Run.fingerprint == fp)) or _adopt_legacy(session, plan, fp)
    if run is None:
        run = Run(model_id=plan.model.id, backend=plan.backend_name, language=plan.language, rollouts=plan.rollouts,
                  fingerprint=fp, params={"sampling": plan.sampling.to_dict(), "preset": plan.preset, "window": plan.window,
                                          "template_hash": template_hash(), "versions": _versions(),
                                          "backend_options": {k: str(v) for k, v in plan.backend_options.items()},
                                          "identity": {k: v for k, v in plan.identity.items() if v is not None} or None,
                                          "problems": [p.slug for p in plan.problems],
                                          "problem_ids": [p.id for p in plan.problems]})
        session.add(run)
        try:
            session.flush()
        except (IntegrityError, OperationalError):
            # Another `run` of the same plan created it a moment ago (unique
            # fingerprint; SQLite says "locked" when its snapshot went stale):
            # share that run.  The caller's session holds only reads here.
            session.rollback()
            run = session.scalar(select(Run).where(Run.fingerprint == fp))
            if run is None:
                raise
    return run


def write_once(factory: sessionmaker[Session], work: Callable[[Session], T], tries: int = 8) -> T:
    """Run ``work`` in its own transaction, again from the start if another
    process won a race for the same row.

    Two `run` processes of one plan write the same generations and verdicts:
    the unique keys let one insert win (the other gets IntegrityError), and
    SQLite refuses a write from a snapshot that another writer made stale.
    A fresh transaction then sees the winner's row and ``work`` keeps it.
    """
    for attempt in range(tries):
        try:
            with factory() as s, s.begin():
                return work(s)
        except (IntegrityError, OperationalError) as exc:
            if attempt == tries - 1 or (isinstance(exc, OperationalError) and "locked" not in str(exc)):
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def rollout_seed(base: int | None, slug: str, rollout: int) -> int | None:
    if base is None:
        return None
    digest = hashlib.sha256(f"{base}:{slug}:{rollout}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


class Pipeline:
    """Generates the missing rollouts and judges every unjudged generation."""

    def __init__(self, factory: sessionmaker[Session], judge: Judge, backend: Any, plan: RunPlan, run_id: int,
                 progress: Progress = lambda what, n: None, judge_workers: int = 2) -> None:
        self.factory, self.judge, self.backend, self.plan, self.run_id = factory, judge, backend, plan, run_id
        self.progress = progress
        self.judge_workers = judge_workers
        self._lock = threading.Lock()  # SQLite writes from the generator callback and the judges

    # -- generation ---------------------------------------------------------------

    def missing_requests(self) -> list[GenerationRequest]:
        with self.factory() as s:
            done = {(g.problem_id, g.rollout) for g in s.scalars(select(Generation).where(Generation.run_id == self.run_id))}
        requests = []
        for p in self.plan.problems:
            starter, hint = starter_for(self.plan.language, p.meta, p.starter_code)
            messages = build_messages(p.statement_text or p.title, self.plan.language, starter, hint)
            for r in range(self.plan.rollouts):
                if (p.id, r) not in done:
                    # One request per rollout (first_index = rollout): a resumed run asks
                    # for exactly the missing rollouts with their original seeds.
                    requests.append(GenerationRequest(key=p.slug, messages=messages, n=1, first_index=r,
                                                      seed=rollout_seed(self.plan.sampling.seed, p.slug, r)))
        return requests

    def _store_generation(self, c: Completion, prompts: dict[str, str], by_slug: dict[str, Problem]) -> int | None:
        slug, rollout = c.key, c.index
        problem = by_slug[slug]
        extraction = extract_code(c.text, self.plan.language, c.finish_reason)

        def store(s: Session) -> int | None:
            exists = s.scalar(select(Generation.id).where(Generation.run_id == self.run_id, Generation.problem_id == problem.id,
                                                          Generation.rollout == int(rollout)))
            if exists:
                return None  # stored before (a resumed run, or another process of the same plan)
            g = Generation(run_id=self.run_id, problem_id=problem.id, rollout=int(rollout), prompt=prompts[c.key],
                           raw_output=c.text if c.reasoning is None else f"<think>{c.reasoning}</think>{c.text}",
                           code=extraction.code, extract_reason=extraction.reason, prompt_tokens=c.prompt_tokens,
                           completion_tokens=c.completion_tokens, latency_ms=int(c.latency_ms or 0), finish_reason=c.finish_reason)
            s.add(g)
            s.flush()
            return g.id if extraction.code is not None else None

        with self._lock:
            return write_once(self.factory, store)

    # -- judging ------------------------------------------------------------------

    def unjudged(self) -> list[int]:
        """Generations with code and no verdict (or an infrastructure error)."""
        with self.factory() as s:
            rows = s.execute(select(Generation.id, Submission.verdict).outerjoin(Submission, Submission.generation_id == Generation.id)
                             .where(Generation.run_id == self.run_id, Generation.code.is_not(None))).all()
        return [gid for gid, verdict in rows if verdict is None or verdict == Verdict.IE.value]

    def judge_one(self, generation_id: int) -> str:
        suite_id = 0
        try:
            with self.factory() as s:
                g = s.get(Generation, generation_id)
                assert g is not None
                problem = s.get(Problem, g.problem_id)
                assert problem is not None
                suite = latest_suite(s, problem.id)
                suite_id = suite.id if suite else 0
                code = g.code or ""
                spec = spec_for(problem, suite)
            result = self.judge.judge(spec, self.plan.language, code)
        except Exception as exc:  # noqa: BLE001 - any judge failure is this submission's IE, not the run's end
            # Logged with its traceback so the cause can be fixed; the IE is
            # re-judged when the run is resumed.
            log.error("judge failed on generation %d (run %d): stored as IE", generation_id, self.run_id, exc_info=True)
            result = JudgeResult(verdict=Verdict.IE, language=self.plan.language,
                                 message=f"judge raised {type(exc).__name__}: {exc}")

        def store(s: Session) -> str:
            old = s.scalar(select(Submission).where(Submission.generation_id == generation_id))
            if old is not None:
                if old.verdict != Verdict.IE.value:
                    return old.verdict  # another process of this run judged it first: its verdict stands
                s.delete(old)  # only IE submissions are ever re-judged
                s.flush()
            sub = Submission(generation_id=generation_id, suite_id=suite_id, language=self.plan.language,
                             verdict=result.verdict.value, image=result.image, compile_output=result.compile_output[-20000:],
                             message=result.message[-2000:], attempts=result.attempts, judged_at=utcnow(),
                             rejudged=result.rejudged, cpu_ms_seen=result.cpu_ms_seen or None)
            s.add(sub)
            s.flush()
            s.add_all(TestResultRow(submission_id=sub.id, test_index=t.index, verdict=t.verdict.value, cpu_ms=t.cpu_ms,
                                    wall_ms=t.wall_ms, memory_kb=t.memory_kb, exit_code=t.exit_code, signal=t.signal)
                      for t in result.tests)
            return result.verdict.value

        with self._lock:
            return write_once(self.factory, store)

    # -- the whole run --------------------------------------------------------------

    def execute(self) -> dict[str, int]:
        self._set_status("running")  # a resumed run is running again until it finishes or stops
        requests = self.missing_requests()
        prompts = {r.key: json.dumps(r.messages, ensure_ascii=False) for r in requests}  # same prompt for every rollout
        by_slug = {p.slug: p for p in self.plan.problems}
        todo: queue.Queue[int | None] = queue.Queue()
        queued: set[int] = set()

        def enqueue(gid: int) -> None:
            with self._lock:
                if gid in queued:
                    return
                queued.add(gid)
            todo.put(gid)

        for gid in self.unjudged():
            enqueue(gid)
        counts = {"generated": 0, "judged": 0}

        def on_done(c: Completion) -> None:
            gid = self._store_generation(c, prompts, by_slug)
            counts["generated"] += 1
            self.progress("generated", 1)
            if gid is not None:
                enqueue(gid)

        def worker() -> None:
            while True:
                gid = todo.get()
                if gid is None:
                    return
                self.judge_one(gid)
                counts["judged"] += 1
                self.progress("judged", 1)

        with ThreadPoolExecutor(self.judge_workers) as pool:
            workers = [pool.submit(worker) for _ in range(self.judge_workers)]
            try:
                if requests:
                    # The callback stores each completion as it arrives; anything
                    # a backend returns without calling back is stored here.
                    for c in self.backend.generate(requests, self.plan.sampling, on_done=on_done):
                        self._store_generation(c, prompts, by_slug)
                    for gid in self.unjudged():
                        enqueue(gid)
            except BaseException:
                self._set_status("interrupted")  # what was stored stays; the same command resumes
                raise
            finally:
                for _ in workers:
                    todo.put(None)
            for w in workers:
                w.result()
        # "finished" only when every planned attempt exists: a backend that
        # returned fewer completions than asked leaves the run incomplete.
        counts["missing"] = self.missing_count()
        self._set_status("incomplete" if counts["missing"] else "finished")
        return counts

    def _set_status(self, status: str) -> None:
        def store(s: Session) -> None:
            run = s.get(Run, self.run_id)
            if run is not None:
                run.status, run.finished_at = status, utcnow() if status == "finished" else None

        with self._lock:
            write_once(self.factory, store)

    def missing_count(self) -> int:
        """Planned (problem, rollout) pairs with no stored generation."""
        with self.factory() as s:
            done = {(pid, r) for pid, r in s.execute(select(Generation.problem_id, Generation.rollout)
                                                     .where(Generation.run_id == self.run_id))}
        return sum((p.id, r) not in done for p in self.plan.problems for r in range(self.plan.rollouts))


def wait_seconds(started: float) -> float:
    return round(time.monotonic() - started, 1)
