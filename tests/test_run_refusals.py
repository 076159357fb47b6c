"""Bad `run` choices are refused with one line before anything is stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_cli import cli


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "refuse.db"
    assert cli("--db", str(db), "models", "add", "m", "--hf-id", "reference", "--cutoff", "2020-01-01").returncode == 0
    return db


def _runs(db: Path) -> int:
    return sqlite3.connect(db).execute("select count(*) from runs").fetchone()[0]


def test_unknown_backend_is_refused_and_leaves_no_run_row(tmp_path: Path) -> None:
    db = _store(tmp_path)
    out = cli("--db", str(db), "run", "--model", "m", "--backend", "foo")
    assert out.returncode != 0 and "unknown backend 'foo'" in out.stderr and "Traceback" not in out.stderr
    assert _runs(db) == 0


def test_greedy_decoding_with_several_rollouts_is_refused(tmp_path: Path) -> None:
    db = _store(tmp_path)
    out = cli("--db", str(db), "run", "--model", "m", "--backend", "llamacpp", "--temperature", "0", "--rollouts", "4")
    assert out.returncode != 0 and "identical attempts" in out.stderr
    assert _runs(db) == 0


def test_error_text_is_never_read_as_markup(tmp_path: Path) -> None:
    out = cli("--db", str(tmp_path / "x.db"), "run", "--model", "m", "--backend", "bad[/tmp/x]")
    assert out.returncode != 0 and "bad[/tmp/x]" in out.stderr and "MarkupError" not in out.stderr


def test_no_docker_engine_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    import os
    import subprocess

    from conftest import ROOT
    from test_cli import EXE

    env = {**os.environ, "DOCKER_HOST": f"unix://{tmp_path}/no-engine.sock"}
    db = tmp_path / "nodock.db"
    for args in (["suite", "build", str(ROOT / "suites" / "sample-contest")],):
        out = subprocess.run([EXE, "--db", str(db), *args], capture_output=True, text=True, env=env, timeout=120)
        assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr[-1500:]
        assert out.stderr.count("\n") == 1 and "Docker engine unavailable" in out.stderr
