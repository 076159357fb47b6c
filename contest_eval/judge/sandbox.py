"""The Docker jail: one fresh, hardened container per submission.

The host writes a read-only input folder (plan, supervisor, sources, test
inputs — never expected outputs), creates the container with
``containers.create`` (never ``run``: it pulls and has no timeout), attaches to
the container's stdout, waits with an outer deadline, reads the supervisor's
framed report from that stream (bounded on the host; the container has no log)
and removes everything in ``finally``.  Nothing is ever copied out of the
container and no path the sandbox can write is touched on the host.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from contest_eval.judge.assets import judges_dir
from contest_eval.judge.channel import Channel, Report
from contest_eval.judge.seccomp import security_opt

LABEL = "contest-eval.judge"
OWNER_LABEL = "contest-eval.owner"
# The supervisor runs as root with only these capabilities and drops every
# child to uid 10001 (judges/supervisor.py): CAP_KILL lets it kill processes
# of another uid, CAP_SETUID/SETGID let it switch to that uid.
SUPERVISOR_CAPS = ["SETUID", "SETGID", "KILL"]
# Must match the supervisor's WALL_CEILING: no run outlives this multiple of
# its wall limit, nor a compile of its compile wall limit.
WALL_CEILING = 3
# The OOM killer's choice inside the container: each child raises its own
# score to 1000 before exec, so the kernel takes the submission long before
# the supervisor (PID 1) at 0.  Not negative: lowering a score needs
# CAP_SYS_RESOURCE in the daemon, which hosts like ours do not grant it.  A
# submission may lower its score back to 0, but it would still have to outrun
# the supervisor's memory poll across the container's headroom.
SUPERVISOR_OOM_SCORE = 0
TMP_MB = 64
SHM_MB = 16
READY_TIMEOUT_S = 30
WORKDIR_PREFIX = "ce-judge-"


class SandboxError(RuntimeError):
    """The jail itself failed (Docker unavailable, image missing, report lost)."""


@dataclass
class Limits:
    """Everything the container and the supervisor enforce, already scaled."""

    run_cpu_ms: int
    run_wall_ms: int
    memory_kb: int  # peak resident memory allowed to the submission
    address_space_kb: int | None
    container_mb: int
    output_bytes: int = 32 << 20
    file_bytes: int = 64 << 20
    stack_bytes: int = 0  # 0: unlimited (memory is bounded by the cgroup poll)
    compile_cpu_ms: int = 30_000
    compile_wall_ms: int = 60_000
    compile_address_space_kb: int | None = None
    compile_memory_kb: int = 1 << 20
    pids: int = 256
    work_mb: int = 256
    cpuset: str | None = None


def docker_client() -> Any:
    import docker  # lazy: `contest-eval --help` must not need a daemon

    try:
        client = docker.from_env(timeout=120)
        client.ping()
    except Exception as exc:  # docker raises a zoo of types here
        raise SandboxError(f"Docker engine unavailable: {exc}") from exc
    return client


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class Job:
    """One submission's plan for the supervisor: what ``Sandbox.execute`` takes."""

    mode: str  # "stdin" or "harness"
    command: dict[str, list[str]]
    env: dict[str, str]
    files: dict[str, str]
    inputs: list[str]
    limits: Limits
    fail_fast: bool = False

    def plan(self) -> dict[str, Any]:
        return {
            "mode": self.mode, "compile": self.command.get("compile") or None, "run": self.command["run"],
            "env": self.env, "tests": len(self.inputs), "fail_fast": self.fail_fast, "memory_kb": self.limits.memory_kb,
            "compile_limits": _plan_limits(self.limits, True), "run_limits": _plan_limits(self.limits, False),
        }


def _write_job(folder: Path, job: Job) -> dict[str, Any]:
    """Write one submission's sources and inputs under ``folder``; its plan."""
    (folder / "src").mkdir(parents=True)
    blobs = [text.encode("utf-8", "surrogateescape") for text in job.inputs]
    offsets, position = [], 0
    for blob in blobs:
        offsets.append([position, len(blob)])
        position += len(blob)
    (folder / "tests.bin").write_bytes(b"".join(blobs))
    for name, content in job.files.items():
        if "/" in name or name.startswith("."):
            raise SandboxError(f"bad source file name {name!r}")
        (folder / "src" / name).write_text(content, encoding="utf-8", errors="surrogateescape")
    return {**job.plan(), "test_offsets": offsets}


def _write_inputs(root: Path, jobs: list[Job], batch: bool) -> None:
    """Fill the container's read-only input folder; the plan is only staged:
    :func:`_publish` renames it into place, and the supervisor starts the
    moment it appears.  A batch puts item k's files under ``b/k/``."""
    if batch:
        plan: dict[str, Any] = {"batch": [_write_job(root / "b" / str(k), job) for k, job in enumerate(jobs)]}
    else:
        plan = _write_job(root, jobs[0])
    # The sandbox user must read these; nobody may write them.
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    staging = root / ".plan.json"
    staging.write_text(json.dumps(plan), encoding="utf-8")
    staging.chmod(0o644)


def _publish(root: Path) -> None:
    (root / ".plan.json").rename(root / "plan.json")


def _plan_limits(limits: Limits, compile_phase: bool) -> dict[str, Any]:
    if compile_phase:
        return {"cpu_ms": limits.compile_cpu_ms, "wall_ms": limits.compile_wall_ms, "output": 1 << 20,
                "fsize": 128 << 20, "stack": limits.stack_bytes, "memory_kb": limits.compile_memory_kb,
                "address_space": limits.compile_address_space_kb * 1024 if limits.compile_address_space_kb else None}
    return {"cpu_ms": limits.run_cpu_ms, "wall_ms": limits.run_wall_ms, "output": limits.output_bytes,
            "fsize": limits.file_bytes, "stack": limits.stack_bytes,
            "address_space": limits.address_space_kb * 1024 if limits.address_space_kb else None}


@dataclass
class Warm:
    container: Any
    root: Path
    nonce: str


def _remove(container: Any) -> None:
    try:
        container.remove(force=True)
    except Exception:  # already gone; gc_orphans covers the rest
        pass


class Sandbox:
    """Runs plans in fresh containers on one Docker engine."""

    def __init__(self, client: Any | None = None, workdir: Path | None = None, pool: Any | None = None) -> None:
        self.client = client or docker_client()
        self.workdir = workdir
        self.pool = pool

    def start_container(self, image: str, limits: Limits) -> Warm:
        """A started container whose supervisor waits for its plan.

        Starting is most of a submission's fixed cost; a started, idle
        container holds nothing but our supervisor, so it can be made ahead
        of time (see :mod:`contest_eval.judge.pool`).
        """
        nonce = secrets.token_hex(16)
        root = Path(tempfile.mkdtemp(prefix=f"{WORKDIR_PREFIX}{os.getpid()}-", dir=self.workdir))
        root.chmod(0o755)
        for part in sorted(judges_dir().glob("supervisor*.py")):  # the supervisor and its modules
            shutil.copyfile(part, root / part.name)
            (root / part.name).chmod(0o644)
        container = None
        try:
            container = self._create(image, root, nonce, limits)
            container.start()
        except Exception as exc:
            if container is not None:
                _remove(container)
            shutil.rmtree(root, ignore_errors=True)
            raise SandboxError(f"cannot start a container from {image}: {exc}") from exc
        return Warm(container, root, nonce)

    def execute(self, image: str, mode: str, command: dict[str, list[str]], env: dict[str, str], files: dict[str, str],
                inputs: list[str], limits: Limits, fail_fast: bool = False) -> Report:
        """One submission in one fresh container."""
        job = Job(mode, command, env, files, inputs, limits, fail_fast)
        return self._run(image, [job], limits, batch=False)

    def execute_batch(self, image: str, jobs: list[Job]) -> list[Report]:
        """Several submissions in sequence in one container, one report each.

        For trusted code only (a dataset's reference solutions, a suite
        build's references): never model output, which always gets a fresh
        container of its own (:meth:`execute`).  The supervisor runs each
        item exactly as a single plan, with its own limits, then kills every
        leftover process and removes every file and IPC object before the
        next; an item without a complete report (``done`` false) is void and
        must be judged again alone.  The container is sized for the largest.
        """
        if not jobs:
            return []
        first = jobs[0].limits
        box = replace(first, container_mb=max(j.limits.container_mb for j in jobs), pids=max(j.limits.pids for j in jobs),
                      file_bytes=max(j.limits.file_bytes for j in jobs), work_mb=max(j.limits.work_mb for j in jobs))
        if any(j.limits.cpuset != first.cpuset for j in jobs):
            raise SandboxError("a batch runs on one cpuset")
        report = self._run(image, jobs, box, batch=True)
        out = []
        for k in range(len(jobs)):
            item = report.items.get(k, Report())
            if not item.done and not item.error:
                item.error = report.error or f"batch ended before item {k} (supervisor exit {report.exit_code})"
            item.exit_code = report.exit_code
            out.append(item)
        return out

    def _run(self, image: str, jobs: list[Job], limits: Limits, batch: bool) -> Report:
        """Run the plan of ``jobs`` in a container sized by ``limits``; the raw report."""
        warm = self.pool.take(image, limits) if self.pool is not None else None
        if warm is None:
            warm = self.start_container(image, limits)
        container, root, nonce = warm.container, warm.root, warm.nonce
        channel: Channel | None = None
        try:
            _write_inputs(root, jobs, batch)
            try:
                bound = sum(_report_bound(j.limits, len(j.inputs)) for j in jobs)
                channel = Channel(self.client, container, nonce, bound)
            except Exception as exc:  # docker's errors: the container is gone or the daemon failed
                raise SandboxError(f"cannot attach to the container: {exc}") from exc
            (root / "attached").touch(mode=0o644)
            if not channel.ready.wait(READY_TIMEOUT_S):
                raise SandboxError("the supervisor did not answer on the report channel")
            _publish(root)
            deadline = sum(outer_deadline_ms(j.limits, j.mode, len(j.inputs)) for j in jobs)
            try:
                status = container.wait(timeout=deadline / 1000)
            except Exception as exc:  # requests' ReadTimeout or a connection error
                container.kill()
                raise SandboxError(f"container exceeded the outer deadline ({deadline} ms): {exc}") from exc
            channel.finish(timeout=30)
            report = channel.report
            report.exit_code = int(status.get("StatusCode", -1))
            if channel.fault and not report.error:
                report.error, report.done = channel.fault, False
            if not report.done and not report.error:
                container.reload()
                state = container.attrs.get("State", {})
                report.oom_killed = bool(state.get("OOMKilled"))
                err = bytes(channel.stderr).decode("utf-8", "replace").strip()
                report.error = f"supervisor exited {report.exit_code} without a complete report" + (f": {err}" if err else "")
            return report
        finally:
            if channel is not None:
                channel.close()
            _remove(container)
            shutil.rmtree(root, ignore_errors=True)

    def _create(self, image: str, root: Path, nonce: str, limits: Limits) -> Any:
        from docker.types import LogConfig, Ulimit

        # Room for the submission's budget, the supervisor and every tmpfs
        # full (their pages stay charged until deleted): the poll stops the
        # submission long before the container's own limit is reached.
        mem = limits.container_mb * (1 << 20)
        kwargs: dict[str, Any] = dict(
            image=image,
            # The supervisor is PID 1 on purpose (no --init): PID 1 of a PID
            # namespace cannot be killed from inside it, and it reaps orphans.
            command=["python3", "-I", "-S", "/in/supervisor.py"],
            user="0:0",
            network_mode="none",
            read_only=True,
            tmpfs={
                "/work": f"rw,exec,nosuid,nodev,size={limits.work_mb}m,nr_inodes=4096,mode=1777",
                "/tmp": f"rw,noexec,nosuid,nodev,size={TMP_MB}m,nr_inodes=4096,mode=1777",
            },
            volumes={str(root): {"bind": "/in", "mode": "ro"}},
            mem_limit=mem,
            memswap_limit=mem,
            pids_limit=limits.pids,
            cap_drop=["ALL"],
            cap_add=SUPERVISOR_CAPS,
            security_opt=["no-new-privileges:true", security_opt()],
            ulimits=[Ulimit(name="core", soft=0, hard=0), Ulimit(name="nofile", soft=256, hard=256),
                     Ulimit(name="fsize", soft=limits.file_bytes * 2, hard=limits.file_bytes * 2)],
            ipc_mode="private",
            shm_size=SHM_MB << 20,
            environment={"CE_NONCE": nonce, "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/work"},
            # The report travels over the attached stdout (Channel); a log
            # would only duplicate it, and a json log escapes and rotates it.
            log_config=LogConfig(type="none", config={}),
            hostname="judge",
            labels={LABEL: "1", OWNER_LABEL: _owner(), "contest-eval.created": str(int(time.time()))},
            stop_signal="SIGKILL",
            oom_score_adj=SUPERVISOR_OOM_SCORE,
            nano_cpus=1_000_000_000,
            detach=True,
        )
        if limits.cpuset is not None:
            kwargs["cpuset_cpus"] = limits.cpuset
        try:
            return self.client.containers.create(**kwargs)
        except Exception as exc:
            raise SandboxError(f"cannot create container from {image}: {exc}") from exc


def _report_bound(limits: Limits, tests: int) -> int:
    """Everything the supervisor may legitimately send: per run its output cap
    plus headers and stderr excerpts."""
    return (tests + 2) * (limits.output_bytes + (256 << 10)) + (4 << 20)


def outer_deadline_ms(limits: Limits, mode: str, tests: int) -> int:
    """Longer than anything the supervisor may take: it stops a compile or run
    at WALL_CEILING x its wall limit at the latest, plus a little to kill,
    reap and clean up.  This only catches a supervisor that itself went wrong."""
    runs = tests if mode == "stdin" else 1
    per_run = WALL_CEILING * limits.run_wall_ms + 3000
    return WALL_CEILING * limits.compile_wall_ms + 3000 + runs * per_run + 30_000


def gc_workdirs(workdir: Path | None = None, max_age_s: int = 3600) -> int:
    """Remove input folders left by judge processes that are gone (named
    ``ce-judge-<pid>-…``), and unnamed ones older than ``max_age_s``."""
    removed = 0
    top = Path(workdir or tempfile.gettempdir())
    for path in top.glob(f"{WORKDIR_PREFIX}*"):
        pid, dash, _ = path.name[len(WORKDIR_PREFIX):].partition("-")
        try:
            stale = not _pid_alive(int(pid)) if dash and pid.isdigit() else time.time() - path.stat().st_mtime > max_age_s
        except OSError:
            continue
        if stale and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


def gc_orphans(client: Any, max_age_s: int = 3600) -> int:
    """Remove judge containers whose owner process is gone (or that are old).

    Containers are labelled with ``host:pid`` of the process that made them;
    after a crash, the next judge run on the same host collects them.
    """
    removed = 0
    host = socket.gethostname()
    now = time.time()
    # The low-level listing returns labels without a per-container inspect,
    # which would race with other judges removing their own containers.
    for c in client.api.containers(all=True, filters={"label": LABEL}):
        labels = c.get("Labels") or {}
        owner_host, _, pid = labels.get(OWNER_LABEL, "").partition(":")
        created = int(labels.get("contest-eval.created", "0") or 0)
        alive = owner_host == host and pid.isdigit() and _pid_alive(int(pid))
        if (owner_host == host and not alive) or now - created > max_age_s:
            try:
                client.api.remove_container(c["Id"], force=True)
                removed += 1
            except Exception:  # removed meanwhile by its owner
                pass
    return removed


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
