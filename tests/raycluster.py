"""A throwaway Ray cluster on this machine: a head and more nodes as separate processes.

Each node is a real ``ray start`` (GCS, raylet, agents) with its own ports and
the cluster's private temp folder.  Teardown ends exactly the processes of this
cluster, by id: those whose command line names the private folder, and their
descendants (Ray's worker processes are the raylets' children).  ``ray stop``
is not used: it would end every Ray process on the machine, other users' too.
Used by tests/test_ray.py and benchmarks/ray_throughput.py.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

RESOURCE = "contest_eval_judge"
# On a loaded 2-core machine a node's agents take longer than Ray's default
# 30 s to start, and the raylet then aborts.
ENV = {"RAY_agent_register_timeout_ms": "240000", "RAY_raylet_start_wait_time_s": "240",
       "RAY_USAGE_STATS_ENABLED": "0"}
START_TIMEOUT_S = 300
# `ray start` gives a new raylet a fixed 30 s to register, and the raylet waits for its agents
# first; on a loaded machine that is not enough.  This runs `ray start` with that wait
# extended to the raylet's own (RAY_raylet_start_wait_time_s): a raylet that truly fails
# still exits, and `ray start` with it.
LAUNCH = """
import sys, time
import ray._private.services as services
from ray.scripts.scripts import main
_get_node = services.get_node
def get_node(*args, **kwargs):
    deadline = time.monotonic() + 240
    while True:
        try:
            return _get_node(*args, **kwargs)
        except RuntimeError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
services.get_node = get_node
sys.argv = ["ray", *sys.argv[1:]]
main()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _proc_table() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command line) for every process we can read."""
    table: dict[int, tuple[int, str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        table[int(entry)] = (ppid, cmd)
    return table


def descendants(roots: set[int], table: dict[int, tuple[int, str]]) -> set[int]:
    found, frontier = set(roots), set(roots)
    while frontier:
        frontier = {pid for pid, (ppid, _) in table.items() if ppid in frontier and pid not in found}
        found |= frontier
    return found


@dataclass
class RayCluster:
    slots: list[int]  # judge slots per node; node 0 is the head
    cpus: int = 1
    extra_head_resources: dict[str, float] = field(default_factory=dict)
    temp: Path = field(init=False)
    port: int = field(init=False)
    node_ports: list[int] = field(default_factory=list, init=False)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _start(self, args: list[str]) -> None:
        env = {**os.environ, **ENV}
        proc = subprocess.run([sys.executable, "-c", LAUNCH, "start", *args], capture_output=True, text=True, env=env,
                              timeout=START_TIMEOUT_S)
        if proc.returncode != 0:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
            raise RuntimeError(f"ray start {' '.join(args[:2])} failed ({proc.returncode}): {' | '.join(tail)}")

    def start(self, attempts: int = 2) -> "RayCluster":
        """Start every node; a start that fails (a raylet too slow on a loaded machine) is retried afresh."""
        for attempt in range(1, attempts + 1):
            try:
                return self._start_once()
            except RuntimeError:
                if attempt == attempts:
                    raise
        raise AssertionError("unreachable")

    def _start_once(self) -> "RayCluster":
        self.node_ports = []
        self.temp = Path(tempfile.mkdtemp(prefix="ce-ray-"))
        self.port = free_port()
        try:
            for i, slots in enumerate(self.slots):
                nm_port = free_port()
                self.node_ports.append(nm_port)
                resources = {RESOURCE: slots} if slots else {}
                if i == 0:
                    resources.update(self.extra_head_resources)
                common = ["--num-cpus", str(self.cpus), "--resources", json.dumps(resources),
                          "--node-manager-port", str(nm_port), "--disable-usage-stats"]
                # Fixed ports: with port 0 the raylet waits for its agents to publish theirs,
                # longer than `ray start` waits for the raylet on a loaded machine.
                for option in ("--dashboard-agent-listen-port", "--dashboard-agent-grpc-port", "--metrics-export-port",
                               "--runtime-env-agent-port", "--object-manager-port"):
                    common += [option, str(free_port())]
                if i == 0:
                    self._start(["--head", "--port", str(self.port), "--include-dashboard=false",
                                 "--dashboard-port", str(free_port()),
                                 "--temp-dir", str(self.temp), *common])
                else:
                    self._start(["--address", self.address, *common])
        except BaseException as exc:
            crashes = [line for log in sorted(self.temp.glob("session_*/logs/raylet*.out"))
                       for line in log.read_text(errors="replace").splitlines() if "] (raylet)" in line and " C " in line]
            self.stop()
            if crashes:
                raise RuntimeError(f"{exc}; raylet: {crashes[-1][-300:]}") from exc
            raise
        return self

    def node_pids(self, index: int) -> set[int]:
        """The raylet of node ``index`` and everything it started (workers, agents)."""
        table = _proc_table()
        marker = f"--node_manager_port={self.node_ports[index]}"
        roots = {pid for pid, (_, cmd) in table.items() if "/raylet/raylet " in cmd and marker in cmd}
        return descendants(roots, table)

    def busy_workers(self, index: int, task: str = "judge_task") -> set[int]:
        """Worker processes of node ``index`` executing ``task`` right now (Ray sets their title)."""
        table = _proc_table()
        return {pid for pid in self.node_pids(index) if table.get(pid, (0, ""))[1].startswith(f"ray::{task}")}

    def kill_node(self, index: int) -> set[int]:
        """SIGKILL the node's raylet and its children, as a crashed machine would vanish."""
        pids = self.node_pids(index)
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return pids

    def stop(self) -> None:
        """End this cluster's processes (by id) and delete its folder."""
        table = _proc_table()
        roots = {pid for pid, (_, cmd) in table.items() if str(self.temp) in cmd and pid != os.getpid()}
        pids = descendants(roots, table) - {os.getpid()}
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in pids:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + 5
            while sig == signal.SIGTERM and time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in pids):
                time.sleep(0.2)
        shutil.rmtree(self.temp, ignore_errors=True)
