"""The judge's seccomp profile: an allow-list.

Like Docker's default profile, anything not named here fails with EPERM
(``defaultAction`` is an error, never ``SCMP_ACT_ALLOW``).  The list starts
from what Docker's default admits to an unprivileged container and removes
what a judge never needs:

* only the native architecture is admitted, so the 32-bit ``int 0x80`` /
  ``socketcall`` path that bypassed the socket-family filter is gone;
* sockets only for AF_UNIX, AF_INET and AF_INET6 (Docker admits every family
  but AF_VSOCK; AF_ALG, AF_NETLINK, AF_PACKET, … are refused here);
* ``personality`` only to query or reset the persona (Docker also admits
  PER_LINUX32 and UNAME26 variants);
* ``clone`` never with namespace flags; ``clone3`` and io_uring answer ENOSYS
  so glibc and libuv fall back to ``clone`` and epoll;
* not admitted although Docker admits them: ptrace and cross-process memory
  access (Docker allows them on kernels ≥ 4.8), kernel AIO, SysV and POSIX
  message queues, semaphores and shared memory, memory locking, inotify and
  fanotify, xattr writes, ``sync``/``syncfs``, splice/tee/vmsplice, I/O
  priorities, scheduler policy changes, ``adjtimex``, landlock, ``seccomp``,
  ``memfd_secret``, ``mknod``, ``modify_ldt``, ``setfsuid``/``setfsgid``,
  ``readahead``, ``remap_file_pages``, ``process_mrelease``.

The identity calls (``setuid`` … ``setresgid``, ``setgroups``, ``capget``,
``capset``) stay: the supervisor drops to the sandbox user with them.
:data:`NEVER` records what must never be admitted; a test holds the profile
to it.
"""

from __future__ import annotations

import json
import platform
from functools import lru_cache

EPERM = 1
ENOSYS = 38
AF_UNIX, AF_INET, AF_INET6 = 1, 2, 10
# CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |
# CLONE_NEWPID | CLONE_NEWNET: clone() is admitted only with all of them clear.
# (CLONE_NEWTIME shares clone()'s exit-signal byte and only works via clone3.)
CLONE_NAMESPACE_MASK = 0x7E020000
# Persona values admitted: 0 resets to PER_LINUX, 0xffffffff only queries.
PERSONALITY_ALLOWED = (0x0, 0xFFFFFFFF)

_PROCESS = (
    "exit", "exit_group", "execve", "execveat", "wait4", "waitid", "kill", "tkill", "tgkill",
    "getpid", "getppid", "gettid", "getpgid", "setpgid", "getsid", "setsid", "set_tid_address",
    "set_robust_list", "get_robust_list", "rseq", "prctl", "pidfd_open", "pidfd_send_signal",
    "restart_syscall", "uname", "sysinfo", "getrandom", "membarrier", "getrlimit", "setrlimit",
    "prlimit64", "getrusage", "times", "getcpu", "umask",
)
_IDENTITY = (
    "getuid", "geteuid", "getgid", "getegid", "getresuid", "getresgid", "getgroups", "setuid", "setgid",
    "setreuid", "setregid", "setresuid", "setresgid", "setgroups", "capget", "capset",
)
_SCHEDULING = (
    "sched_yield", "sched_getaffinity", "sched_setaffinity", "sched_getparam", "sched_getscheduler",
    "sched_getattr", "sched_get_priority_max", "sched_get_priority_min", "sched_rr_get_interval",
    "getpriority", "setpriority",
)
_MEMORY = (
    "brk", "mmap", "munmap", "mprotect", "mremap", "madvise", "mincore", "msync", "memfd_create",
    # Protection keys only restrict the caller's own pages (JITs may use them).
    "pkey_alloc", "pkey_free", "pkey_mprotect",
    "futex", "futex_waitv",
)
_SIGNALS = (
    "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigpending", "rt_sigsuspend", "rt_sigtimedwait",
    "rt_sigqueueinfo", "rt_tgsigqueueinfo", "sigaltstack", "signalfd4",
)
_TIME = (
    "clock_gettime", "clock_getres", "clock_nanosleep", "nanosleep", "gettimeofday", "getitimer", "setitimer",
    "timer_create", "timer_settime", "timer_gettime", "timer_getoverrun", "timer_delete",
    "timerfd_create", "timerfd_settime", "timerfd_gettime",
)
_FILES = (
    "openat", "openat2", "close", "close_range", "read", "write", "readv", "writev", "pread64", "pwrite64",
    "preadv", "pwritev", "preadv2", "pwritev2", "lseek", "fstat", "newfstatat", "statx", "statfs", "fstatfs",
    "faccessat", "faccessat2", "getdents64", "getcwd", "chdir", "fchdir", "mkdirat", "unlinkat", "renameat",
    "renameat2", "linkat", "symlinkat", "readlinkat", "fchmod", "fchmodat", "fchown", "fchownat", "truncate",
    "ftruncate", "fallocate", "fsync", "fdatasync", "fadvise64", "flock", "fcntl", "ioctl", "utimensat",
    "copy_file_range", "sendfile", "dup", "dup3", "pipe2",
    "getxattr", "lgetxattr", "fgetxattr", "listxattr", "llistxattr", "flistxattr",
)
_POLLING = ("epoll_create1", "epoll_ctl", "epoll_pwait", "epoll_pwait2", "ppoll", "pselect6", "eventfd2")
_SOCKET_CALLS = (
    "bind", "listen", "accept", "accept4", "connect", "getsockname", "getpeername", "getsockopt", "setsockopt",
    "sendto", "recvfrom", "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "shutdown",
)
# Present in both the x86_64 and the generic (aarch64) syscall tables.
COMMON = _PROCESS + _IDENTITY + _SCHEDULING + _MEMORY + _SIGNALS + _TIME + _FILES + _POLLING + _SOCKET_CALLS

# x86_64 keeps older entry points that aarch64 never had; each one does what
# an admitted *at/*2 call does, so admitting them adds no reach.
ARCH_ONLY: dict[str, tuple[str, ...]] = {
    "SCMP_ARCH_X86_64": (
        "arch_prctl", "open", "creat", "stat", "lstat", "access", "pipe", "dup2", "getdents", "readlink", "unlink",
        "rename", "mkdir", "rmdir", "link", "symlink", "chmod", "chown", "lchown", "utime", "utimes", "futimesat",
        "epoll_create", "epoll_wait", "poll", "select", "eventfd", "signalfd", "alarm", "pause", "time", "getpgrp",
        "fork", "vfork",
    ),
    "SCMP_ARCH_AARCH64": (),
}

# Runtimes probe these and fall back on ENOSYS (glibc's clone3, libuv's io_uring).
NOT_IMPLEMENTED = ("io_uring_setup", "io_uring_enter", "io_uring_register", "clone3")

# Must never be admitted, whatever else changes: namespaces and mounts,
# debugging and cross-process memory, kernel keyrings, BPF, perf, modules,
# clocks, userfaultfd.  Not part of the profile (absence is the refusal);
# kept so that a test can hold the allow-list to it.
NEVER = (
    "acct", "add_key", "bpf", "chroot", "clock_adjtime", "clock_settime", "delete_module", "fanotify_init",
    "finit_module", "fsconfig", "fsmount", "fsopen", "fspick", "init_module", "ioperm", "iopl", "kcmp",
    "kexec_file_load", "kexec_load", "keyctl", "lookup_dcookie", "modify_ldt", "mount", "mount_setattr",
    "move_mount", "name_to_handle_at", "open_by_handle_at", "open_tree", "perf_event_open", "pidfd_getfd",
    "pivot_root", "process_madvise", "process_vm_readv", "process_vm_writev", "ptrace", "quotactl", "reboot",
    "request_key", "setdomainname", "sethostname", "setns", "settimeofday", "swapoff", "swapon", "syslog",
    "umount2", "unshare", "uselib", "userfaultfd", "vhangup",
)

_ARCH = {"x86_64": "SCMP_ARCH_X86_64", "amd64": "SCMP_ARCH_X86_64", "aarch64": "SCMP_ARCH_AARCH64",
         "arm64": "SCMP_ARCH_AARCH64"}


def seccomp_arch(machine: str | None = None) -> str:
    machine = (machine or platform.machine()).lower()
    if machine not in _ARCH:
        raise ValueError(f"no seccomp profile for machine {machine!r} (known: x86_64, aarch64)")
    return _ARCH[machine]


def allowed_names(machine: str | None = None) -> tuple[str, ...]:
    """Syscalls admitted whatever their arguments."""
    return COMMON + ARCH_ONLY[seccomp_arch(machine)]


def _arg_eq(value: int) -> list[dict[str, object]]:
    return [{"index": 0, "value": value, "op": "SCMP_CMP_EQ"}]


def profile(machine: str | None = None) -> dict[str, object]:
    rules: list[dict[str, object]] = [{"names": list(allowed_names(machine)), "action": "SCMP_ACT_ALLOW"}]
    # One rule per admitted value: a rule's arguments are ANDed together.
    for family in (AF_UNIX, AF_INET, AF_INET6):
        rules.append({"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": _arg_eq(family)})
    rules.append({"names": ["socketpair"], "action": "SCMP_ACT_ALLOW", "args": _arg_eq(AF_UNIX)})
    for persona in PERSONALITY_ALLOWED:
        rules.append({"names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": _arg_eq(persona)})
    rules.append({"names": ["clone"], "action": "SCMP_ACT_ALLOW",
                  "args": [{"index": 0, "value": CLONE_NAMESPACE_MASK, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ"}]})
    rules.append({"names": list(NOT_IMPLEMENTED), "action": "SCMP_ACT_ERRNO", "errnoRet": ENOSYS})
    return {"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": EPERM,
            "architectures": [seccomp_arch(machine)], "syscalls": rules}


@lru_cache(maxsize=1)
def security_opt() -> str:
    """The ``security_opt`` entry Docker expects: the profile inline as JSON."""
    return "seccomp=" + json.dumps(profile(), separators=(",", ":"))
