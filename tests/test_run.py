"""The main job end to end on the shipped sample contest: the real CLI, the
real Docker judge and a real SQLite file.  The reference pseudo-model must
score 100%; replayed real-looking outputs get exactly the expected verdicts;
a run killed with SIGKILL resumes with nothing lost or duplicated."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT
from test_cli import EXE, cli

pytestmark = pytest.mark.docker
SAMPLE = ROOT / "suites" / "sample-contest"


@pytest.fixture(scope="module")
def store(tmp_path_factory, judge) -> Path:
    db = tmp_path_factory.mktemp("run") / "run.db"
    assert cli("--db", str(db), "suite", "build", str(SAMPLE)).returncode == 0
    assert cli("--db", str(db), "models", "add", "oracle", "--hf-id", "reference", "--cutoff", "2025-01-01").returncode == 0
    assert cli("--db", str(db), "models", "add", "replayed", "--hf-id", "elsewhere", "--cutoff", "2025-06-01").returncode == 0
    return db


def fresh(store: Path, tmp_path: Path) -> Path:
    db = tmp_path / "copy.db"
    shutil.copy(store, db)
    return db


def test_reference_model_scores_everything(store: Path, tmp_path: Path):
    db = fresh(store, tmp_path)
    out = cli("--db", str(db), "run", "--model", "oracle", "--backend", "reference", "--platform", "sample", "--rollouts", "2", "--json")
    assert out.returncode == 0, out.stderr
    run_id = json.loads(out.stdout)["run"]
    report = json.loads(cli("--db", str(db), "report", str(run_id), "--json").stdout)
    text = json.dumps(report)
    assert report["attempts"]["successes"] == 6 and report["attempts"]["n"] == 6, text
    assert report["ie"] == 0 and report["headline_valid"] is True
    board = json.loads(cli("--db", str(db), "leaderboard", "--json").stdout)
    oracle = next(r for r in board["rows"] if r["model"] == "oracle")
    assert (oracle["total_clean"]["successes"], oracle["total_clean"]["n"]) == (6, 6)
    assert [c["flag"] for c in oracle["cells"]] == ["clean"] and oracle["cells"][0]["rank"] == 1
    html = tmp_path / "r.html"
    assert cli("--db", str(db), "report", str(run_id), "--html", str(html)).returncode == 0
    assert "data:image/png;base64," in html.read_text()


def _completion(code: str, lang: str = "python") -> str:
    return f"<think>Maybe ```python\nprint('draft')\n``` first.</think>\n### Approach\nUse a loop.\n```{lang}\n{code}\n```\n"


def test_replayed_outputs_get_the_expected_verdicts(store: Path, tmp_path: Path):
    db = fresh(store, tmp_path)
    odd_ref = (SAMPLE / "odd-square-sum" / "ref.py").read_text()
    odd_wrong = (SAMPLE / "odd-square-sum" / "wrong" / "even.py").read_text()
    run_ref = (SAMPLE / "longest-equal-run" / "ref.py").read_text()
    lines = [
        {"problem": "odd-square-sum", "rollout": 0, "text": _completion(odd_ref)},                      # AC
        {"problem": "odd-square-sum", "rollout": 1, "text": _completion(odd_wrong)},                    # WA
        {"problem": "longest-equal-run", "rollout": 0, "text": _completion("class Solution:\n    def longestEqualRun(self, s, k):\n        while True: pass")},  # TLE
        {"problem": "longest-equal-run", "rollout": 1, "text": "I think the answer is to use a sliding window."},  # no_code_block
        {"problem": "score-board", "rollout": 0, "text": _completion("class ScoreBoard:\n    def __init__(self)\n", "python")},  # CE
        {"problem": "score-board", "rollout": 1, "text": _completion(run_ref, "cpp")},                 # wrong_language
    ]
    replay = tmp_path / "replay.jsonl"
    replay.write_text("\n".join(json.dumps(l) for l in lines) + "\n")
    out = cli("--db", str(db), "run", "--model", "replayed", "--backend", "replay", "--replay-file", str(replay),
              "--platform", "sample", "--rollouts", "2", "--json")
    assert out.returncode == 0, out.stderr
    run_id = json.loads(out.stdout)["run"]
    con = sqlite3.connect(db)
    got = dict(((p, r), v or reason) for p, r, v, reason in con.execute(
        "select p.slug, g.rollout, s.verdict, g.extract_reason from generations g join problems p on p.id = g.problem_id "
        "left join submissions s on s.generation_id = g.id where g.run_id = ?", (run_id,)))
    assert got == {("odd-square-sum", 0): "AC", ("odd-square-sum", 1): "WA", ("longest-equal-run", 0): "TLE",
                   ("longest-equal-run", 1): "no_code_block", ("score-board", 0): "CE", ("score-board", 1): "wrong_language"}
    report = json.loads(cli("--db", str(db), "report", str(run_id), "--json").stdout)
    assert report["attempts"]["successes"] == 1 and report["attempts"]["n"] == 6


def test_kill_minus_nine_then_resume_loses_and_duplicates_nothing(store: Path, tmp_path: Path):
    db = fresh(store, tmp_path)
    args = [EXE, "--db", str(db), "run", "--model", "oracle", "--backend", "reference", "--platform", "sample", "--rollouts", "4", "--json"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 300
    judged = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            judged = sqlite3.connect(db).execute("select count(*) from submissions").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if judged >= 2:
            break
    assert proc.poll() is None and judged >= 2, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    before = dict(con.execute("select generation_id, judged_at from submissions"))
    gens_before = con.execute("select count(*) from generations").fetchone()[0]
    con.close()
    assert gens_before == 12 and 2 <= len(before) < 12
    again = cli(*args[1:])
    assert again.returncode == 0, again.stderr
    counts = json.loads(again.stdout)
    assert counts["generated"] == 0 and counts["judged"] == 12 - len(before)
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from generations").fetchone()[0] == 12
    assert con.execute("select count(*), count(distinct generation_id) from submissions").fetchone() == (12, 12)
    after = dict(con.execute("select generation_id, judged_at from submissions"))
    assert all(after[g] == t for g, t in before.items())  # nothing judged twice
    assert {v for (v,) in con.execute("select verdict from submissions")} == {"AC"}
    assert con.execute("select count(*) from runs").fetchone()[0] == 1
