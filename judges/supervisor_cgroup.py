"""The supervisor's measurements, read from the container's cgroup (v1 or v2).

Part of the in-container supervisor (stdlib only); see supervisor.py.  Every
figure counts all processes of the container, which the submission cannot
reset or hide from, and a failed read raises instead of reading as zero.
"""

import os
import resource


class MeasureError(Exception):
    """The cgroup could not be read: the run is void, never measured as zero."""


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


def container_cpu_ms():
    """CPU time of everything in this container's cgroup (v1 or v2).

    A fork bomb spends its CPU in children a per-process figure never sees;
    the cgroup total sees all of them, and nothing inside can reset it.
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
    raise MeasureError("cannot read the container's CPU usage from its cgroup")


def container_mem_kb():
    """Anonymous plus shared (tmpfs, memfd, /dev/shm) memory of the whole
    container.  Page cache of files read is left out: the JVM alone reads a
    100+ MB modules file that the kernel may drop at any time."""
    for path, names in (("/sys/fs/cgroup/memory/memory.stat", (("total_rss", "rss"), ("total_shmem", "shmem"))),
                        ("/sys/fs/cgroup/memory.stat", (("anon",), ("shmem",)))):
        try:
            with open(path) as f:
                fields = dict(line.split() for line in f if line.strip())
        except (OSError, ValueError):
            continue
        total = 0
        for choices in names:
            value = next((fields[n] for n in choices if n in fields), None)
            if value is None:
                break
            total += int(value)
        else:
            return total // 1024
    raise MeasureError("cannot read the container's memory usage from its cgroup")


def own_cpu_ms():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return int((ru.ru_utime + ru.ru_stime) * 1000)


def own_anon_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("RssAnon:"):
                return int(line.split()[1])
    raise MeasureError("cannot read the supervisor's own memory")


def run_delays(seen):
    """Update ``seen`` (pid -> ms) with the time each process in the container
    spent runnable but waiting for a CPU (its most delayed thread), and return
    the total.  A compiler driver sleeps while cc1plus waits for a CPU: only
    the whole tree tells a busy host from a stalled program."""
    me = os.getpid()
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == me:
            continue
        delay = 0
        try:
            for tid in os.listdir("/proc/%s/task" % name):
                with open("/proc/%s/task/%s/schedstat" % (name, tid)) as f:
                    delay = max(delay, int(f.read().split()[1]))
        except (OSError, IndexError, ValueError):
            pass
        if delay:
            seen[int(name)] = max(seen.get(int(name), 0), delay // 1_000_000)
    return sum(seen.values())
