"""A native generation backend that dies (SIGILL from a build that does not
match the CPU, SIGKILL from the OOM killer) stops ``run`` with one clear line
and a non-zero exit; what was stored stays, and the next ``run`` resumes.

The real llama.cpp child process running SmolLM2 is killed by the real signal."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT
from test_cli import EXE, cli

HAVE_LLAMA_CPP = importlib.util.find_spec("llama_cpp") is not None
needs_llama = pytest.mark.skipif(not HAVE_LLAMA_CPP, reason="llama_cpp is not importable: pip install 'contest-eval[llamacpp]' (scripts/setup.sh does)")


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # the command name may hold spaces: fields after the last ')' are fixed
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


@needs_llama
@pytest.mark.parametrize("sig", [signal.SIGILL, signal.SIGKILL])
def test_backend_child_killed_by_signal_is_one_clear_error(sig: signal.Signals) -> None:
    from contest_eval.generate.backend import GenerationRequest, Sampling, get_backend
    from contest_eval.generate.isolated import NativeCrashError

    backend = get_backend("llamacpp", n_ctx=1024, seed=0)
    assert backend.engine_info["model_sha256"] and "AVX512" not in backend.engine_info.get("build_flags", "").replace("AVX512=OFF", "")
    received = []

    def on_done(c) -> None:
        received.append(c)
        if len(received) == 1:
            os.kill(backend.pid, sig)

    req = GenerationRequest("hello", [{"role": "user", "content": "Count from one to twenty in words."}], 3, 1)
    with pytest.raises(NativeCrashError) as err:
        backend.generate([req], Sampling(temperature=0.7, max_tokens=96), on_done)
    message = str(err.value)
    assert sig.name in message and "llamacpp" in message and "\n" not in message
    if sig == signal.SIGILL:
        assert "illegal instruction" in message and "scripts/setup.sh" in message
    assert len(received) >= 1 and received[0].text
    backend.close()


@needs_llama
@pytest.mark.docker
def test_run_stops_cleanly_when_the_model_process_dies_and_resumes(tmp_path: Path, judge) -> None:
    db = tmp_path / "crash.db"
    assert cli("--db", str(db), "suite", "build", str(ROOT / "suites" / "sample-contest")).returncode == 0
    assert cli("--db", str(db), "models", "add", "smollm2-135m", "--hf-id", "HuggingFaceTB/SmolLM2-135M-Instruct",
               "--cutoff", "2024-10-31").returncode == 0
    args = [EXE, "--db", str(db), "run", "--model", "smollm2-135m", "--backend", "llamacpp", "--platform", "sample",
            "--rollouts", "2", "--max-tokens", "200", "--json"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline, generated = time.monotonic() + 300, 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
        try:
            generated = sqlite3.connect(db).execute("select count(*) from generations").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if generated >= 1:
            break
    assert proc.poll() is None and generated >= 1, "the run finished before its model process could be killed"
    children = [c for c in _children(proc.pid) if b"contest_eval.generate.isolated" in Path(f"/proc/{c}/cmdline").read_bytes()]
    assert len(children) == 1
    os.kill(children[0], signal.SIGILL)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode not in (0, None) and proc.returncode != -signal.SIGILL
    lines = [line for line in stderr.splitlines() if line.strip().startswith("error:")]
    assert len(lines) == 1 and "SIGILL" in lines[0] and "illegal instruction" in lines[0], stderr[-2000:]
    assert "Traceback" not in stderr
    con = sqlite3.connect(db)
    kept = con.execute("select count(*) from generations").fetchone()[0]
    assert 1 <= kept < 6 and con.execute("select status from runs").fetchone()[0] != "finished"
    con.close()
    again = cli(*args[1:])
    assert again.returncode == 0, again.stderr[-2000:]
    assert json.loads(again.stdout)["generated"] == 6 - kept
    con = sqlite3.connect(db)
    assert con.execute("select count(*), count(distinct key) from (select problem_id || ':' || rollout as key from generations)").fetchone() == (6, 6)
    # every generation with extracted code is judged exactly once
    coded = con.execute("select count(*) from generations where code is not null").fetchone()[0]
    assert con.execute("select count(*), count(distinct generation_id) from submissions").fetchone() == (coded, coded)
    assert con.execute("select count(*) from runs").fetchone()[0] == 1
    engine = json.loads(con.execute("select params from runs").fetchone()[0])["engine"]
    assert len(engine["model_sha256"]) == 64 and "GGML_NATIVE=OFF" in engine["build_flags"]
