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
import shutil
import signal
import sys
import time

# The sibling modules sit beside this file in the read-only /in folder (the
# submission cannot write there); -I leaves the script's folder off sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from supervisor_cgroup import oom_kills  # noqa: E402
from supervisor_children import clean_scratch, kill_others, memfile, reset_scratch, scratch_snapshot  # noqa: E402
from supervisor_run import STDERR_CAP, Run  # noqa: E402

PR_SET_DUMPABLE = 4
# Plan env key (taken out before any child starts): the harness checks the
# submission's syntax itself and reports it in a header line (PROTOCOL.md).
SYNTAX_HEADER = "CE_SYNTAX_HEADER"

NONCE = os.environ.pop("CE_NONCE", "")
# In a batch, the item being judged: stamped on each of its frames.
TAG = {}


def emit(event, payload=None):
    """One frame: a nonce-stamped JSON header line, then ``len`` raw bytes."""
    event.update(TAG)
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


def load_inputs(plan, base):
    """All test inputs come in one file; offsets are in the plan."""
    with open(os.path.join(base, "tests.bin"), "rb") as f:
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


def run_stdin(plan, env, keep, base):
    lim = dict(plan["run_limits"], memory_kb=plan["memory_kb"])
    inputs = load_inputs(plan, base)
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


def read_header(run, first):
    """The harness's syntax header: True (compiled), or the compiler's
    message; None when the harness ended before writing one."""
    if run.header is None:
        return None
    try:
        head = json.loads(bytes(run.header).decode("utf-8"))
        compiled, output = head["compiled"], head["output"]
    except (ValueError, KeyError, TypeError):
        raise RuntimeError("the harness wrote a malformed syntax header")
    if compiled is True:
        return True
    if compiled is not False or not isinstance(output, str) or not first:
        raise RuntimeError("the harness reported a compile error after compiling")
    return output


def run_harness(plan, env, keep, base, header=False):
    """All tests in one process (LeetCode semantics), restarted after a crash.

    With ``header`` the harness compiles the submission itself: a compile
    error in its first start's header ends the plan as a failed compile."""
    lim = dict(plan["run_limits"], memory_kb=plan["memory_kb"])
    inputs = [data if data.endswith(b"\n") else data + b"\n" for data in load_inputs(plan, base)]
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
        run = Run(plan["run"], env, run_lim, stdin_bytes=b"".join(inputs[i:]), results=True, header=header).wait()
        kill_others()
        compiled = read_header(run, i == 0) if header else True
        if isinstance(compiled, str):
            clean_scratch(keep)
            emit({"event": "compile", "ok": False, "output": compiled[-STDERR_CAP:], "cpu_ms": run.cpu_ms,
                  "wall_ms": run.wall_ms, "memory_kb": run.peak_kb})
            return
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


def run_plan(plan, base):
    """One submission: its files in ``base`` (``src/``, ``tests.bin``)."""
    src_dir = os.path.join(base, "src")
    for name in os.listdir(src_dir):
        src = os.path.join(src_dir, name)
        if os.path.isfile(src) and not os.path.islink(src):
            shutil.copyfile(src, os.path.join("/work", name))
            os.chmod(os.path.join("/work", name), 0o644)
    env = dict(plan["env"])
    header = env.pop(SYNTAX_HEADER, None) == "1"
    if compile_step(plan, env):
        kill_others()
        keep = scratch_snapshot()
        if plan["mode"] == "stdin":
            run_stdin(plan, env, keep, base)
        else:
            run_harness(plan, env, keep, base, header)


def run_batch(items):
    """Several trusted submissions in sequence (the host batches only code it
    trusts, never model output; PROTOCOL.md).  Each runs exactly as a single
    plan, its frames stamped with its index, and ends with ``item_done``;
    then every process, file and IPC object it left is removed, and a
    container that cannot be cleaned ends the batch (the host judges what
    is left in fresh containers)."""
    for k, item in enumerate(items):
        TAG["item"] = k
        try:
            run_plan(item, "/in/b/%d" % k)
            emit({"event": "item_done"})
        except Exception as exc:  # this item is void; the host judges it again alone
            emit({"event": "error", "message": "%s: %s" % (type(exc).__name__, exc)})
        TAG.clear()
        reset_scratch()


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
    if "batch" in plan:
        run_batch(plan["batch"])
    else:
        run_plan(plan, "/in")
    emit({"event": "done"})


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # report, never hang: the host turns this into IE
        emit({"event": "error", "message": "%s: %s" % (type(exc).__name__, exc)})
        sys.exit(70)
