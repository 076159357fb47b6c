"""What the supervisor does to its children: drop privileges, set limits,
kill them all, and clean the scratch folders they wrote.

Part of the in-container supervisor (stdlib only); see supervisor.py.
"""

import os
import resource
import signal
import stat
import time

SANDBOX_ID = 10001
SCRATCH = ("/work", "/tmp", "/dev/shm")


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


def drop_privileges():
    """In a child, before exec: the OOM killer's first choice, then uid 10001
    (the kernel clears every capability with the switch)."""
    with open("/proc/self/oom_score_adj", "w") as f:
        f.write("1000")
    # Our pipes belong to root (mode 0600): reopening /dev/stdout or
    # /dev/fd/3, as the Java harness and many programs do, needs them open to
    # the sandbox user.  Only this process tree can reach them anyway.
    for fd in (0, 1, 2, 3):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                os.fchmod(fd, 0o666)
        except OSError:
            pass
    os.setgroups([])
    os.setresgid(SANDBOX_ID, SANDBOX_ID, SANDBOX_ID)
    os.setresuid(SANDBOX_ID, SANDBOX_ID, SANDBOX_ID)


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
        # Unlimited by default: glibc then gives each thread an 8 MB stack
        # instead of a copy of the rlimit (which made std::thread fail under
        # RLIMIT_AS), and the main stack may grow as deep as memory allows;
        # the cgroup poll bounds memory, stack included.
        stack = limits.get("stack") or resource.RLIM_INFINITY
        hard = resource.getrlimit(resource.RLIMIT_STACK)[1]
        if hard != resource.RLIM_INFINITY and (stack == resource.RLIM_INFINITY or stack > hard):
            stack = hard
        resource.setrlimit(resource.RLIMIT_STACK, (stack, hard))
        if limits.get("address_space"):
            resource.setrlimit(resource.RLIMIT_AS, (limits["address_space"], limits["address_space"]))
        drop_privileges()
    return apply


def memfile(data):
    """A seekable, read-only-to-the-child stdin that touches no file system."""
    fd = os.memfd_create("stdin", 0)
    view = memoryview(data)
    while len(view):
        view = view[os.write(fd, view):]
    os.lseek(fd, 0, os.SEEK_SET)
    return os.fdopen(fd, "rb")


def scratch_snapshot():
    """Every path in the scratch folders after compiling: what the tests may keep."""
    keep = set()
    for top in SCRATCH:
        for dirpath, dirnames, filenames in os.walk(top):
            keep.update(os.path.join(dirpath, n) for n in dirnames + filenames)
    return keep


def scratch_dirty(keep):
    for top in SCRATCH:
        try:
            for dirpath, dirnames, filenames in os.walk(top, onerror=_raise):
                if any(os.path.join(dirpath, n) not in keep for n in dirnames + filenames):
                    return True
        except OSError:
            return True  # a folder we cannot list was made unreadable by the submission
    return False


def _raise(exc):
    raise exc


def _wipe(path, keep):
    """Remove everything under ``path`` that is not in ``keep`` (runs as 10001)."""
    try:
        st = os.lstat(path)
    except OSError:
        return
    if stat.S_ISDIR(st.st_mode):
        if path not in keep and path not in SCRATCH:
            try:
                os.chmod(path, 0o700)  # the submission may have locked its own folder
            except OSError:
                pass
        try:
            names = os.listdir(path)
        except OSError:
            names = []
        for name in names:
            _wipe(os.path.join(path, name), keep)
        if path not in keep and path not in SCRATCH:
            try:
                os.rmdir(path)
            except OSError:
                pass
    elif path not in keep:
        try:
            os.unlink(path)
        except OSError:
            pass


def clean_scratch(keep):
    """Give the next test the scratch folders the compiler left: what a test
    wrote is the submission's memory (tmpfs), and must not pile up.  The files
    belong to uid 10001 in sticky folders, so a child with that uid deletes them."""
    if not scratch_dirty(keep):
        return
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setresgid(SANDBOX_ID, SANDBOX_ID, SANDBOX_ID)
            os.setresuid(SANDBOX_ID, SANDBOX_ID, SANDBOX_ID)
            for top in SCRATCH:
                _wipe(top, keep)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def others_alive():
    me = os.getpid()
    return any(p.isdigit() and int(p) != me for p in os.listdir("/proc"))


def reset_scratch():
    """Between two submissions of a batch: kill every process, remove every
    file (the item's, as uid 10001; then our own root-owned copies of its
    sources), and check: the next one starts as in a fresh container.  (System
    V IPC needs no cleaning: the seccomp profile refuses it.)"""
    kill_others()
    clean_scratch(set())
    for top in SCRATCH:
        _wipe(top, set())
    kill_others()
    if others_alive() or scratch_dirty(set()):
        raise RuntimeError("the container could not be cleaned between two batch items")
