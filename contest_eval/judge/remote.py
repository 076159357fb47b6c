"""Judging on a Ray cluster, behind the local judge's interface.

:class:`RayJudge` has :meth:`Judge.judge`'s signature, so the run pipeline and
the suite builder use it unchanged: each call becomes one Ray task (one
submission) and returns as soon as that task finishes; the caller, on the
driver, writes the result to the store.  Tasks need the custom resource
``contest_eval_judge``, which a node advertises only where Docker and the judge
images are present::

    ray start --address HEAD:6379 --resources "$(python -m contest_eval.judge.remote node-resources)"

Faults: a task whose worker or node dies is re-run elsewhere by Ray
(``max_retries``); an infrastructure failure inside a task (Docker, the
sandbox, an IE verdict) raises :class:`JudgeInfraError`, the only exception Ray
retries.  What is still failing after the retries is an IE result, never a
verdict against the model.  Results cross the process boundary as JSON text:
the submission's output is untrusted and is never unpickled as an object.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import asdict
from pathlib import Path
from typing import Any

from contest_eval import __version__
from contest_eval.judge.engine import Options
from contest_eval.judge.spec import ProblemSpec, judgeable, parse_spec
from contest_eval.judge.verdict import JudgeResult, TestResult, Verdict

RESOURCE = "contest_eval_judge"
TASK_RETRIES = 3  # re-runs after a lost worker/node or an infrastructure error
PROBE_TIMEOUT_S = 120.0  # a fresh worker process on a loaded node takes seconds to start
NO_NODE_GRACE_S = 60.0  # how long a task may wait with no node offering the resource
SPEC_CACHE = 256  # specs kept in the object store (rollouts of one problem share theirs)
log = logging.getLogger(__name__)


class RayJudgeError(RuntimeError):
    """The cluster cannot judge (unreachable, no node with the images); one line."""


class JudgeInfraError(RuntimeError):
    """Raised inside a task when the node, not the submission, failed: Ray retries it."""


# -- plain-data codecs ---------------------------------------------------------------

def spec_to_json(spec: ProblemSpec) -> dict[str, Any]:
    return {"kind": spec.kind, "metadata": spec.raw_metadata, "compare": spec.compare,
            "time_limit_ms": spec.time_limit_ms, "memory_limit_mb": spec.memory_limit_mb,
            "tests": [{"input": t.input, "output": t.output} for t in spec.tests],
            "checker_needs_expected": spec.checker_needs_expected, "learn_outputs": spec.learn_outputs}


def spec_from_json(doc: dict[str, Any]) -> ProblemSpec:
    from dataclasses import replace

    learn = bool(doc.get("learn_outputs"))
    spec = parse_spec({k: v for k, v in doc.items() if k != "learn_outputs"})
    return replace(spec, learn_outputs=True) if learn else spec


def result_from_json(doc: dict[str, Any]) -> JudgeResult:
    """The inverse of :meth:`JudgeResult.to_json` (derived totals are recomputed)."""
    tests = [TestResult(index=int(t["index"]), verdict=Verdict(t["verdict"]), cpu_ms=int(t.get("cpu_ms") or 0),
                        wall_ms=int(t.get("wall_ms") or 0), memory_kb=int(t.get("memory_kb") or 0),
                        exit_code=t.get("exit_code"), signal=t.get("signal"), message=str(t.get("message") or ""),
                        output=t.get("output")) for t in doc.get("tests") or []]
    return JudgeResult(verdict=Verdict(doc["verdict"]), language=str(doc["language"]), tests=tests,
                       compile_output=str(doc.get("compile_output") or ""), image=str(doc.get("image") or ""),
                       message=str(doc.get("message") or ""), attempts=int(doc.get("attempts") or 1),
                       rejudged=int(doc.get("rejudged") or 0), cpu_ms_seen=[int(c) for c in doc.get("cpu_ms_seen") or []])


# -- the worker side ------------------------------------------------------------------

_worker_judge: Any = None
_worker_specs: OrderedDict[str, ProblemSpec] = OrderedDict()


def _infrastructure(exc: BaseException) -> bool:
    """Failures of the node (Docker, the jail, the images, the disk), not of the submission."""
    import docker
    import requests

    from contest_eval.judge.images import ImageError
    from contest_eval.judge.sandbox import SandboxError

    return isinstance(exc, (docker.errors.DockerException, requests.exceptions.ConnectionError, SandboxError,
                            ImageError, OSError))


def judge_task(spec_key: str, spec_text: str, language: str, source: str, options: dict[str, Any],
               base_dir: str | None) -> str:
    """Judge one submission on this node; the result as JSON text."""
    global _worker_judge
    from contest_eval.judge.engine import Judge

    spec = _worker_specs.get(spec_key)
    if spec is None:
        spec = spec_from_json(json.loads(spec_text))
        _worker_specs[spec_key] = spec
        while len(_worker_specs) > SPEC_CACHE:
            _worker_specs.popitem(last=False)
    try:
        if _worker_judge is None:  # one judge (and warm pool) per worker process, reused by its tasks
            _worker_judge = Judge()
        result = _worker_judge.judge(spec, language, source, Options(**options), Path(base_dir) if base_dir else None)
    except Exception as exc:  # noqa: BLE001 - sorted below: the node's fault is retried, a bug is reported
        if _infrastructure(exc):
            raise JudgeInfraError(f"{type(exc).__name__}: {_line(str(exc))}") from None
        return json.dumps({"error": f"{type(exc).__name__}: {_line(str(exc))}"})
    if result.verdict is Verdict.IE:
        # The local judge already retried; another attempt, maybe on another node.
        raise JudgeInfraError(f"IE: {_line(result.message)}")
    return json.dumps({"result": result.to_json()})


def probe_node() -> str:
    """What this node can judge: contest-eval's version, Docker, the images present (JSON)."""
    doc: dict[str, Any] = {"version": __version__, "docker": "", "images": []}
    try:
        from contest_eval.judge.images import list_images
        from contest_eval.judge.sandbox import docker_client

        client = docker_client()
        client.ping()
        doc["images"] = [i.language for i in list_images(client) if i.present]
    except Exception as exc:  # noqa: BLE001 - reported to the driver as this node's problem
        doc["docker"] = f"{type(exc).__name__}: {_line(str(exc))}"
    return json.dumps(doc)


def _line(text: str, limit: int = 300) -> str:
    return " ".join(text.split())[:limit]


# -- the driver side ------------------------------------------------------------------

def import_ray() -> Any:
    try:
        import ray
        import ray.exceptions  # noqa: F401 - used as ray.exceptions.*
    except ImportError:
        raise RayJudgeError("--executor ray needs Ray on this machine and every node: pip install 'contest-eval[ray]'") \
            from None
    return ray


def node_name(node: dict[str, Any]) -> str:
    return f"{node.get('NodeManagerAddress')}:{node.get('NodeManagerPort')} ({str(node.get('NodeID'))[:8]})"


def split_nodes(nodes: list[dict[str, Any]], resource: str = RESOURCE) -> tuple[list[dict[str, Any]], list[str]]:
    """Alive nodes that offer the resource, and the names of alive nodes that do not."""
    alive = [n for n in nodes if n.get("Alive")]
    offer = [n for n in alive if (n.get("Resources") or {}).get(resource, 0) > 0]
    return offer, [node_name(n) for n in alive if n not in offer]


def _reachable(address: str | None) -> None:
    """Fail fast on a dead HOST:PORT: Ray itself keeps retrying the connection for minutes."""
    import socket

    if not address or address == "auto" or "://" in address or ":" not in address:
        return
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=10):
            return
    except (OSError, ValueError) as exc:
        raise RayJudgeError(f"cannot connect to the Ray cluster at {address}: {_line(str(exc), 200)}") from None


class RayJudge:
    """Judges submissions as Ray tasks; safe to share between threads, like :class:`Judge`."""

    def __init__(self, address: str | None = None, resource: str = RESOURCE, retries: int = TASK_RETRIES,
                 probe: bool = True) -> None:
        ray = import_ray()
        self.ray, self.resource = ray, resource
        if not ray.is_initialized():
            _reachable(address)
            try:
                # Worker output stays in the cluster's logs: the CLI's progress display is ours.
                ray.init(address=address or "auto", logging_level=logging.WARNING, log_to_driver=False,
                         namespace="contest_eval")
            except Exception as exc:  # noqa: BLE001 - Ray raises ConnectionError, RuntimeError or ValueError
                raise RayJudgeError(f"cannot connect to the Ray cluster at {address or 'auto'}: "
                                    f"{_line(str(exc), 200)}") from None
        offer, self.without = split_nodes(ray.nodes(), resource)
        if not offer:
            raise RayJudgeError(f"no alive Ray node offers the {resource!r} resource, so none may judge "
                                f"(nodes without judge images: {', '.join(self.without) or 'none'}); on each node "
                                "with Docker and the images run: ray start --address HEAD:PORT --resources "
                                "\"$(python -m contest_eval.judge.remote node-resources)\"")
        if self.without:
            # Nodes without Docker (vLLM's GPU nodes, say) are normal in a shared cluster: judge work skips them.
            log.warning("Ray nodes without judge images (no %s resource, no judge work): %s", resource,
                        ", ".join(self.without))
        self.slots = int(sum((n.get("Resources") or {}).get(resource, 0) for n in offer))
        self.languages: set[str] | None = self._probe(offer) if probe else None
        self._task = ray.remote(judge_task).options(num_cpus=0, resources={resource: 1}, max_retries=retries,
                                                    retry_exceptions=[JudgeInfraError])
        self._specs: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._alive_at = time.monotonic()

    def _probe(self, offer: list[dict[str, Any]]) -> set[str]:
        """Run a probe on each advertising node; a node that lies about its images is an error."""
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        probe = self.ray.remote(probe_node)
        refs = {probe.options(num_cpus=0, scheduling_strategy=NodeAffinitySchedulingStrategy(n["NodeID"], soft=False))
                .remote(): node_name(n) for n in offer}
        ready, _ = self.ray.wait(list(refs), num_returns=len(refs), timeout=PROBE_TIMEOUT_S)
        bad, languages = [], set()
        for ref, name in refs.items():
            if ref not in ready:
                bad.append(f"{name}: no answer in {PROBE_TIMEOUT_S:.0f}s")
                continue
            doc = json.loads(self.ray.get(ref))
            if doc["version"] != __version__:
                bad.append(f"{name}: contest-eval {doc['version']}, the driver has {__version__}")
            elif doc["docker"]:
                bad.append(f"{name}: Docker unusable ({doc['docker']})")
            elif not doc["images"]:
                bad.append(f"{name}: no judge image built (contest-eval judge images build)")
            else:
                languages.update(doc["images"])
        if bad:
            raise RayJudgeError(f"Ray nodes offering {self.resource!r} cannot judge: {'; '.join(bad)}")
        return languages

    def _spec_ref(self, spec: ProblemSpec) -> tuple[str, Any]:
        """The spec in the object store, put once: rollouts of a problem share their (large) tests."""
        text = json.dumps(spec_to_json(spec), ensure_ascii=False, sort_keys=True)
        key = hashlib.sha256(text.encode()).hexdigest()
        with self._lock:
            ref = self._specs.get(key)
            if ref is None:
                ref = self._specs[key] = self.ray.put(text)
                while len(self._specs) > SPEC_CACHE:
                    self._specs.popitem(last=False)
            else:
                self._specs.move_to_end(key)
        return key, ref

    def judge(self, spec: ProblemSpec, language: str, source: str, options: Options | None = None,
              base_dir: Path | None = None) -> JudgeResult:
        judgeable(spec)  # a spec that cannot be judged fails here, as locally, not on a node
        if self.languages is not None and language not in self.languages:
            from contest_eval.judge.images import ImageError

            raise ImageError(f"no Ray node has the judge image for {language}; on the judge nodes run: "
                             f"contest-eval judge images build --lang {language}")
        key, spec_ref = self._spec_ref(spec)
        ref = self._task.remote(key, spec_ref, language, source, asdict(options or Options()),
                                str(base_dir.resolve()) if base_dir else None)
        try:
            text = self._wait(ref)
        except self.ray.exceptions.RayError as exc:
            # The retries are spent (workers or nodes lost, or the node's infrastructure kept failing).
            cause = exc.cause if isinstance(exc, self.ray.exceptions.RayTaskError) else exc
            return JudgeResult(Verdict.IE, language, message=f"Ray: {type(cause).__name__}: {_line(str(cause))}",
                               attempts=0)
        doc = json.loads(text)
        if "error" in doc:
            raise RuntimeError(f"judge failed on the Ray worker: {doc['error']}")
        return result_from_json(doc["result"])

    def _wait(self, ref: Any) -> str:
        """The task's JSON, or an IE when no node has offered the resource for a while."""
        while True:
            ready, _ = self.ray.wait([ref], timeout=5.0)
            if ready:
                return str(self.ray.get(ref))
            if self._offered():
                continue
            self.ray.cancel(ref, force=True)
            raise self.ray.exceptions.RayError(f"no alive node offered {self.resource!r} for {NO_NODE_GRACE_S:.0f}s")

    def _offered(self) -> bool:
        """Whether some node offered the resource within the grace period (checked at most every 5 s)."""
        with self._lock:
            now = time.monotonic()
            if now - self._alive_at < 5.0:
                return True
            if self.ray.cluster_resources().get(self.resource, 0) > 0:
                self._alive_at = now
            return now - self._alive_at < NO_NODE_GRACE_S


# -- python -m contest_eval.judge.remote node-resources ---------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m contest_eval.judge.remote",
                                     description="Print the --resources for `ray start` on a judge node.")
    sub = parser.add_subparsers(dest="command", required=True)
    res = sub.add_parser("node-resources", help="{\"contest_eval_judge\": N} if Docker and the images are here.")
    res.add_argument("--slots", type=int, default=os.cpu_count() or 1, help="Submissions judged at once (default: CPUs).")
    args = parser.parse_args(argv)
    doc = json.loads(probe_node())
    if doc["docker"] or not doc["images"]:
        why = f"Docker unusable ({doc['docker']})" if doc["docker"] else "no judge image built"
        print(f"error: this node cannot judge: {why}; fix it before advertising {RESOURCE}", file=sys.stderr)
        return 1
    print(json.dumps({RESOURCE: max(1, args.slots)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
