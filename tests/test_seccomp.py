"""The seccomp profile is an allow-list, and the real judge enforces it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import stdin_problem
from contest_eval.judge import seccomp

# The kernel's syscall tables as the C library headers ship them (linux-libc-dev).
X86_64_TABLE = Path("/usr/include/x86_64-linux-gnu/asm/unistd_64.h")
GENERIC_TABLE = Path("/usr/include/asm-generic/unistd.h")  # aarch64 and other new ports


def syscall_names(header: Path) -> set[str]:
    if not header.is_file():
        pytest.fail(f"{header} is missing: install the kernel headers (Debian: linux-libc-dev)")
    return set(re.findall(r"^#define __NR_(\w+)\s", header.read_text(), re.M))


def rule_names(profile: dict, conditional: bool) -> list[str]:
    return [n for r in profile["syscalls"] if r["action"] == "SCMP_ACT_ALLOW" and bool(r.get("args")) == conditional
            for n in r["names"]]


@pytest.mark.parametrize("machine,table", [("x86_64", X86_64_TABLE), ("aarch64", GENERIC_TABLE)])
def test_profile_is_an_allow_list_of_real_syscalls(machine: str, table: Path) -> None:
    profile = seccomp.profile(machine)
    # An error by default: a syscall nobody listed is refused, as in Docker's default.
    assert profile["defaultAction"] == "SCMP_ACT_ERRNO" and profile["defaultErrnoRet"] == seccomp.EPERM
    assert all(r["action"] in ("SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO") for r in profile["syscalls"])
    plain, conditional = rule_names(profile, False), rule_names(profile, True)
    assert [n for n, k in Counter(plain).items() if k > 1] == []  # each name spelled once
    assert set(plain).isdisjoint(conditional)  # an argument filter is not undone by a plain rule
    assert set(conditional) == {"socket", "socketpair", "personality", "clone"}
    known = syscall_names(table)
    assert sorted(set(plain + conditional + list(seccomp.NOT_IMPLEMENTED)) - known) == []
    assert set(plain + conditional).isdisjoint(seccomp.NEVER)
    assert profile["architectures"] == [seccomp.seccomp_arch(machine)]


def test_common_names_exist_on_both_architectures() -> None:
    missing = set(seccomp.COMMON) - (syscall_names(X86_64_TABLE) & syscall_names(GENERIC_TABLE))
    assert missing == set()


def test_unknown_machine_is_refused() -> None:
    with pytest.raises(ValueError, match="no seccomp profile for machine 'mips'"):
        seccomp.profile("mips")


# Each line: a syscall and what the sandbox must answer.  Docker's default
# admits io_setup, shmget and netlink sockets; the judge does not.
PROBE = r"""
import ctypes, errno, os, platform, socket
NR = {"x86_64": dict(personality=135, io_setup=206, shmget=29, clone=56, clone3=435),
      "aarch64": dict(personality=92, io_setup=0, shmget=194, clone=220, clone3=435)}[platform.machine()]
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long

def call(name, *args):
    ctypes.set_errno(0)
    r = libc.syscall(ctypes.c_long(NR[name]), *[ctypes.c_ulong(a) for a in args])
    if r == 0 and name == "clone":
        os._exit(0)  # a child that should never have been created
    return "ok" if r >= 0 else errno.errorcode[ctypes.get_errno()]

def sock(family):
    try:
        socket.socket(family, socket.SOCK_DGRAM).close()
        return "ok"
    except OSError as e:
        return errno.errorcode[e.errno]

print("personality(0x0040000)", call("personality", 0x0040000))   # ADDR_NO_RANDOMIZE
print("personality(0x0000008)", call("personality", 0x0000008))   # PER_LINUX32: Docker admits it
print("personality(0)", call("personality", 0))
print("personality(0xffffffff)", call("personality", 0xFFFFFFFF))
print("io_setup", call("io_setup", 8, 0))
print("shmget", call("shmget", 0, 4096, 0o1600))
print("clone(CLONE_NEWUSER)", call("clone", 0x10000000 | 17, 0, 0, 0, 0))
print("clone3", call("clone3", 0, 0))
print("socket(AF_NETLINK)", sock(socket.AF_NETLINK))
print("socket(AF_INET)", sock(socket.AF_INET))
print("socket(AF_UNIX)", sock(socket.AF_UNIX))
"""
EXPECTED = """personality(0x0040000) EPERM
personality(0x0000008) EPERM
personality(0) ok
personality(0xffffffff) ok
io_setup EPERM
shmget EPERM
clone(CLONE_NEWUSER) EPERM
clone3 ENOSYS
socket(AF_NETLINK) EPERM
socket(AF_INET) ok
socket(AF_UNIX) ok
"""


@pytest.mark.docker
def test_syscalls_outside_the_list_are_refused_in_the_judge(judge) -> None:
    spec = stdin_problem([("", EXPECTED)])
    result = judge.judge(spec, "python3", PROBE)
    assert result.verdict.value == "AC", (result.verdict, result.message, [(t.verdict.value, t.message) for t in result.tests])


@pytest.mark.docker
def test_compiled_code_gets_the_same_refusal(judge) -> None:
    src = r"""
#include <cerrno>
#include <cstdio>
#include <sys/personality.h>
int main() {
    errno = 0;
    int r = personality(ADDR_NO_RANDOMIZE);
    std::printf("%s %s\n", r == -1 && errno == EPERM ? "refused" : "admitted", personality(0xffffffff) != -1 ? "query-ok" : "query-refused");
}
"""
    result = judge.judge(stdin_problem([("", "refused query-ok")]), "cpp", src)
    assert result.verdict.value == "AC", (result.verdict, result.compile_output[-500:], result.message)
