"""Hostile submissions against the *verdict* (issue 8, round 2), in Python and C++.

The sandbox held in round 1; these attacks try to change what the judge says
about the submission instead: blind the CPU accounting, hide memory in memfds
or in many processes, knock the supervisor over so a wrong answer turns into
IE, or flood the report channel.  Each asserts a verdict about the submission
(never IE) and that the judge still works afterwards.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from conftest import stdin_problem

pytestmark = pytest.mark.docker

PY_MULTIPLIER = 3


def run(judge, lang: str, source: str, tests=(("", "ok"),), **kw):
    return judge.judge(stdin_problem(list(tests), **kw), lang, source)


def assert_judge_still_works(judge) -> None:
    assert run(judge, "python3", "print('ok')").verdict.value == "AC"


# --- 1. the supervisor is out of the submission's reach ---------------------------------

PY_PRLIMIT_PID1 = """
import os, resource, time
pid = os.fork()
if pid == 0:
    try:
        resource.prlimit(1, resource.RLIMIT_NOFILE, (3, 3))
    except OSError:
        pass
    t = time.process_time()
    while time.process_time() - t < 2.0:
        pass
    os._exit(0)
os.waitpid(pid, 0)
print('ok')
"""
CPP_PRLIMIT_PID1 = """
#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
int main() {
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit lim = {3, 3};
        prlimit(1, RLIMIT_NOFILE, &lim, nullptr);
        clock_t t = clock();
        volatile unsigned long x = 0;
        while (clock() - t < 2 * CLOCKS_PER_SEC) x++;
        _exit(0);
    }
    waitpid(pid, nullptr, 0);
    puts("ok");
}
"""


@pytest.mark.parametrize("lang,src,limit", [("python3", PY_PRLIMIT_PID1, 334), ("cpp", CPP_PRLIMIT_PID1, 1000)])
def test_prlimit_on_the_supervisor_cannot_hide_cpu(judge, lang, src, limit):
    result = run(judge, lang, src, time_limit_ms=limit)
    assert result.verdict.value == "TLE", result.to_json()
    # The figure reported is what the decision used: the whole container's CPU.
    assert result.tests[0].cpu_ms >= limit * (PY_MULTIPLIER if lang == "python3" else 1)
    assert result.tests[0].message.startswith("stopped at the CPU limit"), result.tests[0].message
    assert result.rejudged == 0
    assert_judge_still_works(judge)


def test_submission_runs_without_privileges_and_supervisor_is_root(judge):
    src = """
import os, signal
st = dict(l.split(':', 1) for l in open('/proc/self/status'))
ok = os.getuid() == os.geteuid() == 10001 and int(st['CapEff'], 16) == 0 and int(st['CapPrm'], 16) == 0
ok = ok and open('/proc/1/status').read().split('Uid:')[1].split()[0] == '0'
try:
    os.kill(1, signal.SIGSTOP); ok = False
except PermissionError:
    pass
open('/work/mine', 'w').write('x')  # the scratch folder is writable
ok = ok and open('/work/main.py').read().startswith('\\nimport os')  # and the sources readable
print('ok' if ok else 'exposed')
"""
    assert run(judge, "python3", src).verdict.value == "AC"


# --- 2. memory is the container's: memfds, tmpfs and many processes ----------------------

PY_MEMFD = """
import os
fds = []
for _ in range(40):
    fd = os.memfd_create('hide')
    for _ in range(10):
        os.write(fd, b'x' * (1 << 20))
    fds.append(fd)
print('ok')
"""
CPP_MEMFD = """
#include <cstdio>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>
int main() {
    static char buf[1 << 20];
    memset(buf, 'x', sizeof buf);
    for (int i = 0; i < 40; i++) {
        int fd = memfd_create("hide", 0);
        for (int j = 0; j < 10; j++) write(fd, buf, sizeof buf);
    }
    puts("ok");
}
"""
PY_MANY = """
import os, time
kids = []
for _ in range(8):
    pid = os.fork()
    if pid == 0:
        x = bytearray(28 << 20)
        for i in range(0, len(x), 4096):
            x[i] = 1
        time.sleep(2)
        os._exit(0)
    kids.append(pid)
for pid in kids:
    os.waitpid(pid, 0)
print('ok')
"""
CPP_MANY = """
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>
int main() {
    for (int i = 0; i < 8; i++) {
        if (fork() == 0) {
            char* p = (char*)malloc(28 << 20);
            memset(p, 1, 28 << 20);
            sleep(2);
            _exit(p[100]);
        }
    }
    while (wait(nullptr) > 0) {}
    puts("ok");
}
"""


@pytest.mark.parametrize("lang,src", [("python3", PY_MEMFD), ("cpp", CPP_MEMFD), ("python3", PY_MANY), ("cpp", CPP_MANY)],
                         ids=["py-memfd", "cpp-memfd", "py-8procs", "cpp-8procs"])
def test_hidden_memory_is_mle(judge, lang, src):
    result = run(judge, lang, src, memory_limit_mb=32, time_limit_ms=2000)
    assert result.verdict.value == "MLE", result.to_json()
    assert result.tests[0].memory_kb > 32 * 1024


# --- 3. the supervisor survives: full tmpfs, a wrong answer after -----------------------

# Fill every tmpfs (their pages are charged to the container) while each
# process keeps a small resident set, so that when the container runs out of
# memory the kernel's largest process is the supervisor, not the submission.
PY_FILL = """
import os
chunk = b'x' * (1 << 20)
for top in ('/work', '/tmp', '/dev/shm'):
    for i in range(1000):
        try:
            with open(os.path.join(top, 'fill%d' % i), 'wb') as f:
                for _ in range(16):
                    f.write(chunk)
        except OSError:
            break
print('wrong')
"""
CPP_FILL = """
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
int main() {
    static char buf[1 << 20];
    memset(buf, 'x', sizeof buf);
    for (const char* top : {"/work", "/tmp", "/dev/shm"})
        for (int i = 0; i < 1000; i++) {
            FILE* f = fopen((std::string(top) + "/fill" + std::to_string(i)).c_str(), "wb");
            if (!f) break;
            int n = 0;
            for (; n < 16; n++) if (fwrite(buf, 1, sizeof buf, f) != sizeof buf) break;
            if (fclose(f) != 0 || n < 16) break;
        }
    // Then many thin processes: none is larger than the supervisor.
    for (int i = 0; i < 150; i++) {
        if (fork() == 0) {
            char* p = (char*)malloc(6 << 20);
            memset(p, 1, 6 << 20);
            sleep(3);
            _exit(0);
        }
    }
    while (wait(nullptr) > 0) {}
    puts("wrong");
}
"""


@pytest.mark.parametrize("lang,src", [("python3", PY_FILL), ("cpp", CPP_FILL)])
def test_filling_the_scratch_space_is_a_verdict_not_ie(judge, lang, src):
    result = run(judge, lang, src, tests=[("", "right")] * 3, memory_limit_mb=32)
    assert result.verdict.value in ("MLE", "RE", "WA", "OLE"), result.to_json()
    # Every test got its own verdict: the supervisor lived and cleaned up in between.
    assert len(result.tests) == 3 and all(t.verdict.value != "IE" for t in result.tests), result.to_json()
    assert_judge_still_works(judge)


def test_next_test_starts_with_clean_scratch(judge):
    src = """
import os
seen = sorted(n for top in ('/work', '/tmp', '/dev/shm') for n in os.listdir(top) if n.startswith('left'))
for top in ('/work', '/tmp', '/dev/shm'):
    open(os.path.join(top, 'left'), 'w').write('x')
    os.makedirs(os.path.join(top, 'leftdir', 'sub'), exist_ok=True)
    os.chmod(os.path.join(top, 'leftdir'), 0)
print('ok' if not seen else 'dirty: %s' % seen)
"""
    result = run(judge, "python3", src, tests=[("", "ok")] * 3)
    assert result.verdict.value == "AC", result.to_json()


# --- 4. the report channel: raw bytes, bounded, nothing rotated away -------------------

PY_BAD_UTF8 = "import sys\nsys.stdout.buffer.write(b'\\xff' * (20 << 20))\n"
CPP_BAD_UTF8 = """
#include <cstdio>
#include <vector>
int main() { std::vector<char> b(20 << 20, (char)0xff); fwrite(b.data(), 1, b.size(), stdout); }
"""


@pytest.mark.parametrize("lang,src", [("python3", PY_BAD_UTF8), ("cpp", CPP_BAD_UTF8)])
def test_invalid_utf8_floods_are_wrong_answers(judge, lang, src):
    result = run(judge, lang, src, tests=[("", "ok")] * 4, time_limit_ms=2000)
    assert result.verdict.value == "WA", (result.verdict, result.message)
    assert [t.verdict.value for t in result.tests] == ["WA"] * 4


def test_ten_tests_of_twenty_megabytes_all_get_results(judge):
    src = "import sys\nsys.stdout.write('a' * (20 << 20))\n"
    result = run(judge, "python3", src, tests=[("", "b")] * 10, time_limit_ms=2000)
    assert result.verdict.value == "WA", (result.verdict, result.message)
    assert [t.verdict.value for t in result.tests] == ["WA"] * 10


# --- 5. threads and deep recursion --------------------------------------------------------

CPP_THREADS = """
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>
int main() {
    std::atomic<long> sum{0};
    std::vector<std::thread> ts;
    for (int t = 0; t < 4; t++) ts.emplace_back([&sum, t] { for (int i = 0; i < 1000; i++) sum += t; });
    for (auto& t : ts) t.join();
    printf("%ld\\n", sum.load());
}
"""
PY_THREADS = """
import threading
out = [0] * 4
def work(t):
    out[t] = sum(range(1000)) * t
ts = [threading.Thread(target=work, args=(t,)) for t in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sum(out) // 499500)
"""
CPP_DEEP = """
#include <cstdio>
long depth(long n) { volatile char pad[64]; pad[0] = (char)n; return n == 0 ? 0 : 1 + depth(n - 1) + pad[0] * 0; }
int main() { printf("%ld\\n", depth(1000000)); }
"""
PY_DEEP = """
import sys
sys.setrecursionlimit(10 ** 6)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(100000))
"""


@pytest.mark.parametrize("lang,src,expected", [("cpp", CPP_THREADS, "6000"), ("python3", PY_THREADS, "6"),
                                               ("cpp", CPP_DEEP, "1000000"), ("python3", PY_DEEP, "100000")],
                         ids=["cpp-threads", "py-threads", "cpp-deep", "py-deep"])
def test_threads_and_deep_recursion_are_accepted(judge, lang, src, expected):
    result = run(judge, lang, src, tests=[("", expected)], time_limit_ms=2000)
    assert result.verdict.value == "AC", (result.verdict, [t.message for t in result.tests])


# --- 6. compile bombs end in CE within the compile limits ---------------------------------

CPP_TEMPLATE_BOMB = """
template <int N, int M> struct T { static const long v = T<N - 1, 2 * M>::v + T<N - 1, 2 * M + 1>::v; };
template <int M> struct T<0, M> { static const long v = 1; };
int main() { return (int)T<26, 0>::v; }
"""
CPP_CONSTEXPR_BOMB = """
constexpr long spin() {
    long s = 0;
    for (long i = 0; i < 200000; i++)
        for (long j = 0; j < 200000; j++) s += i ^ j;
    return s;
}
constexpr long x = spin();
int main() { return (int)x; }
"""
# Each expansion doubles the token stream: memory runs out long before the recursion limit.
RUST_MACRO_BOMB = """
macro_rules! twice { ($($t:tt)*) => { twice!($($t)* $($t)*) }; }
fn main() { twice!(0 1 2 3 4 5 6 7); }
"""
RUST_CONST_BOMB = """
const X: u64 = { let mut i: u64 = 0; let mut s: u64 = 0; while i < 40_000_000_000 { s ^= i; i += 1; } s };
fn main() { println!("{}", X); }
"""


@pytest.mark.parametrize("lang,src", [("cpp", CPP_TEMPLATE_BOMB), ("cpp", CPP_CONSTEXPR_BOMB),
                                      ("rust", RUST_MACRO_BOMB), ("rust", RUST_CONST_BOMB)],
                         ids=["cpp-template", "cpp-constexpr", "rust-macro", "rust-const"])
def test_compile_bombs_are_ce_within_the_limit(judge, lang, src):
    from contest_eval.judge.engine import scaled_limits
    from contest_eval.languages import load_language
    from contest_eval.judge.sandbox import WALL_CEILING

    spec = stdin_problem([("", "x")])
    limits = scaled_limits(spec, load_language(lang))
    t0 = time.monotonic()
    result = judge.judge(spec, lang, src)
    elapsed = time.monotonic() - t0
    assert result.verdict.value == "CE", (result.verdict, result.message, result.compile_output[-500:])
    assert elapsed < WALL_CEILING * limits.compile_wall_ms / 1000 + 30
    assert ("exceeded" in result.compile_output or "error" in result.compile_output), result.compile_output[-500:]


# --- 7. housekeeping ------------------------------------------------------------------------

def test_no_input_folders_are_left_behind(judge):
    run(judge, "python3", "print('ok')")
    run(judge, "cpp", "int main(){ return 1; }")
    pool = judge.sandbox.pool
    while pool is not None and pool.busy():
        time.sleep(0.05)
    spares = {str(w.root) for ws in (pool._ready.values() if pool is not None else []) for w in ws}
    top = Path(judge.sandbox.workdir or tempfile.gettempdir())
    mine = {str(p) for p in top.glob(f"ce-judge-{os.getpid()}-*")}
    assert mine <= spares, mine - spares


def test_input_folders_of_dead_judges_are_collected_and_pool_spares_cleaned(judge, tmp_path):
    from contest_eval.judge.images import image_tag
    from contest_eval.judge.pool import WarmPool
    from contest_eval.judge.sandbox import Limits, Sandbox, gc_workdirs

    dead = tmp_path / "ce-judge-999999999-abc"
    (dead / "src").mkdir(parents=True)
    alive = tmp_path / f"ce-judge-{os.getpid()}-abc"
    alive.mkdir()
    assert gc_workdirs(tmp_path) == 1 and not dead.exists() and alive.exists()

    pool = WarmPool(Sandbox(judge.client, tmp_path))
    limits = Limits(run_cpu_ms=1000, run_wall_ms=5000, memory_kb=65536, address_space_kb=None, container_mb=512)
    assert pool.take(image_tag("python3"), limits) is None  # starts a spare in the background
    deadline = time.monotonic() + 120
    while pool.busy() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(list(tmp_path.glob(f"ce-judge-{os.getpid()}-*"))) == 2  # the spare's folder and `alive`
    pool.close()
    assert [p.name for p in tmp_path.glob("ce-judge-*")] == [alive.name]
