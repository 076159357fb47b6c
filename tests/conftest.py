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


def _shared_data() -> Path:
    """The project's recorded data (``../shared/data`` beside the checkout).

    A clone elsewhere (CI) finds it through CONTEST_EVAL_SHARED_DATA or the
    workspace's fixed location; tests that need it skip with a clear message
    when it is absent, so the suite still runs for an outside user.
    """
    for candidate in (os.environ.get("CONTEST_EVAL_SHARED_DATA"), ROOT.parent / "shared" / "data", "/work/shared/data"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return ROOT.parent / "shared" / "data"


SHARED_DATA = _shared_data()


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
