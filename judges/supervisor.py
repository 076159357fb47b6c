"""In-container supervisor: compiles once, runs every test, reports on a channel
the submission cannot forge.

Runs as PID 1 of the judge container (stdlib only, any Python 3.9+) and as
uid 0 holding only CAP_SETUID, CAP_SETGID and CAP_KILL.  Every child (compiler
and submission) drops to uid/gid 10001 before exec, which clears its
capabilities: the submission cannot signal, prlimit or ptrace the supervisor,
nor open its ``/proc/1`` entries.  CPU and memory are read from the
container's cgroup, which counts every process the submission starts and
which it cannot touch; a failed read ends the run, never counts as zero.  The
supervisor is the only process holding the container's stdout, the framed
report channel; each frame header carries a nonce the submission never sees.

Protocol: ``judges/PROTOCOL.md``.
"""

import ctypes
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time

# The sibling modules sit beside this file in the read-only /in folder (the
# submission cannot write there); -I leaves the script's folder off sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from supervisor_cgroup import container_cpu_ms, container_mem_kb, oom_kills, own_anon_kb, own_cpu_ms, run_delays  # noqa: E402
from supervisor_children import clean_scratch, kill_others, limiter, memfile, scratch_snapshot  # noqa: E402

PR_SET_DUMPABLE = 4
OOM_MARKERS = (
    b"MemoryError",
    b"std::bad_alloc",
    b"OutOfMemoryError",
    b"runtime: out of memory",
    b"heap out of memory",
    b"memory allocation of",  # Rust's alloc failure message
    b"Cannot allocate memory",
)
STDERR_CAP = 64 * 1024
# However loaded the host, no run outlives this multiple of its wall limit.
WALL_CEILING = 3
STDOUT_KEEP = 4 * 1024
MEM_POLL_S = 0.002

NONCE = os.environ.pop("CE_NONCE", "")


def emit(event, payload=None):
    """One frame: a nonce-stamped JSON header line, then ``len`` raw bytes."""
    if payload is not None:
        event["len"] = len(payload)
    data = (NONCE + " " + json.dumps(event, ensure_ascii=True) + "\n").encode("ascii")
    view = memoryview(data + payload if payload is not None else data)
    while len(view):
        view = view[os.write(1, view):]


def harden_self():
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(sig, signal.SIG_DFL)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")


class Run:
    """One supervised process tree: feeds stdin, drains pipes, enforces limits
    on the container's cgroup figures less the supervisor's own share."""

    def __init__(self, argv, env, limits, stdin_bytes=None, stdin_file=None, results=False, keep_stdout=None):
        self.limits = limits
        self.keep_stdout = keep_stdout if keep_stdout is not None else STDOUT_KEEP
        self.stdout = bytearray()
        self.stdout_total = 0
        self.stderr = bytearray()
        self.result_buf = bytearray()
        self.result_total = 0
        self.lines = []  # (payload bytes, cpu_ms, wall_ms, peak_kb)
        self.killed_for = None
        pass_fds = ()
        res_r = res_w = None
        if results:
            res_r, res_w = os.pipe()
            pass_fds = (3,)
        stdin = subprocess.PIPE if stdin_bytes is not None else stdin_file if stdin_file is not None else subprocess.DEVNULL
        # Whatever is in the container now (inputs, compiled files) is ours.
        self.mem_base = container_mem_kb() - own_anon_kb()
        self.peak_kb = self.line_peak = 0
        self.last_mem_poll = 0.0
        self.delays, self.delay_ms, self.last_delay_poll = {}, 0, 0.0
        self.start = time.monotonic()
        self.cg_start, self.own_start = container_cpu_ms(), own_cpu_ms()
        self.proc = subprocess.Popen(
            argv, cwd="/work", env=env, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            pass_fds=pass_fds, preexec_fn=limiter(limits, res_w), close_fds=True,
        )
        if res_w is not None:
            os.close(res_w)
        if stdin_file is not None:
            stdin_file.close()
        self.res_r = res_r
        self.pending_in = memoryview(stdin_bytes) if stdin_bytes is not None else None
        if self.pending_in is not None:
            os.set_blocking(self.proc.stdin.fileno(), False)
        self.last_cpu = 0
        self.last_wall = self.start

    def group_cpu_ms(self):
        """CPU of everything but the supervisor since the run started."""
        return max(0, (container_cpu_ms() - self.cg_start) - (own_cpu_ms() - self.own_start))

    def poll_memory(self, force=False):
        now = time.monotonic()
        if not force and now - self.last_mem_poll < MEM_POLL_S:
            return
        self.last_mem_poll = now
        used = container_mem_kb() - own_anon_kb() - self.mem_base
        self.peak_kb = max(self.peak_kb, used)
        self.line_peak = max(self.line_peak, used)
        if used > self.limits["memory_kb"]:
            self.kill("mle")

    def _mark_line(self, payload):
        now = time.monotonic()
        self.poll_memory(force=True)
        cpu = max(self.group_cpu_ms(), self.last_cpu)
        self.lines.append((bytes(payload), cpu - self.last_cpu, int((now - self.last_wall) * 1000), self.line_peak))
        self.last_cpu, self.last_wall, self.line_peak = cpu, now, 0

    def _feed(self, fd):
        done = False
        try:
            n = os.write(fd, self.pending_in[: 1 << 16])
            self.pending_in = self.pending_in[n:]
            done = not len(self.pending_in)
        except BlockingIOError:
            pass
        except OSError:
            done = True  # the program closed its stdin early: not our problem
        if done:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            self.pending_in = None

    def _read(self, fd):
        try:
            return os.read(fd, 1 << 16)
        except BlockingIOError:
            return None

    def _take(self, fd, data, out_fd, err_fd):
        lim = self.limits
        if fd == out_fd:
            self.stdout_total += len(data)
            room = self.keep_stdout - len(self.stdout)
            if room > 0:
                self.stdout += data[:room]
            if self.stdout_total > lim["output"]:
                self.kill("ole")
        elif fd == err_fd:
            room = STDERR_CAP - len(self.stderr)
            if room > 0:
                self.stderr += data[:room]
        else:
            self.result_total += len(data)
            if self.result_total > lim["output"]:
                self.kill("ole")
            self.result_buf += data
            while b"\n" in self.result_buf:
                line, _, rest = bytes(self.result_buf).partition(b"\n")
                self.result_buf = bytearray(rest)
                self._mark_line(line)

    def wait(self):
        lim = self.limits
        out_fd, err_fd = self.proc.stdout.fileno(), self.proc.stderr.fileno()
        open_fds = {out_fd, err_fd} | ({self.res_r} if self.res_r is not None else set())
        status = rusage = None
        cpu = 0
        while True:
            wfds = [self.proc.stdin.fileno()] if self.pending_in is not None else []
            r, w, _ = select.select(list(open_fds), wfds, [], 0.01)
            if w and self.pending_in is not None:
                self._feed(wfds[0])
            for fd in r:
                data = self._read(fd)
                if data == b"":
                    open_fds.discard(fd)
                elif data is not None:
                    self._take(fd, data, out_fd, err_fd)
            if status is None:
                pid, st, ru = os.wait4(self.proc.pid, os.WNOHANG)
                if pid:
                    status, rusage = st, ru
                    self.end = time.monotonic()
                    # Our child is gone; anything it left behind dies now so
                    # the pipes reach EOF even if a grandchild holds them.
                    self.poll_memory(force=True)
                    kill_others()
            if status is not None and not open_fds:
                break
            if status is None:
                self.poll_memory()
                cpu = self.group_cpu_ms()
                wall = (time.monotonic() - self.start) * 1000
                if cpu > lim["cpu_ms"]:
                    self.kill("tle")
                elif wall - self.run_delay_ms() > lim["wall_ms"] or wall > WALL_CEILING * lim["wall_ms"]:
                    # Time spent waiting for a CPU is the machine's load, not
                    # the program's stall: only the rest counts, so a busy host
                    # never turns an accepted solution into TLE.
                    self.kill("tle_wall")
            elif (time.monotonic() - self.end) > 2:
                break  # pipes held open by something we could not kill
        # Popen owns these pipe objects: close them through it, once.
        for pipe in (self.proc.stdout, self.proc.stderr):
            pipe.close()
        if self.res_r is not None:
            os.close(self.res_r)
        if self.proc.stdin is not None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
        self.proc.returncode = status
        self.status = status
        # The figure the TLE decision used, settled after the last process
        # died; the child's own rusage can only be lower, unless the cgroup
        # counter lags it by a tick.
        own = int((rusage.ru_utime + rusage.ru_stime) * 1000)
        self.cpu_ms = max(self.group_cpu_ms(), cpu, own)
        self.wall_ms = int((self.end - self.start) * 1000)
        self.peak_kb = max(self.peak_kb, rusage.ru_maxrss)
        return self

    def run_delay_ms(self):
        now = time.monotonic()
        if now - self.last_delay_poll > 0.02:
            self.last_delay_poll = now
            self.delay_ms = run_delays(self.delays)
        return self.delay_ms

    def kill(self, why):
        if self.killed_for is None:
            self.killed_for = why
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.kill(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass

    def exit_info(self):
        st = self.status
        if os.WIFSIGNALED(st):
            return None, os.WTERMSIG(st)
        return os.WEXITSTATUS(st), None

    def tle_by(self):
        """Why a TLE run was stopped: the CPU ceiling or the wall clock."""
        code, sig = self.exit_info()
        if self.killed_for == "tle" or sig == signal.SIGXCPU or self.cpu_ms > self.limits["cpu_ms"]:
            return "cpu"
        if self.killed_for == "tle_wall":
            return "wall"
        return None

    def classify(self, oom_before):
        """Why the process ended, from the supervisor's point of view."""
        memory_kb = self.limits["memory_kb"]
        code, sig = self.exit_info()
        if self.killed_for == "ole":
            return "ole"
        if self.killed_for == "mle":
            return "mle"
        if self.tle_by():
            return "tle"
        oom_after = oom_kills()
        if (oom_after is not None and oom_before is not None and oom_after > oom_before) or self.peak_kb > memory_kb:
            return "mle"
        if sig == signal.SIGXFSZ:
            return "ole"
        if sig == signal.SIGKILL and oom_after is None and self.peak_kb * 10 >= memory_kb * 9:
            # No OOM counter here: a SIGKILL near the limit is the OOM killer's.
            return "mle"
        if (code or sig) and any(m in self.stderr for m in OOM_MARKERS):
            return "mle"
        if code or sig:
            return "re"
        return "ok"


def text(b):
    return bytes(b).decode("utf-8", "replace")


def compile_step(plan, env):
    cmd = plan.get("compile")
    if not cmd:
        return True
    lim = dict(plan["compile_limits"])
    before = oom_kills()
    run = Run(cmd, env, lim, keep_stdout=STDERR_CAP).wait()
    code, sig = run.exit_info()
    status = run.classify(before)
    output = text(run.stdout) + text(run.stderr)
    ok = code == 0 and run.killed_for is None and status == "ok"
    if status == "tle":
        output += "\n[compilation exceeded its time limit]"
    elif status == "ole":
        output += "\n[compiler output exceeded its limit]"
    elif status == "mle":
        output += "\n[compiler exceeded memory: %d MB used, %d MB allowed]" % (run.peak_kb // 1024, lim["memory_kb"] // 1024)
    elif sig is not None:
        output += "\n[compiler killed by signal %d]" % sig
    emit({"event": "compile", "ok": ok, "output": output[-STDERR_CAP:], "cpu_ms": run.cpu_ms, "wall_ms": run.wall_ms,
          "memory_kb": run.peak_kb})
    return ok


def load_inputs(plan):
    """All test inputs come in one file; offsets are in the plan."""
    with open("/in/tests.bin", "rb") as f:
        blob = f.read()
    return [blob[start:start + size] for start, size in plan["test_offsets"]]


def test_event(index, status, run=None, **extra):
    event = {"event": "test", "index": index, "status": status, "cpu_ms": 0, "wall_ms": 0, "memory_kb": 0,
             "exit_code": None, "signal": None, "stderr": ""}
    if run is not None:
        code, sig = run.exit_info()
        event.update(cpu_ms=run.cpu_ms, wall_ms=run.wall_ms, memory_kb=run.peak_kb, exit_code=code, signal=sig,
                     stderr=text(run.stderr[:4096]), cpu_source="cgroup")
        if status == "tle":
            event["tle_by"] = run.tle_by() or "cpu"
    event.update(extra)
    return event


def run_stdin(plan, env, keep):
    lim = dict(plan["run_limits"], memory_kb=plan["memory_kb"])
    inputs = load_inputs(plan)
    for i in range(plan["tests"]):
        before = oom_kills()
        run = Run(plan["run"], env, lim, stdin_file=memfile(inputs[i]), keep_stdout=lim["output"]).wait()
        status = run.classify(before)
        kill_others()
        emit(test_event(i, status, run), bytes(run.stdout) if status == "ok" else None)
        run.stdout = None
        clean_scratch(keep)
        if status != "ok" and plan.get("fail_fast"):
            return


def run_harness(plan, env, keep):
    """All tests in one process (LeetCode semantics), restarted after a crash."""
    lim = dict(plan["run_limits"], memory_kb=plan["memory_kb"])
    inputs = [data if data.endswith(b"\n") else data + b"\n" for data in load_inputs(plan)]
    budget = lim["cpu_ms"]
    deadline = time.monotonic() + lim["wall_ms"] / 1000
    i = 0
    while i < len(inputs):
        wall_left = int((deadline - time.monotonic()) * 1000)
        if budget <= 0 or wall_left <= 0:
            for j in range(i, len(inputs)):
                emit(test_event(j, "skipped"))
            return
        run_lim = dict(lim, cpu_ms=budget, wall_ms=wall_left)
        before = oom_kills()
        run = Run(plan["run"], env, run_lim, stdin_bytes=b"".join(inputs[i:]), results=True).wait()
        kill_others()
        for payload, cpu, wall, peak in run.lines:
            if i >= len(inputs):
                break
            emit(test_event(i, "ok", cpu_ms=cpu, wall_ms=wall, memory_kb=peak or run.peak_kb, cpu_source="cgroup"),
                 payload)
            i += 1
        budget -= run.cpu_ms
        clean_scratch(keep)
        if i >= len(inputs):
            return
        status = run.classify(before)
        if status == "ok":
            status = "no_output"  # exited cleanly without answering this test
        event = test_event(i, status, run, stdout=text(run.stdout[:1024]))
        event["cpu_ms"] = max(0, run.cpu_ms - sum(line[1] for line in run.lines))
        emit(event)
        i += 1
        if plan.get("fail_fast") or status == "tle":
            for j in range(i, len(inputs)):
                emit(test_event(j, "skipped"))
            return


def wait_for_plan(path="/in/plan.json", idle_s=900):
    """A container may be started before its submission exists (a warm
    pool); the host publishes the plan last, atomically.  Once the host says
    it is attached to our stdout, we answer "ready" until the plan comes, so
    it never publishes a plan whose report could be lost."""
    deadline = time.monotonic() + idle_s
    last_ready = 0.0
    while not os.path.exists(path):
        now = time.monotonic()
        if now > deadline:
            emit({"event": "error", "message": "no plan arrived"})
            sys.exit(75)
        if now - last_ready > 0.005 and os.path.exists("/in/attached"):
            emit({"event": "ready"})
            last_ready = now
        time.sleep(0.002)


def main():
    harden_self()
    wait_for_plan()
    # Occupy fds 3..9 so no pipe of ours lands on 3, which each harness child
    # gets as its result channel.
    while True:
        fd = os.open("/dev/null", os.O_RDONLY)
        if fd >= 9:
            break
    with open("/in/plan.json") as f:
        plan = json.load(f)
    for name in os.listdir("/in/src"):
        src = os.path.join("/in/src", name)
        if os.path.isfile(src) and not os.path.islink(src):
            shutil.copyfile(src, os.path.join("/work", name))
            os.chmod(os.path.join("/work", name), 0o644)
    env = dict(plan["env"])
    if compile_step(plan, env):
        kill_others()
        keep = scratch_snapshot()
        if plan["mode"] == "stdin":
            run_stdin(plan, env, keep)
        else:
            run_harness(plan, env, keep)
    emit({"event": "done"})


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # report, never hang: the host turns this into IE
        emit({"event": "error", "message": "%s: %s" % (type(exc).__name__, exc)})
        sys.exit(70)
