"""Shared fixtures.  Docker tests run against the real engine and the real
judge images; where Docker is present they never skip (a missing image is a
failure that names the build command)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


SHARED_DATA_ENV = "CONTEST_EVAL_SHARED_DATA"
REQUIRE_SHARED_DATA_ENV = "CONTEST_EVAL_REQUIRE_SHARED_DATA"
# Every skip for absent shared data starts with this, so the hook below can
# turn those skips into failures when CI demands the data.
SHARED_DATA_MISSING = "shared data missing:"


def _shared_data() -> Path:
    """The project's recorded real data (not part of this repository).

    Found only through CONTEST_EVAL_SHARED_DATA or as ``../shared/data``
    beside the checkout; tests that need it skip with a message naming the
    absent file, so the suite still runs for an outside user.
    """
    env = os.environ.get(SHARED_DATA_ENV)
    return Path(env) if env else ROOT.parent / "shared" / "data"


SHARED_DATA = _shared_data()


def missing_shared_data(path: Path | str, what: str = "") -> str:
    """The skip message for absent shared data: which file, and how to provide it."""
    where = f"{SHARED_DATA_ENV}={os.environ[SHARED_DATA_ENV]}" if os.environ.get(SHARED_DATA_ENV) else f"{SHARED_DATA_ENV} unset, looked beside the checkout"
    return (f"{SHARED_DATA_MISSING} {path}{f' ({what})' if what else ''} is absent [{where}]; "
            f"set {SHARED_DATA_ENV} to the shared data folder (the one holding leetcode/, samples/, fixtures/)"
            f" or place it at {ROOT.parent / 'shared' / 'data'}")


def need_shared_data(path: Path, what: str = "") -> Path:
    """``path`` inside the shared data, or skip the test saying what is absent."""
    if not path.exists():
        pytest.skip(missing_shared_data(path, what))
    return path


def _missing_shared_file(excinfo) -> Path | None:
    """The absent shared-data file a test crashed on, if that is why it failed."""
    if excinfo is None or not isinstance(excinfo.value, FileNotFoundError) or not excinfo.value.filename:
        return None
    path = Path(os.fsdecode(excinfo.value.filename))
    return path if path.is_relative_to(SHARED_DATA) and not path.exists() else None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With CONTEST_EVAL_REQUIRE_SHARED_DATA=1 (CI), absent shared data fails the test instead of skipping it."""
    outcome = yield
    report = outcome.get_result()
    missing = _missing_shared_file(call.excinfo)
    if missing is not None and report.failed:
        # A test that reads shared data directly (no explicit skip): absent data is a skip, not a crash.
        report.outcome = "skipped"
        report.longrepr = (str(item.path), (item.location[1] or 0) + 1, f"Skipped: {missing_shared_data(missing)}")
    if not report.skipped or os.environ.get(REQUIRE_SHARED_DATA_ENV) != "1":
        return
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    if SHARED_DATA_MISSING in reason:
        report.outcome = "failed"
        report.longrepr = f"{REQUIRE_SHARED_DATA_ENV}=1 but {reason.removeprefix('Skipped: ')}"


JUDGE_LOG_ENV = "CONTEST_EVAL_JUDGE_LOG"  # contest_eval.judge.engine.JUDGE_LOG_ENV


def pytest_configure(config):
    """Every verdict of the session (in-process, xdist workers, CLI subprocesses) is logged
    to one file, so the summary can report how often a verdict landed near its limit."""
    if os.environ.get("PYTEST_XDIST_WORKER") or os.environ.get(JUDGE_LOG_ENV):
        return  # a worker inherits the controller's log
    import tempfile

    fd, path = tempfile.mkstemp(prefix="ce-judge-log-", suffix=".jsonl")
    os.close(fd)
    os.environ[JUDGE_LOG_ENV] = path
    config._ce_judge_log = path


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    path = getattr(config, "_ce_judge_log", None)
    if not path:
        return
    import json

    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            continue  # a line cut by a killed process
    Path(path).unlink(missing_ok=True)
    if not rows:
        return
    again = [r for r in rows if r.get("rejudged")]
    share = 100.0 * len(again) / len(rows)
    terminalreporter.write_line(
        f"judge: {len(rows)} verdicts, {len(again)} re-judged near the time limit ({share:.1f}%), "
        f"{sum(r['rejudged'] for r in again)} extra runs")
    for r in again[:10]:
        terminalreporter.write_line(f"  re-judged {r['language']}: {r['verdict']}, CPU ms seen {r['cpu_ms_seen']}")


def docker_available() -> bool:
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.fixture(scope="session")
def judge():
    if not docker_available():
        if os.environ.get("CONTEST_EVAL_REQUIRE_DOCKER") == "1":
            pytest.fail("Docker engine required (CONTEST_EVAL_REQUIRE_DOCKER=1) but `docker info` failed")
        pytest.skip("no Docker engine on this machine: `docker info` failed")
    from contest_eval.judge import Judge

    return Judge()


def load_problem(name: str):
    from contest_eval.judge import load_spec

    return load_spec(FIXTURES / "problems" / f"{name}.json")


def stdin_problem(tests: list[tuple[str, str]], time_limit_ms: int = 1000, memory_limit_mb: int = 256, compare: str = "tokens"):
    from contest_eval.judge import parse_spec

    return parse_spec({"kind": "stdin", "compare": compare, "time_limit_ms": time_limit_ms, "memory_limit_mb": memory_limit_mb,
                       "tests": [{"input": i, "output": o} for i, o in tests]})


@pytest.fixture(scope="session")
def pg_server():
    """A private PostgreSQL cluster for this test process (see tests/pgserver.py).

    Skips when the server binaries or psycopg are absent, unless CI demands
    PostgreSQL (CONTEST_EVAL_REQUIRE_POSTGRES=1): then that is a failure.
    """
    from pgserver import REQUIRE_ENV, PostgresServer, find_bin

    required = os.environ.get(REQUIRE_ENV) == "1"
    bindir = find_bin()
    try:
        import psycopg  # noqa: F401
    except ImportError:
        bindir = None
        why = "psycopg is not installed (pip install -e '.[postgres]')"
    else:
        why = "no PostgreSQL server binaries (apt-get install postgresql, or set CONTEST_EVAL_PG_BIN)"
    if bindir is None:
        if required:
            pytest.fail(f"{REQUIRE_ENV}=1 but {why}")
        pytest.skip(why)
    server = PostgresServer(bindir).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path: Path) -> str:
    """A fresh, empty store on each engine the product supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_server").url()
