"""The main job end to end on the shipped sample contest: the real CLI, the
real Docker judge and a real SQLite file.  The reference pseudo-model must
score 100%; replayed real-looking outputs get exactly the expected verdicts;
a run killed with SIGKILL resumes with nothing lost or duplicated."""

from __future__ import annotations

import hashlib
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
WIDE = {"COLUMNS": "300"}  # Rich wraps table cells to the terminal width


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
    # The reference solutions are a sanity row of the pipeline, never ranked among models.
    assert oracle["sanity"] is True and oracle["runs"] == [run_id]
    assert [c["flag"] for c in oracle["cells"]] == ["sanity check"] and oracle["cells"][0]["rank"] is None
    assert oracle["protocol"].startswith("python3, T=1.0 top_p=0.95 top_k=-1 max_tokens=none, 2 rollouts, prompt ")
    text = cli("--db", str(db), "leaderboard", env=WIDE).stdout
    assert "oracle (sanity check, not ranked)" in text and "#1" not in text
    only = json.loads(cli("--db", str(db), "leaderboard", "--model", "oracle", "--lang", "python3", "--json").stdout)
    assert [r["model"] for r in only["rows"]] == ["oracle"]
    for flt in (["--model", "replayed"], ["--lang", "cpp"]):
        none = cli("--db", str(db), "leaderboard", *flt)
        assert none.returncode == 2 and "no finished runs match" in none.stderr
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


def _sql(db: Path, query: str, *args: object) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        rows = con.execute(query, args).fetchall()
        con.commit()
        return rows
    finally:
        con.close()


def test_interrupted_run_is_never_called_valid(store: Path, tmp_path: Path):
    # A real partial run: score-board has no python3 reference, so the reference
    # backend stops there with a GenerationError after the other problems' rollouts.
    db = fresh(store, tmp_path)
    _sql(db, "delete from reference_solutions where language = 'python3' and problem_id = "
             "(select id from problems where slug = 'score-board')")
    out = cli("--db", str(db), "run", "--model", "oracle", "--backend", "reference", "--platform", "sample", "--rollouts", "2")
    assert out.returncode != 0 and "generation failed" in out.stderr and "no reference solution for score-board" in out.stderr
    ((run_id, status),) = _sql(db, "select id, status from runs")
    generated = _sql(db, "select count(*) from generations")[0][0]
    assert status == "interrupted" and generated == 4

    report = json.loads(cli("--db", str(db), "report", str(run_id), "--json").stdout)
    assert report["run"]["status"] == "interrupted" and report["status"] == "interrupted"
    assert report["missing"] == 2 and report["planned_attempts"] == 6 and report["by_verdict"]["missing"] == 2
    assert report["attempts"]["successes"] == 4 and report["attempts"]["n"] == 4
    assert report["headline_valid"] is False and "2 of 6 planned attempt(s) never generated" in report["validity_note"]
    assert "valid: no infrastructure errors" not in json.dumps(report)

    text = cli("--db", str(db), "report", str(run_id), "--per-problem", env=WIDE).stdout
    assert "interrupted; 2 of 6 planned attempt(s) (problems × rollouts) never generated" in text
    assert "headline NOT valid" in text and "valid: no infrastructure errors" not in text

    html = tmp_path / "partial.html"
    assert cli("--db", str(db), "report", str(run_id), "--html", str(html)).returncode == 0
    page = html.read_text()
    assert "run status" in page and "interrupted; 2 of 6 planned attempt(s)" in page and "headline NOT valid" in page

    # The leaderboard leaves the unfinished run out, and says so.
    board = cli("--db", str(db), "leaderboard", "--json")
    assert board.returncode != 0 and f"1 unfinished run(s) left out: {run_id}" in board.stderr


def test_reregistered_model_is_a_new_run_and_legacy_runs_resume(store: Path, tmp_path: Path):
    db = fresh(store, tmp_path)
    replay = tmp_path / "talk.jsonl"  # answers without code: nothing to judge, so the test stays fast
    replay.write_text("".join(json.dumps({"problem": p, "rollout": r, "text": "no idea"}) + "\n"
                              for p in ("odd-square-sum", "longest-equal-run", "score-board") for r in range(2)))
    args = ("--db", str(db), "run", "--model", "replayed", "--backend", "replay", "--replay-file", str(replay),
            "--platform", "sample", "--rollouts", "2", "--json")
    first = json.loads(cli(*args).stdout)
    assert first["generated"] == 6
    again = json.loads(cli(*args).stdout)
    assert again["run"] == first["run"] and again["generated"] == 0  # same model, same command: a resume
    assert cli("--db", str(db), "models", "add", "replayed", "--hf-id", "another/model", "--cutoff", "2025-06-01").returncode == 0
    second = json.loads(cli(*args).stdout)
    assert second["run"] != first["run"] and second["generated"] == 6  # a new run, not a resume of the old model's
    identity = json.loads(_sql(db, "select params from runs where id = ?", second["run"])[0][0])["identity"]
    assert identity["hf_id"] == "another/model" and len(identity["replay_sha256"]) == 64

    # A run stored before the identity was fingerprinted (old fingerprint, no identity) still resumes.
    params = json.loads(_sql(db, "select params from runs where id = ?", second["run"])[0][0])
    legacy = hashlib.sha256(json.dumps(
        {"model": "replayed", "revision": None, "backend": "replay", "language": "python3", "rollouts": 2,
         "sampling": params["sampling"], "problems": sorted(params["problems"]), "template": params["template_hash"]},
        sort_keys=True).encode()).hexdigest()
    _sql(db, "update runs set fingerprint = ?, params = json_remove(params, '$.identity') where id = ?", legacy, second["run"])
    resumed = json.loads(cli(*args).stdout)
    assert resumed["run"] == second["run"] and resumed["generated"] == 0
    params = json.loads(_sql(db, "select params from runs where id = ?", second["run"])[0][0])
    assert params["identity"]["hf_id"] == "another/model"
    assert _sql(db, "select count(*) from runs")[0][0] == 2


def test_a_judge_exception_is_that_submissions_IE_not_the_end_of_the_run(store: Path, tmp_path: Path):
    # A stored suite whose comparison policy the judge cannot parse: judging
    # score-board raises, the other problems are judged as usual.
    db = fresh(store, tmp_path)
    _sql(db, "update test_suites set compare = 'no-such-policy' where problem_id = (select id from problems where slug = 'score-board')")
    args = ("--db", str(db), "run", "--model", "oracle", "--backend", "reference", "--platform", "sample", "--rollouts", "1", "--json")
    out = cli(*args)
    assert out.returncode == 0, out.stderr
    assert "judge failed on generation" in out.stderr and "Traceback" in out.stderr and "no-such-policy" in out.stderr
    got = dict(_sql(db, "select p.slug, s.verdict from submissions s join generations g on g.id = s.generation_id "
                        "join problems p on p.id = g.problem_id"))
    assert got == {"odd-square-sum": "AC", "longest-equal-run": "AC", "score-board": "IE"}
    message = _sql(db, "select message from submissions where verdict = 'IE'")[0][0]
    assert "no-such-policy" in message
    report = json.loads(cli("--db", str(db), "report", str(json.loads(out.stdout)["run"]), "--json").stdout)
    assert report["ie"] == 1 and report["headline_valid"] is False
    # Once the suite is repaired, resuming re-judges that IE.
    _sql(db, "update test_suites set compare = 'exact' where compare = 'no-such-policy'")
    again = json.loads(cli(*args).stdout)
    assert again["judged"] == 1 and {v for (v,) in _sql(db, "select verdict from submissions")} == {"AC"}


def test_llamacpp_runs_the_named_model_file_and_records_it(store: Path, tmp_path: Path):
    # The embedded GGUF is chosen by naming its model; the run records the file and its sha256.
    db = fresh(store, tmp_path)
    assert cli("--db", str(db), "models", "add", "smol", "--hf-id", "HuggingFaceTB/SmolLM2-135M-Instruct",
               "--cutoff", "2024-10-31").returncode == 0
    args = ("--db", str(db), "run", "--model", "smol", "--backend", "llamacpp", "--platform", "sample", "--rollouts", "1",
            "--max-tokens", "8", "--json")
    out = cli(*args)
    assert out.returncode == 0, out.stderr[-2000:]
    first = json.loads(out.stdout)["run"]
    params = json.loads(_sql(db, "select params from runs where id = ?", first)[0][0])
    identity, engine = params["identity"], params["engine"]
    assert identity["hf_id"] == "HuggingFaceTB/SmolLM2-135M-Instruct"
    assert identity["model_file"].endswith("SmolLM2-135M-Instruct.Q4_1.gguf") and identity["model_file"] == engine["model_file"]
    assert len(identity["model_sha256"]) == 64 and identity["model_sha256"] == engine["model_sha256"]
    # Naming the file by its path is another registration: a new run, recording the same file.
    assert cli("--db", str(db), "models", "add", "smol", "--hf-id", identity["model_file"], "--cutoff", "2024-10-31").returncode == 0
    out = cli(*args)
    assert out.returncode == 0, out.stderr[-2000:]
    second = json.loads(out.stdout)
    assert second["run"] != first and second["generated"] == 3
    again = json.loads(_sql(db, "select params from runs where id = ?", second["run"])[0][0])["identity"]
    assert again["model_sha256"] == identity["model_sha256"] and again["hf_id"] == identity["model_file"]


def test_run_uses_the_settings_stored_with_the_model(store: Path, tmp_path: Path):
    db = fresh(store, tmp_path)
    replay = tmp_path / "stored.jsonl"  # answers without code: nothing to judge, so the test stays fast
    replay.write_text("".join(json.dumps({"problem": p, "rollout": r, "text": "no idea"}) + "\n"
                              for p in ("odd-square-sum", "longest-equal-run", "score-board") for r in range(3)))
    assert cli("--db", str(db), "models", "add", "stored", "--hf-id", "elsewhere", "--cutoff", "2025-06-01", "--backend", "replay",
               "--engine-arg", f"replay_file={replay}", "--rollouts", "3", "--temperature", "0.7").returncode == 0
    out = cli("--db", str(db), "run", "--model", "stored", "--platform", "sample", "--json")
    assert out.returncode == 0, out.stderr
    first = json.loads(out.stdout)
    assert first["rollouts"] == 3 and first["generated"] == 9
    backend, params = _sql(db, "select backend, params from runs where id = ?", first["run"])[0]
    params = json.loads(params)
    assert backend == "replay" and params["sampling"]["temperature"] == 0.7 and len(params["identity"]["replay_sha256"]) == 64
    # A flag overrides the stored value: another protocol, another run.
    out = cli("--db", str(db), "run", "--model", "stored", "--platform", "sample", "--rollouts", "1", "--json")
    assert out.returncode == 0, out.stderr
    second = json.loads(out.stdout)
    assert second["run"] != first["run"] and second["rollouts"] == 1 and second["generated"] == 3
