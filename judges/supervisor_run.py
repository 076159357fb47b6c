"""The supervisor's process runner: one supervised process tree per compile or test.

Feeds stdin, drains stdout/stderr/results without blocking, and enforces CPU,
memory and wall limits on the container's cgroup figures less the supervisor's
own share.  Part of the in-container supervisor (``supervisor.py``); stdlib only.
"""

import os
import select
import signal
import subprocess
import time

from supervisor_cgroup import container_cpu_ms, container_mem_kb, oom_kills, own_anon_kb, own_cpu_ms, run_delays
from supervisor_children import kill_others, limiter

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
EXIT_SPINS = 40  # short polls for the exit of a child whose pipes have closed


class Run:
    """One supervised process tree: feeds stdin, drains pipes, enforces limits
    on the container's cgroup figures less the supervisor's own share."""

    def __init__(self, argv, env, limits, stdin_bytes=None, stdin_file=None, results=False, keep_stdout=None,
                 header=False):
        self.limits = limits
        self.keep_stdout = keep_stdout if keep_stdout is not None else STDOUT_KEEP
        self.stdout = bytearray()
        self.stdout_total = 0
        self.stderr = bytearray()
        self.result_buf = bytearray()
        self.result_total = 0
        self.lines = []  # (payload bytes, cpu_ms, wall_ms, peak_kb)
        # With a syntax header (PROTOCOL.md) the first result line is the harness's
        # own: kept apart, and its time stays with the first test, as before.
        self.want_header = header
        self.header = None
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
                if self.want_header:
                    self.want_header, self.header = False, line
                else:
                    self._mark_line(line)

    def wait(self):
        lim = self.limits
        out_fd, err_fd = self.proc.stdout.fileno(), self.proc.stderr.fileno()
        open_fds = {out_fd, err_fd} | ({self.res_r} if self.res_r is not None else set())
        status = rusage = None
        cpu = 0
        quick = EXIT_SPINS
        while True:
            wfds = [self.proc.stdin.fileno()] if self.pending_in is not None else []
            # A child's pipes close a moment before it can be reaped: once
            # they all have, poll for its exit every 0.5 ms for a while rather
            # than sleeping the full 10 ms (half of all runs hit this gap).
            timeout = 0.01
            if not open_fds and not wfds and quick > 0:
                timeout, quick = 0.0005, quick - 1
            r, w, _ = select.select(list(open_fds), wfds, [], timeout)
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
