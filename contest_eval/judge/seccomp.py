"""The judge's seccomp profile.

Docker's default profile is an allow-list tuned for general containers; a
judge needs less.  Ours admits the native architecture only (so the 32-bit
``int 0x80``/``socketcall`` path that bypassed socket-family filters is gone),
and refuses what no contest solution needs: namespaces and mounts, ptrace and
cross-process memory access, keyrings, io_uring, BPF, perf, userfaultfd,
module and clock syscalls, and socket families that have leaked between
sandboxes (AF_VSOCK, AF_ALG).  Everything else behaves as in Docker's default.
"""

from __future__ import annotations

import json
import platform
from functools import lru_cache

EPERM = 1
ENOSYS = 38
AF_ALG = 38
AF_VSOCK = 40

DENIED = (
    "acct", "add_key", "bpf", "clock_adjtime", "clock_settime", "create_module", "delete_module", "finit_module",
    "fsconfig", "fsmount", "fsopen", "fspick", "get_kernel_syms", "init_module", "ioperm", "iopl", "kcmp",
    "kexec_file_load", "kexec_load", "keyctl", "lookup_dcookie", "mount", "mount_setattr", "move_mount",
    "name_to_handle_at", "nfsservctl", "open_by_handle_at", "open_tree", "perf_event_open", "pivot_root",
    "process_madvise", "process_vm_readv", "process_vm_writev", "ptrace", "query_module", "quotactl", "reboot",
    "request_key", "setns", "settimeofday", "stime", "swapoff", "swapon", "sysfs", "_sysctl", "syslog", "umount",
    "umount2", "unshare", "uselib", "userfaultfd", "ustat", "vhangup", "vm86", "vm86old", "pidfd_getfd",
)
# Runtimes probe these and fall back when they are missing (libuv, glibc).
NOT_IMPLEMENTED = ("io_uring_setup", "io_uring_enter", "io_uring_register", "clone3")
# clone flags that create namespaces (CLONE_NEWNS … CLONE_NEWNET, CLONE_NEWCGROUP, CLONE_NEWTIME).
NAMESPACE_FLAGS = (0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000, 0x00000080)

_ARCH = {"x86_64": "SCMP_ARCH_X86_64", "aarch64": "SCMP_ARCH_AARCH64", "arm64": "SCMP_ARCH_AARCH64"}


def profile() -> dict[str, object]:
    rules: list[dict[str, object]] = [
        {"names": list(DENIED), "action": "SCMP_ACT_ERRNO", "errnoRet": EPERM},
        {"names": list(NOT_IMPLEMENTED), "action": "SCMP_ACT_ERRNO", "errnoRet": ENOSYS},
    ]
    for family in (AF_ALG, AF_VSOCK):
        rules.append({"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": EPERM,
                      "args": [{"index": 0, "value": family, "op": "SCMP_CMP_EQ"}]})
    for flag in NAMESPACE_FLAGS:
        rules.append({"names": ["clone"], "action": "SCMP_ACT_ERRNO", "errnoRet": EPERM,
                      "args": [{"index": 0, "value": flag, "valueTwo": flag, "op": "SCMP_CMP_MASKED_EQ"}]})
    arch = _ARCH.get(platform.machine(), "SCMP_ARCH_X86_64")
    return {"defaultAction": "SCMP_ACT_ALLOW", "architectures": [arch], "syscalls": rules}


@lru_cache(maxsize=1)
def security_opt() -> str:
    """The ``security_opt`` entry Docker expects: the profile inline as JSON."""
    return "seccomp=" + json.dumps(profile(), separators=(",", ":"))
