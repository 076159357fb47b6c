"""The ``contest-eval`` CLI through its real console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

EXE = shutil.which("contest-eval", path=str(Path(sys.executable).parent)) or "contest-eval"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=600, env={**os.environ, **(env or {})})


def one_line_error(proc: subprocess.CompletedProcess[str], needle: str) -> None:
    assert proc.returncode != 0
    lines = [l for l in proc.stderr.strip().splitlines() if l.strip()]
    assert len(lines) == 1 and "error:" in lines[0] and needle in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_help_lists_commands():
    proc = cli("--help")
    assert proc.returncode == 0 and "judge" in proc.stdout
    proc = cli("judge", "submit", "--help")
    assert proc.returncode == 0 and "--fail-fast" in proc.stdout


def test_bad_spec_is_one_line_error(tmp_path: Path):
    bad = tmp_path / "p.json"
    bad.write_text('{"kind": "function", "metadata": {"name": 5}, "tests": [{"input": "1"}]}')
    sol = tmp_path / "s.py"
    sol.write_text("pass")
    one_line_error(cli("judge", "submit", str(bad), str(sol), "--lang", "python3"), "metadata")
    bad.write_text("{")
    one_line_error(cli("judge", "submit", str(bad), str(sol), "--lang", "python3"), "not valid JSON")


def test_unknown_language(tmp_path: Path):
    one_line_error(cli("judge", "submit", str(FIXTURES / "problems" / "fn_twosum.json"), str(tmp_path / "x"), "--lang", "cobol"),
                   "unknown language")


@pytest.mark.docker
def test_missing_image_names_the_fix(tmp_path: Path, judge):
    judges = tmp_path / "judges"
    shutil.copytree(ROOT / "judges", judges)
    with (judges / "python3" / "Dockerfile").open("a") as f:
        f.write("# a changed recipe has a new tag\n")
    proc = cli("judge", "submit", str(FIXTURES / "problems" / "fn_twosum.json"),
               str(FIXTURES / "solutions" / "python3" / "fn_twosum.ac.py"), "--lang", "python3",
               env={"CONTEST_EVAL_JUDGES": str(judges)})
    one_line_error(proc, "images build --lang python3")


@pytest.mark.docker
def test_submit_json_shape_and_exit_code(judge):
    for case, verdict in (("ac", "AC"), ("wa", "WA")):
        proc = cli("judge", "submit", str(FIXTURES / "problems" / "fn_twosum.json"),
                   str(FIXTURES / "solutions" / "python3" / f"fn_twosum.{case}.py"), "--lang", "python3", "--json")
        assert proc.returncode == 0, proc.stderr
        data = json.loads(proc.stdout)
        assert data["verdict"] == verdict
        assert {"verdict", "tests", "compile_output", "image"} <= data.keys()
        assert all({"verdict", "cpu_ms", "wall_ms", "memory_kb"} <= t.keys() for t in data["tests"])


@pytest.mark.docker
def test_fail_fast_skips_the_rest(judge):
    proc = cli("judge", "submit", str(FIXTURES / "problems" / "stdin_aplusb.json"),
               str(FIXTURES / "solutions" / "python3" / "stdin_aplusb.wa.py"), "--lang", "python3", "--json", "--fail-fast")
    data = json.loads(proc.stdout)
    assert data["verdict"] == "WA"
    assert len(data["tests"]) == 5 and [t["verdict"] for t in data["tests"]].count("WA") == 1


@pytest.mark.docker
def test_images_list_json(judge):
    proc = cli("judge", "images", "list", "--json")
    assert proc.returncode == 0
    rows = json.loads(proc.stdout)
    assert {r["language"] for r in rows} == {"python3", "cpp", "java", "go", "rust", "javascript"}
    assert all(r["present"] and r["digest"].startswith("sha256:") for r in rows)
