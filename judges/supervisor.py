"""In-container supervisor: compiles once, runs every test, reports on a channel
the submission cannot forge.

Runs as PID 1 of the judge container (stdlib only, any Python 3.9+).  As PID 1
of its PID namespace it ignores every signal it has no handler for, so the
submission cannot kill it; it marks itself non-dumpable so the submission
(same uid) cannot ptrace it or open ``/proc/1/fd/*`` or ``/proc/1/mem``; and it
is the only process holding the container's stdout, which is the report
channel.  Each report line carries a nonce the submission never sees.

Protocol: ``judges/PROTOCOL.md``.
"""

import ctypes
import json
import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import time

PR_SET_DUMPABLE = 4
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
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

NONCE = os.environ.pop("CE_NONCE", "")


def emit(event):
    line = NONCE + " " + json.dumps(event, ensure_ascii=True) + "\n"
    os.write(1, line.encode("ascii"))


def harden_self():
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(sig, signal.SIG_DFL)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")


def oom_kills():
    """Count of OOM kills in this container's memory cgroup (v1 or v2), or
    None when the kernel does not expose it."""
    for path in ("/sys/fs/cgroup/memory/memory.oom_control", "/sys/fs/cgroup/memory.events"):
        try:
            with open(path) as f:
                for line in f:
                    name, _, value = line.partition(" ")
                    if name == "oom_kill":
                        return int(value)
        except (OSError, ValueError):
            continue
    return None


def proc_cpu_ms(pid):
    """CPU time of a live process: the larger of the tick-sampled total (which
    keeps exited threads) and the nanosecond scheduler counters of its live
    threads, so throttling cannot make the sampled figure lag the limit."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        sampled = (int(fields[11]) + int(fields[12])) * 1000 // CLK_TCK
    except (OSError, IndexError, ValueError):
        return None
    precise = 0
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                precise += int(f.read().split()[0])
    except (OSError, IndexError, ValueError):
        pass
    return max(sampled, precise // 1_000_000)


def container_cpu_ms():
    """CPU time of everything in this container's cgroup (v1 or v2), or None.

    A fork bomb spends its CPU in children the per-process figure never sees;
    the cgroup total sees all of them.
    """
    try:
        with open("/sys/fs/cgroup/cpuacct/cpuacct.usage") as f:
            return int(f.read()) // 1_000_000
    except (OSError, ValueError):
        pass
    try:
        with open("/sys/fs/cgroup/cpu.stat") as f:
            for line in f:
                if line.startswith("usage_usec "):
                    return int(line.split()[1]) // 1000
    except (OSError, ValueError):
        pass
    return None


def own_cpu_ms():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return int((ru.ru_utime + ru.ru_stime) * 1000)


def run_delay_ms(pid):
    """Time the process's threads spent runnable but waiting for a CPU."""
    total = 0
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                total = max(total, int(f.read().split()[1]))
    except (OSError, IndexError, ValueError):
        pass
    return total // 1_000_000


def proc_peak_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def kill_others():
    """Kill every process in the namespace but us, then reap them.

    A submission can fork, setsid and daemonise; killing the process group
    would miss such children, while PID 1 sees them all in /proc.
    """
    me = os.getpid()
    for _ in range(50):
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) != me]
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        reap()
        time.sleep(0.002)
    reap()


def reap():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def limiter(limits, result_fd=None):
    def apply():
        os.setsid()
        if result_fd is not None:
            os.dup2(result_fd, 3)  # the harness's result channel is always fd 3
        # A backstop only: the poll in Run.wait decides TLE with ms precision.
        cpu_s = max(2, -(-limits["cpu_ms"] * 3 // 2000) + 1)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits["fsize"], limits["fsize"]))
        stack = limits.get("stack")
        if stack:
            resource.setrlimit(resource.RLIMIT_STACK, (stack, stack))
        if limits.get("address_space"):
            resource.setrlimit(resource.RLIMIT_AS, (limits["address_space"], limits["address_space"]))
    return apply


class Run:
    """One supervised process: feeds stdin, drains pipes, enforces limits."""

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

    def _mark_line(self, payload):
        now = time.monotonic()
        cpu = proc_cpu_ms(self.proc.pid)
        # Once the process is gone only the coarser sampled figure is left:
        # never let a later reading go backwards.
        cpu = self.last_cpu if cpu is None else max(cpu, self.last_cpu)
        self.lines.append((bytes(payload), cpu - self.last_cpu, int((now - self.last_wall) * 1000), proc_peak_kb(self.proc.pid)))
        self.last_cpu, self.last_wall = cpu, now

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

    def wait(self):
        lim = self.limits
        out_fd, err_fd = self.proc.stdout.fileno(), self.proc.stderr.fileno()
        open_fds = {out_fd, err_fd} | ({self.res_r} if self.res_r is not None else set())
        status = None
        rusage = None
        while True:
            wfds = [self.proc.stdin.fileno()] if self.pending_in is not None else []
            r, w, _ = select.select(list(open_fds), wfds, [], 0.01)
            if w and self.pending_in is not None:
                self._feed(wfds[0])
            for fd in r:
                data = self._read(fd)
                if data == b"":
                    open_fds.discard(fd)
                    continue
                if data is None:
                    continue
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
            if status is None:
                pid, st, ru = os.wait4(self.proc.pid, os.WNOHANG)
                if pid:
                    status, rusage = st, ru
                    self.end = time.monotonic()
                    # Our child is gone; anything it left behind dies now so
                    # the pipes reach EOF even if a grandchild holds them.
                    kill_others()
            if status is not None and not open_fds:
                break
            if status is None:
                cpu = proc_cpu_ms(self.proc.pid) or 0
                wall = (time.monotonic() - self.start) * 1000
                cg = container_cpu_ms()
                group_cpu = 0 if cg is None or self.cg_start is None else (cg - self.cg_start) - (own_cpu_ms() - self.own_start)
                if cpu > lim["cpu_ms"] or group_cpu > lim["cpu_ms"]:
                    self.kill("tle")
                elif wall - run_delay_ms(self.proc.pid) > lim["wall_ms"] or wall > WALL_CEILING * lim["wall_ms"]:
                    # Time spent waiting for a CPU is the machine's load, not
                    # the program's stall: only the rest counts, so a busy host
                    # never turns an accepted solution into TLE.
                    self.kill("tle_wall")
            elif (time.monotonic() - self.end) > 2:
                break  # pipes held open by something we could not kill
        for fd in (out_fd, err_fd, self.res_r):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.proc.returncode = status
        self.rusage = rusage
        self.status = status
        self.cpu_ms = int((rusage.ru_utime + rusage.ru_stime) * 1000)
        self.wall_ms = int((self.end - self.start) * 1000)
        self.peak_kb = rusage.ru_maxrss
        return self

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

    def classify(self, oom_before, memory_kb):
        """Why the process ended, from the supervisor's point of view."""
        code, sig = self.exit_info()
        if self.killed_for == "ole":
            return "ole"
        if self.killed_for in ("tle", "tle_wall") or sig == signal.SIGXCPU or self.cpu_ms > self.limits["cpu_ms"]:
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
    run = Run(cmd, env, lim, keep_stdout=STDERR_CAP).wait()
    code, sig = run.exit_info()
    output = text(run.stdout) + text(run.stderr)
    ok = code == 0 and run.killed_for is None
    if run.killed_for in ("tle", "tle_wall"):
        output += "\n[compilation exceeded its time limit]"
    elif run.killed_for == "ole":
        output += "\n[compiler output exceeded its limit]"
    elif sig is not None:
        output += "\n[compiler killed by signal %d]" % sig
    emit({"event": "compile", "ok": ok, "output": output[:STDERR_CAP], "cpu_ms": run.cpu_ms, "wall_ms": run.wall_ms})
    return ok


def load_inputs(plan):
    """All test inputs come in one file; offsets are in the plan."""
    with open("/in/tests.bin", "rb") as f:
        blob = f.read()
    return [blob[start:start + size] for start, size in plan["test_offsets"]]


def memfile(data):
    """A seekable, read-only-to-the-child stdin that touches no file system."""
    fd = os.memfd_create("stdin", 0)
    os.write(fd, data)
    os.lseek(fd, 0, os.SEEK_SET)
    return os.fdopen(fd, "rb")


def run_stdin(plan, env):
    lim = plan["run_limits"]
    inputs = load_inputs(plan)
    for i in range(plan["tests"]):
        before = oom_kills()
        run = Run(plan["run"], env, lim, stdin_file=memfile(inputs[i]), keep_stdout=lim["output"]).wait()
        status = run.classify(before, plan["memory_kb"])
        code, sig = run.exit_info()
        emit({"event": "test", "index": i, "status": status, "cpu_ms": run.cpu_ms, "wall_ms": run.wall_ms,
              "memory_kb": run.peak_kb, "exit_code": code, "signal": sig,
              "output": bytes(run.stdout).decode("utf-8", "surrogateescape") if status == "ok" else None,
              "stderr": text(run.stderr[:4096])})
        kill_others()
        if status != "ok" and plan.get("fail_fast"):
            return


def run_harness(plan, env):
    """All tests in one process (LeetCode semantics), restarted after a crash."""
    lim = dict(plan["run_limits"])
    inputs = [data if data.endswith(b"\n") else data + b"\n" for data in load_inputs(plan)]
    budget = lim["cpu_ms"]
    deadline = time.monotonic() + lim["wall_ms"] / 1000
    i = 0
    while i < len(inputs):
        wall_left = int((deadline - time.monotonic()) * 1000)
        if budget <= 0 or wall_left <= 0:
            for j in range(i, len(inputs)):
                emit({"event": "test", "index": j, "status": "skipped", "cpu_ms": 0, "wall_ms": 0, "memory_kb": 0,
                      "exit_code": None, "signal": None, "output": None, "stderr": ""})
            return
        run_lim = dict(lim, cpu_ms=budget, wall_ms=wall_left)
        before = oom_kills()
        run = Run(plan["run"], env, run_lim, stdin_bytes=b"".join(inputs[i:]), results=True).wait()
        for payload, cpu, wall, peak in run.lines:
            peak = peak or run.peak_kb  # the process was already gone when we looked
            if i >= len(inputs):
                break
            emit({"event": "test", "index": i, "status": "ok", "cpu_ms": cpu, "wall_ms": wall, "memory_kb": peak,
                  "exit_code": None, "signal": None, "output": payload.decode("utf-8", "surrogateescape"), "stderr": ""})
            i += 1
        budget -= run.cpu_ms
        kill_others()
        if i >= len(inputs):
            return
        status = run.classify(before, plan["memory_kb"])
        code, sig = run.exit_info()
        if status == "ok":
            status = "no_output"  # exited cleanly without answering this test
        emit({"event": "test", "index": i, "status": status, "cpu_ms": max(0, run.cpu_ms - sum(l[1] for l in run.lines)),
              "wall_ms": run.wall_ms, "memory_kb": run.peak_kb, "exit_code": code, "signal": sig, "output": None,
              "stderr": text(run.stderr[:4096]), "stdout": text(run.stdout[:1024])})
        i += 1
        if plan.get("fail_fast") or status == "tle":
            for j in range(i, len(inputs)):
                emit({"event": "test", "index": j, "status": "skipped", "cpu_ms": 0, "wall_ms": 0, "memory_kb": 0,
                      "exit_code": None, "signal": None, "output": None, "stderr": ""})
            return


def wait_for_plan(path="/in/plan.json", idle_s=900):
    """A container may be started before its submission exists (a warm
    pool); the host publishes the plan last, atomically."""
    deadline = time.monotonic() + idle_s
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            emit({"event": "error", "message": "no plan arrived"})
            sys.exit(75)
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
    env = dict(plan["env"])
    if compile_step(plan, env):
        kill_others()
        if plan["mode"] == "stdin":
            run_stdin(plan, env)
        else:
            run_harness(plan, env)
    emit({"event": "done"})


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # report, never hang: the host turns this into IE
        emit({"event": "error", "message": "%s: %s" % (type(exc).__name__, exc)})
        sys.exit(70)
