"""Judging on a Ray cluster, for real.

A head and one more node run as separate ``ray start`` processes on this
machine (tests/raycluster.py), each offering one judge slot.  The same 30
submissions (AC/WA/TLE/RE/CE over python3 and cpp) judged by the local judge
and through Ray must get identical verdicts; then a node is killed while it is
judging and every submission must still get exactly one verdict, none of them
an infrastructure error.  Ray is part of the test extra: where it is missing
this fails in CI (CONTEST_EVAL_REQUIRE_DOCKER=1) and skips elsewhere.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, ROOT, load_problem
from test_cli import cli, one_line_error

CASES = ("ac", "wa", "re", "ce")
SUBMISSIONS = sorted(
    [FIXTURES / "solutions" / lang / f"{problem}.{case}.{ext}" for lang, ext in (("python3", "py"), ("cpp", "cpp"))
     for problem in ("stdin_aplusb", "fn_twosum", "design_echo") for case in CASES]
    + [FIXTURES / "solutions" / lang / f"{name}.{ext}" for lang, ext in (("python3", "py"), ("cpp", "cpp"))
       for name in ("fn_twosum.tle", "fn_inplace.ac", "fn_tree.ac")])


def _need_ray() -> Any:
    try:
        import ray
    except ImportError:
        if os.environ.get("CONTEST_EVAL_REQUIRE_DOCKER") == "1":
            pytest.fail("ray is not importable but CONTEST_EVAL_REQUIRE_DOCKER=1 (pip install -e '.[test]')")
        pytest.skip("ray is not installed (pip install -e '.[ray]')")
    return ray


def _judge_all(judge: Any, paths: list[Path], workers: int) -> dict[str, Any]:
    def one(path: Path) -> tuple[str, Any]:
        return f"{path.parent.name}/{path.name}", judge.judge(load_problem(path.name.split(".")[0]), path.parent.name,
                                                              path.read_text(encoding="utf-8"))

    with ThreadPoolExecutor(workers) as pool:
        pairs = list(pool.map(one, paths))
    assert len({k for k, _ in pairs}) == len(pairs) == len(paths), "one result per submission"
    return dict(pairs)


def _verdicts(results: dict[str, Any]) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {k: (r.verdict.value, tuple(t.verdict.value for t in r.tests)) for k, r in results.items()}


def test_spec_and_result_cross_as_plain_json() -> None:
    from contest_eval.judge.remote import result_from_json, spec_from_json, spec_to_json
    from contest_eval.judge.verdict import JudgeResult, TestResult, Verdict

    for name in ("stdin_aplusb", "fn_twosum", "design_echo", "fn_tree"):
        spec = load_problem(name)
        assert spec_from_json(json.loads(json.dumps(spec_to_json(spec)))) == spec
    result = JudgeResult(Verdict.WA, "cpp", [TestResult(0, Verdict.AC, 5, 9, 1024, 0, None, "", "42\n"),
                                             TestResult(1, Verdict.WA, 7, 8, 2048, None, 9, "expected 1, got 2")],
                         "warning: x", "img@sha256:1", "msg", 2, 1, [7, 12])
    back = result_from_json(json.loads(json.dumps(result.to_json())))
    assert back == result and back.to_json() == result.to_json()


def test_executor_options_keep_ray_unloaded_and_fail_in_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    probe = ("import sys\nfrom typer.testing import CliRunner\nfrom contest_eval.cli.app import app\n"
             "for cmd in (['run'], ['suite', 'build'], ['suite', 'validate']):\n"
             "    out = CliRunner().invoke(app, [*cmd, '--help'], env={'COLUMNS': '200'})\n"
             "    assert out.exit_code == 0 and '--executor' in out.output and '--ray-address' in out.output, out.output\n"
             "assert 'ray' not in sys.modules, 'ray imported by --help'\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    db = str(tmp_path / "s.db")
    sample = str(ROOT / "suites" / "sample-contest")
    one_line_error(cli("--db", db, "suite", "validate", sample, "--executor", "ray", "--ray-address", "127.0.0.1:9"),
                   "cannot connect to the Ray cluster at 127.0.0.1:9")
    one_line_error(cli("--db", db, "suite", "build", sample, "--ray-address", "127.0.0.1:9"),
                   "--ray-address needs --executor ray")


@pytest.mark.docker
def test_ray_cluster_judges_like_local_and_survives_a_lost_node(judge, caplog, tmp_path: Path) -> None:
    ray = _need_ray()
    from raycluster import RayCluster

    from contest_eval.judge.remote import RayJudge, RayJudgeError

    assert len(SUBMISSIONS) >= 30 and all(p.is_file() for p in SUBMISSIONS)
    local = _verdicts(_judge_all(judge, SUBMISSIONS, 2))
    assert {v for v, _ in local.values()} >= {"AC", "WA", "TLE", "RE", "CE"}, local
    cluster = RayCluster(slots=[1, 1], extra_head_resources={"ce_test_head_only": 1}).start()
    try:
        # No node offers the resource: one line naming both nodes.
        with pytest.raises(RayJudgeError, match="no alive Ray node offers the 'ce_test_nowhere'") as err:
            RayJudge(cluster.address, resource="ce_test_nowhere")
        assert "\n" not in str(err.value) and str(err.value).count("(") >= 3, str(err.value)
        # Some nodes lack it: judging goes on, the others are named.
        with caplog.at_level(logging.WARNING, logger="contest_eval.judge.remote"):
            partial = RayJudge(cluster.address, resource="ce_test_head_only", probe=False)
        assert partial.slots == 1 and len(partial.without) == 1 and partial.without[0] in caplog.text

        remote = RayJudge(cluster.address)
        assert remote.slots == 2 and remote.without == [] and {"python3", "cpp"} <= (remote.languages or set())
        through_ray = _verdicts(_judge_all(remote, SUBMISSIONS, remote.slots))
        assert through_ray == local

        # The commands, unchanged but for the executor: the suite built and a run judged on the
        # cluster, every verdict written by this process alone.
        db, ray_opts = str(tmp_path / "ray.db"), ["--executor", "ray", "--ray-address", cluster.address]
        built = cli("--db", db, "suite", "build", str(ROOT / "suites" / "sample-contest"), *ray_opts)
        assert built.returncode == 0, built.stderr
        assert cli("--db", db, "models", "add", "oracle", "--hf-id", "reference", "--cutoff", "2025-01-01").returncode == 0
        ran = cli("--db", db, "run", "--model", "oracle", "--backend", "reference", "--platform", "sample", "--json",
                  *ray_opts)
        assert ran.returncode == 0, ran.stderr
        report = cli("--db", db, "report", str(json.loads(ran.stdout)["run"]), "--json")
        attempts = json.loads(report.stdout)["attempts"]
        assert (attempts["successes"], attempts["n"]) == (3, 3), report.stdout

        # Slow submissions first, so the second node is surely judging one when it dies.
        subset = sorted(SUBMISSIONS, key=lambda p: ".tle." not in p.name)[:12]
        killed: dict[str, Any] = {}

        def kill_second_node_mid_task() -> None:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                busy = cluster.busy_workers(1)
                if busy:
                    killed["busy"], killed["pids"] = busy, cluster.kill_node(1)
                    return
                time.sleep(0.05)

        killer = threading.Thread(target=kill_second_node_mid_task)
        killer.start()
        try:
            after = _judge_all(remote, subset, 2)
        finally:
            killer.join()
        assert killed.get("busy"), "the second node never ran a judge task, so nothing was killed mid-task"
        assert killed["busy"] <= killed["pids"]
        assert not any(n["Alive"] for n in ray.nodes() if n["NodeManagerPort"] == cluster.node_ports[1]) or \
            not cluster.node_pids(1), "the second node is gone"
        assert all(r.verdict.value != "IE" for r in after.values()), {k: r.message for k, r in after.items()}
        assert _verdicts(after) == {k: local[k] for k in after}
    finally:
        ray.shutdown()
        cluster.stop()
