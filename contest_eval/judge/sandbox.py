"""The Docker jail: one fresh, hardened container per submission.

The host writes a read-only input folder (plan, supervisor, sources, test
inputs — never expected outputs), creates the container with
``containers.create`` (never ``run``: it pulls and has no timeout), waits with
an outer deadline, reads the supervisor's report from the container log and
removes everything in ``finally``.  Nothing is ever copied out of the
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contest_eval.judge.assets import judges_dir
from contest_eval.judge.seccomp import security_opt

LABEL = "contest-eval.judge"
OWNER_LABEL = "contest-eval.owner"
SANDBOX_UID = "10001:10001"
LOG_MAX = "128m"


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
    stack_bytes: int = 256 << 20
    compile_cpu_ms: int = 30_000
    compile_wall_ms: int = 60_000
    compile_address_space_kb: int | None = None
    pids: int = 256
    work_mb: int = 256
    cpuset: str | None = None


@dataclass
class Report:
    compile: dict[str, Any] | None = None
    tests: list[dict[str, Any]] = field(default_factory=list)
    done: bool = False
    error: str = ""
    exit_code: int | None = None
    oom_killed: bool = False


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


def _write_inputs(root: Path, plan: dict[str, Any], files: dict[str, str], inputs: list[str]) -> None:
    """Fill the container's read-only input folder; plan.json comes last, by
    an atomic rename, because the supervisor starts the moment it appears."""
    (root / "src").mkdir()
    blobs = [text.encode("utf-8", "surrogateescape") for text in inputs]
    offsets, position = [], 0
    for blob in blobs:
        offsets.append([position, len(blob)])
        position += len(blob)
    (root / "tests.bin").write_bytes(b"".join(blobs))
    for name, content in files.items():
        if "/" in name or name.startswith("."):
            raise SandboxError(f"bad source file name {name!r}")
        (root / "src" / name).write_text(content, encoding="utf-8", errors="surrogateescape")
    # The sandbox user must read these; nobody may write them.
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    staging = root / ".plan.json"
    staging.write_text(json.dumps({**plan, "test_offsets": offsets}), encoding="utf-8")
    staging.chmod(0o644)
    staging.rename(root / "plan.json")


def _plan_limits(limits: Limits, compile_phase: bool) -> dict[str, Any]:
    if compile_phase:
        return {"cpu_ms": limits.compile_cpu_ms, "wall_ms": limits.compile_wall_ms, "output": 1 << 20,
                "fsize": 128 << 20, "stack": limits.stack_bytes,
                "address_space": limits.compile_address_space_kb * 1024 if limits.compile_address_space_kb else None}
    return {"cpu_ms": limits.run_cpu_ms, "wall_ms": limits.run_wall_ms, "output": limits.output_bytes,
            "fsize": limits.file_bytes, "stack": limits.stack_bytes,
            "address_space": limits.address_space_kb * 1024 if limits.address_space_kb else None}


def parse_report(log: bytes, nonce: str) -> Report:
    """Keep only nonce-stamped lines: nothing else in the log is trusted."""
    report = Report()
    prefix = nonce.encode() + b" "
    for line in log.split(b"\n"):
        if not line.startswith(prefix):
            continue
        try:
            event = json.loads(line[len(prefix):])
        except json.JSONDecodeError:
            continue
        kind = event.get("event")
        if kind == "compile":
            report.compile = event
        elif kind == "test":
            report.tests.append(event)
        elif kind == "done":
            report.done = True
        elif kind == "error":
            report.error = str(event.get("message", ""))
    return report


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
        root = Path(tempfile.mkdtemp(prefix="ce-judge-", dir=self.workdir))
        root.chmod(0o755)
        shutil.copyfile(judges_dir() / "supervisor.py", root / "supervisor.py")
        (root / "supervisor.py").chmod(0o644)
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
        plan = {
            "mode": mode, "compile": command.get("compile") or None, "run": command["run"], "env": env,
            "tests": len(inputs), "fail_fast": fail_fast, "memory_kb": limits.memory_kb,
            "compile_limits": _plan_limits(limits, True), "run_limits": _plan_limits(limits, False),
        }
        warm = self.pool.take(image, limits) if self.pool is not None else None
        if warm is None:
            warm = self.start_container(image, limits)
        container, root, nonce = warm.container, warm.root, warm.nonce
        try:
            _write_inputs(root, plan, files, inputs)
            # The supervisor's own ceiling is 3x each wall limit; this outer
            # deadline only catches a supervisor that itself went wrong.
            per_test = limits.run_wall_ms if mode == "stdin" else 0
            deadline = limits.compile_wall_ms + 3 * (limits.run_wall_ms + per_test * len(inputs)) + 30_000
            try:
                status = container.wait(timeout=deadline / 1000)
            except Exception as exc:  # requests' ReadTimeout or a connection error
                container.kill()
                raise SandboxError(f"container exceeded the outer deadline ({deadline} ms): {exc}") from exc
            log = container.logs(stdout=True, stderr=False)
            report = parse_report(log, nonce)
            report.exit_code = int(status.get("StatusCode", -1))
            if not report.done and not report.error:
                container.reload()
                state = container.attrs.get("State", {})
                report.oom_killed = bool(state.get("OOMKilled"))
                err = container.logs(stdout=False, stderr=True)[-2000:].decode("utf-8", "replace").strip()
                report.error = f"supervisor exited {report.exit_code} without a complete report" + (f": {err}" if err else "")
            return report
        finally:
            _remove(container)
            shutil.rmtree(root, ignore_errors=True)

    def _create(self, image: str, root: Path, nonce: str, limits: Limits) -> Any:
        from docker.types import LogConfig, Ulimit

        mem = limits.container_mb * (1 << 20)
        kwargs: dict[str, Any] = dict(
            image=image,
            # The supervisor is PID 1 on purpose (no --init): PID 1 of a PID
            # namespace cannot be killed from inside it, and it reaps orphans.
            command=["python3", "-I", "-S", "/in/supervisor.py"],
            user=SANDBOX_UID,
            network_mode="none",
            read_only=True,
            tmpfs={
                "/work": f"rw,exec,nosuid,nodev,size={limits.work_mb}m,nr_inodes=4096,mode=1777",
                "/tmp": "rw,noexec,nosuid,nodev,size=64m,nr_inodes=4096,mode=1777",
            },
            volumes={str(root): {"bind": "/in", "mode": "ro"}},
            mem_limit=mem,
            memswap_limit=mem,
            pids_limit=limits.pids,
            cap_drop=["ALL"],
            security_opt=["no-new-privileges:true", security_opt()],
            ulimits=[Ulimit(name="core", soft=0, hard=0), Ulimit(name="nofile", soft=256, hard=256),
                     Ulimit(name="fsize", soft=limits.file_bytes * 2, hard=limits.file_bytes * 2)],
            ipc_mode="private",
            shm_size=16 << 20,
            environment={"CE_NONCE": nonce, "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/work"},
            log_config=LogConfig(type="json-file", config={"max-size": LOG_MAX, "max-file": "1"}),
            hostname="judge",
            labels={LABEL: "1", OWNER_LABEL: _owner(), "contest-eval.created": str(int(time.time()))},
            stop_signal="SIGKILL",
            oom_score_adj=1000,
            nano_cpus=1_000_000_000,
            detach=True,
        )
        if limits.cpuset is not None:
            kwargs["cpuset_cpus"] = limits.cpuset
        try:
            return self.client.containers.create(**kwargs)
        except Exception as exc:
            raise SandboxError(f"cannot create container from {image}: {exc}") from exc


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
