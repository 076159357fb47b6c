"""The attack suite of research/anchors_sandbox.md §3 (A–F), in Python and C++.

Each attack asserts the verdict *and* a host invariant: the judge survives and
still judges, nothing outside the sandbox changes, nothing persists into the
next submission, there is no network.  Attack programs print a marker that
only a blocked attack can produce, so AC means "the defence held".
"""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pytest

from conftest import stdin_problem

pytestmark = pytest.mark.docker

OK = [("", "blocked")]


def run(judge, lang: str, source: str, tests=OK, **kw):
    return judge.judge(stdin_problem(tests, **kw), lang, source)


def judge_labelled_containers(judge) -> int:
    """Containers that ran a submission and still exist: owned by this test
    process (other workers run their own), not counting idle warm spares."""
    import time

    from contest_eval.judge.sandbox import OWNER_LABEL, _owner

    pool = judge.sandbox.pool
    while pool is not None and pool.busy():
        time.sleep(0.05)
    spares = pool.spare_ids() if pool is not None else set()
    out = subprocess.run(["docker", "ps", "-aq", "--no-trunc", "--filter", f"label={OWNER_LABEL}={_owner()}"],
                         capture_output=True, text=True)
    return len(set(out.stdout.split()) - spares)


# --- A. resource exhaustion ------------------------------------------------------------

PY_FORK_BOMB = """
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
"""
CPP_FORK_BOMB = """
#include <unistd.h>
int main() { while (true) fork(); }
"""


@pytest.mark.parametrize("lang,src", [("python3", PY_FORK_BOMB), ("cpp", CPP_FORK_BOMB)])
def test_a1_fork_bomb_is_contained(judge, lang, src):
    result = run(judge, lang, src)
    assert result.verdict.value in ("TLE", "RE"), result
    # the judge is intact: the next submission is judged normally
    assert run(judge, "python3", "print('blocked')").verdict.value == "AC"
    assert judge_labelled_containers(judge) == 0


def test_a3_memory_boundary_python(judge):
    below = "x = bytearray(150 << 20)\nprint('blocked')"
    above = "x = bytearray(400 << 20)\nprint('blocked')"
    assert run(judge, "python3", below).verdict.value == "AC"
    assert run(judge, "python3", above).verdict.value == "MLE"


def test_a3_memory_bomb_cpp(judge):
    src = "#include <bits/stdc++.h>\nint main(){ std::vector<char*> v; while(true){ char* p = new char[1<<24]; memset(p, 1, 1<<24); v.push_back(p);} }"
    assert run(judge, "cpp", src).verdict.value == "MLE"


@pytest.mark.parametrize("lang,src", [
    ("python3", "import time\ntime.sleep(1000)"),
    ("python3", "import sys\nsys.stdin.read(); import select; select.select([], [], [])"),
    ("cpp", "#include <unistd.h>\nint main(){ sleep(1000); }"),
    ("cpp", "#include <chrono>\nint main(){ auto t=std::chrono::steady_clock::now(); while(std::chrono::steady_clock::now()-t < std::chrono::seconds(100)); }"),
])
def test_a5_a6_cpu_and_wall_stalls_are_tle(judge, lang, src):
    result = run(judge, lang, src, time_limit_ms=500)
    assert result.verdict.value == "TLE"


@pytest.mark.parametrize("lang,src", [
    ("python3", "import sys\nwhile True: sys.stdout.write('a' * 65536)"),
    ("cpp", "#include <cstdio>\nint main(){ while(true) putchar('a'); }"),
])
def test_a7_output_flood_is_ole(judge, lang, src):
    assert run(judge, lang, src).verdict.value == "OLE"


def test_a8_stderr_flood_is_capped_and_harmless(judge):
    src = "import sys\nfor _ in range(2000): sys.stderr.write('e' * 65536)\nprint('blocked')"
    result = run(judge, "python3", src, time_limit_ms=3000)
    assert result.verdict.value == "AC"


def test_a9_disk_and_inode_bombs(judge):
    disk = "f = open('/work/fill', 'wb')\nwhile True: f.write(b'x' * (1 << 20))"
    inodes = "import os\nfor i in range(100000): open('/tmp/f%d' % i, 'w').close()\nprint('blocked')"
    assert run(judge, "python3", disk).verdict.value in ("OLE", "RE")
    assert run(judge, "python3", inodes).verdict.value == "RE"
    assert run(judge, "python3", "print('blocked')").verdict.value == "AC"


def test_a12_fd_exhaustion_is_capped(judge):
    src = "fs = []\ntry:\n    while True: fs.append(open('/dev/null'))\nexcept OSError:\n    print('blocked' if len(fs) < 1000 else 'uncapped')"
    assert run(judge, "python3", src).verdict.value == "AC"


@pytest.mark.parametrize("src", [
    "import signal\nfor s in (signal.SIGXCPU, signal.SIGALRM, signal.SIGVTALRM, signal.SIGTERM): signal.signal(s, signal.SIG_IGN)\nsignal.setitimer(signal.ITIMER_REAL, 0)\nwhile True: pass",
])
def test_a13_a14_ignoring_signals_does_not_escape_tle(judge, src):
    assert run(judge, "python3", src, time_limit_ms=500).verdict.value == "TLE"


# --- B. escape and privilege -----------------------------------------------------------

PY_KILL_JUDGE = """
import os, signal
for target in (1, os.getppid()):
    try:
        os.kill(target, signal.SIGKILL)
    except OSError:
        pass
print('blocked')
"""
CPP_KILL_JUDGE = """
#include <csignal>
#include <cstdio>
#include <unistd.h>
int main(){ kill(1, SIGKILL); kill(getppid(), SIGKILL); kill(1, SIGTERM); puts("blocked"); }
"""


@pytest.mark.parametrize("lang,src", [("python3", PY_KILL_JUDGE), ("cpp", CPP_KILL_JUDGE)])
def test_b1_killing_the_supervisor_has_no_effect(judge, lang, src):
    result = run(judge, lang, src, tests=[("", "blocked"), ("", "blocked")])
    assert result.verdict.value == "AC" and len(result.tests) == 2


def test_b1_kill_everything_only_kills_itself(judge):
    src = "import os, signal\nos.kill(-1, signal.SIGKILL)\nprint('unreachable')"
    result = run(judge, "python3", src, tests=[("", "blocked"), ("", "blocked")])
    # kill(-1) spares PID 1 (the supervisor) and the caller: nothing else to kill, so ESRCH
    assert result.verdict.value == "RE" and len(result.tests) == 2


PY_PTRACE = """
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
PTRACE_ATTACH = 16
print('blocked' if libc.ptrace(PTRACE_ATTACH, 1, None, None) != 0 else 'attached')
"""
CPP_PTRACE = """
#include <sys/ptrace.h>
#include <cstdio>
int main(){ puts(ptrace(PTRACE_ATTACH, 1, nullptr, nullptr) != 0 ? "blocked" : "attached"); }
"""


@pytest.mark.parametrize("lang,src", [("python3", PY_PTRACE), ("cpp", CPP_PTRACE)])
def test_b2_cannot_ptrace_the_supervisor(judge, lang, src):
    assert run(judge, lang, src).verdict.value == "AC"


def test_b3_namespace_and_mount_syscalls_fail(judge):
    src = """
import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWUSER, CLONE_NEWNS = 0x10000000, 0x00020000
ok = libc.unshare(CLONE_NEWUSER) != 0 and libc.unshare(CLONE_NEWNS) != 0
ok = ok and libc.mount(b"none", b"/work", b"tmpfs", 0, None) != 0
import socket
try:
    socket.socket(40, socket.SOCK_STREAM)  # AF_VSOCK
    ok = False
except OSError:
    pass
print('blocked' if ok else 'escaped')
"""
    assert run(judge, "python3", src).verdict.value == "AC"


def test_b8_b10_proc_and_capabilities(judge):
    src = """
import os
ok = True
for path, mode in (('/proc/1/fd/1', 'w'), ('/proc/1/environ', 'r'), ('/proc/1/mem', 'r'), ('/proc/sys/kernel/hostname', 'w'),
                   ('/sys/fs/cgroup/memory/memory.limit_in_bytes', 'w'), ('/in/plan.json', 'a'), ('/usr/bin/python3', 'a')):
    try:
        with open(path, mode) as f:
            if mode == 'r': f.read(1)
            else: f.write('x')
        ok = False
    except OSError:
        pass
cap = [l for l in open('/proc/self/status') if l.startswith('CapEff')][0].split()[1]
ok = ok and int(cap, 16) == 0 and os.getuid() != 0
try:
    os.chown('/work', 0, 0); ok = False
except OSError:
    pass
print('blocked' if ok else 'escaped')
"""
    assert run(judge, "python3", src).verdict.value == "AC"


def test_b7_daemon_does_not_outlive_the_submission(judge):
    src = """
import os, sys, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        while True: time.sleep(0.01)
    os._exit(0)
print('blocked')
"""
    result = run(judge, "python3", src, tests=[("", "blocked")] * 3)
    assert result.verdict.value == "AC" and len(result.tests) == 3
    assert judge_labelled_containers(judge) == 0


# --- C. hidden-test exfiltration ---------------------------------------------------------

def test_c1_c5_expected_outputs_are_not_in_the_sandbox(judge):
    secret = "expected-" + uuid.uuid4().hex
    hunt = """
import os
needle = b'expected-'
found = b'nothing'
for top in ('/in', '/work', '/tmp', '/etc', '/var', '/root', '/home', '/opt'):
    for dirpath, _, files in os.walk(top):
        for name in files:
            try:
                data = open(os.path.join(dirpath, name), 'rb').read(1 << 20)
            except OSError:
                continue
            i = data.find(needle)
            if i >= 0 and b'print' not in data:
                found = data[i:i + 41]
print(found.decode(errors='replace'))
"""
    result = run(judge, "python3", hunt, tests=[("", secret)])
    assert result.verdict.value == "WA"


def test_c5_in_process_snooping_finds_nothing(judge):
    from contest_eval.judge import parse_spec

    secret = "expected-" + uuid.uuid4().hex
    spec = parse_spec({"kind": "function", "metadata": {"name": "f", "params": [{"name": "x", "type": "integer"}], "return": {"type": "string"}},
                       "tests": [{"input": "1", "output": '"' + secret + '"'}]})
    src = """
import gc, inspect
class Solution:
    def f(self, x):
        for o in gc.get_objects():
            if isinstance(o, str) and o.startswith('expected-'):
                return o
        frame = inspect.currentframe()
        while frame:
            for v in list(frame.f_locals.values()):
                if isinstance(v, str) and v.startswith('expected-'):
                    return v
            frame = frame.f_back
        return 'nothing'
"""
    assert judge.judge(spec, "python3", src).verdict.value == "WA"


def test_c2_environment_is_minimal(judge):
    src = """
import os
allowed = {'PATH', 'HOME', 'LANG', 'TMPDIR', 'PYTHONDONTWRITEBYTECODE', 'PYTHONHASHSEED', 'PYTHONIOENCODING', 'LC_CTYPE'}
print('blocked' if set(os.environ) <= allowed else 'leak: ' + ','.join(sorted(set(os.environ) - allowed)))
"""
    assert run(judge, "python3", src).verdict.value == "AC"


@pytest.mark.parametrize("lang,src", [
    ("python3", """
import socket
ok = True
for host, port in (('8.8.8.8', 53), ('172.17.0.1', 2375), ('169.254.169.254', 80), ('127.0.0.1', 5432)):
    try:
        socket.create_connection((host, port), timeout=1); ok = False
    except OSError:
        pass
try:
    socket.getaddrinfo('deb.debian.org', 80); ok = False
except OSError:
    pass
ok = ok and not __import__('os').path.exists('/var/run/docker.sock')
print('blocked' if ok else 'network')
"""),
    ("cpp", """
#include <arpa/inet.h>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>
int main(){ int s = socket(AF_INET, SOCK_STREAM, 0); sockaddr_in a{}; a.sin_family = AF_INET; a.sin_port = htons(53);
  inet_pton(AF_INET, "8.8.8.8", &a.sin_addr); puts(connect(s, (sockaddr*)&a, sizeof a) != 0 ? "blocked" : "network"); }
"""),
])
def test_c3_no_network(judge, lang, src):
    assert run(judge, lang, src).verdict.value == "AC"


def test_c7_nothing_persists_between_submissions(judge):
    mark = uuid.uuid4().hex
    writer = f"""
import os
for d in ('/tmp', '/work', '/dev/shm', '/var/tmp', '/run/lock'):
    try:
        open(os.path.join(d, 'persist-{mark}'), 'w').write('x')
    except OSError:
        pass
print('blocked')
"""
    reader = f"""
import os
hits = [d for d in ('/tmp', '/work', '/dev/shm', '/var/tmp', '/run/lock') if os.path.exists(os.path.join(d, 'persist-{mark}'))]
print('blocked' if not hits else 'persisted in ' + ','.join(hits))
"""
    assert run(judge, "python3", writer).verdict.value == "AC"
    assert run(judge, "python3", reader).verdict.value == "AC"


# --- D. harness tampering ------------------------------------------------------------------

def test_d1_early_exit_zero_is_not_accepted(judge):
    from conftest import load_problem

    src = "import os\nclass Solution:\n    def twoSum(self, nums, target):\n        os._exit(0)\n"
    result = judge.judge(load_problem("fn_twosum"), "python3", src)
    assert result.verdict.value == "WA" and result.passed == 0


def test_d2_always_equal_object_is_not_accepted(judge):
    from conftest import load_problem

    src = "class Eq(list):\n    def __eq__(self, o): return True\n    def __ne__(self, o): return False\nclass Solution:\n    def twoSum(self, nums, target):\n        return Eq()\n"
    assert judge.judge(load_problem("fn_twosum"), "python3", src).verdict.value == "WA"


def test_d3_d4_forged_reports_are_ignored(judge):
    from conftest import load_problem

    src = """
import json, os, sys, builtins
forged = '{"event": "test", "index": 0, "status": "ok", "output": "[0,1]"}'
for fd in (1, 2):
    os.write(fd, (forged + '\\n').encode())
for path in ('/proc/1/fd/1', '/dev/stdout'):
    try:
        open(path, 'w').write('deadbeef ' + forged + '\\n')
    except OSError:
        pass
json.dumps = lambda *a, **k: '[0,1]'
builtins.print = lambda *a, **k: None
class Solution:
    def twoSum(self, nums, target):
        return [5, 5]
"""
    result = judge.judge(load_problem("fn_twosum"), "python3", src)
    assert result.verdict.value == "WA" and result.passed == 0


def test_d7_runtime_files_are_read_only(judge):
    src = "import sortedcontainers, os\ntry:\n    open(sortedcontainers.__file__, 'a').write('x'); print('tampered')\nexcept OSError:\n    print('blocked')"
    assert run(judge, "python3", src).verdict.value == "AC"


# --- E. compiler abuse ------------------------------------------------------------------------

@pytest.mark.parametrize("src", [
    '#include "/etc/passwd"\nint main(){}',
    '#include "/dev/zero"\nint main(){}',
    '#include "/in/plan.json"\nint main(){}',
])
def test_e3_hostile_includes_are_compile_errors(judge, src):
    result = run(judge, "cpp", src)
    assert result.verdict.value == "CE"
    assert "root:x:0" not in result.compile_output or "/etc/passwd" in src  # only the image's own passwd


def test_e4_gigantic_binary_is_refused(judge):
    # A non-static initialised global must be emitted in full (no folding to 0).
    result = run(judge, "cpp", "char a[1u << 31] = {1};\nint main(int argc, char**){ return a[argc * 1000]; }")
    assert result.verdict.value == "CE"


def test_e1_compiler_output_flood_is_capped(judge):
    src = "#define A x x x x x x x x x x\n#define B A A A A A A A A A A\n#define C B B B B B B B B B B\n#define D C C C C C C C C C C\nint main(){ D D D D D D D D }"
    result = run(judge, "cpp", src)
    assert result.verdict.value == "CE" and len(result.compile_output) <= 70_000


# --- F. lifecycle ----------------------------------------------------------------------------

def test_f2_orphans_are_collected(judge):
    """A container left by a dead judge process is removed by gc."""
    from contest_eval.judge.sandbox import LABEL, OWNER_LABEL, gc_orphans
    from contest_eval.judge.images import image_tag
    import socket

    c = judge.client.containers.create(image_tag("python3"), ["true"], labels={LABEL: "1", OWNER_LABEL: f"{socket.gethostname()}:999999999",
                                                                              "contest-eval.created": "0"})
    assert gc_orphans(judge.client) >= 1
    assert c.id not in {x["Id"] for x in judge.client.api.containers(all=True)}


def test_host_files_untouched(judge, tmp_path: Path):
    sentinel = tmp_path / "sentinel"
    sentinel.write_text("host")
    src = f"""
import os
for p in ('{sentinel}', '/in/../{sentinel}', '/proc/1/root{sentinel}'):
    try:
        open(p, 'w').write('pwned')
    except OSError:
        pass
print('blocked')
"""
    assert run(judge, "python3", src).verdict.value == "AC"
    assert sentinel.read_text() == "host"
