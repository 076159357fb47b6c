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
    # A usage error (exit 2) from the option's choices, before the store is touched.
    assert out.returncode == 2 and "Invalid value for '--backend'" in out.stderr and "Traceback" not in out.stderr
    assert "'foo' is not one of" in " ".join(out.stderr.replace("│", " ").split())
    assert _runs(db) == 0


def test_choices_are_listed_in_help_and_refused_as_usage_errors(tmp_path: Path) -> None:
    text = " ".join(cli("run", "--help", env={"COLUMNS": "300"}).stdout.split())
    assert "vllm|openai|llamacpp|replay|reference" in text and "leetcode|codeforces|atcoder|sample" in text
    assert "vibethinker-leetcode" in text
    assert "month|week" in cli("leaderboard", "--help", env={"COLUMNS": "300"}).stdout
    db = _store(tmp_path)
    for args in (["run", "--model", "m", "--preset", "nope"], ["run", "--model", "m", "--platform", "mars"],
                 ["leaderboard", "--by", "fortnight"]):
        out = cli("--db", str(db), *args)
        assert out.returncode == 2 and "Invalid value" in out.stderr, (args, out.stderr)
    assert _runs(db) == 0


def test_llamacpp_never_substitutes_a_model(tmp_path: Path) -> None:
    db = tmp_path / "gguf.db"
    assert cli("--db", str(db), "models", "add", "qwen", "--hf-id", "Qwen/Qwen2.5-0.5B-Instruct", "--cutoff", "2024-09-01").returncode == 0
    out = cli("--db", str(db), "run", "--model", "qwen", "--backend", "llamacpp")
    lines = [l for l in out.stderr.splitlines() if l.strip()]
    assert out.returncode == 2 and len(lines) == 1, out.stderr
    assert ".gguf path" in lines[0] and "Qwen/Qwen2.5-0.5B-Instruct" in lines[0] and "HuggingFaceTB/SmolLM2-135M-Instruct" in lines[0]
    assert cli("--db", str(db), "models", "add", "qwen", "--hf-id", str(tmp_path / "absent.gguf"), "--cutoff", "2024-09-01").returncode == 0
    out = cli("--db", str(db), "run", "--model", "qwen", "--backend", "llamacpp")
    assert out.returncode == 2 and "GGUF model not found" in out.stderr and "Traceback" not in out.stderr
    assert _runs(db) == 0


def test_greedy_decoding_with_several_rollouts_is_refused(tmp_path: Path) -> None:
    db = _store(tmp_path)
    out = cli("--db", str(db), "run", "--model", "m", "--backend", "llamacpp", "--temperature", "0", "--rollouts", "4")
    assert out.returncode != 0 and "identical attempts" in out.stderr
    assert _runs(db) == 0


def test_error_text_is_never_read_as_markup(tmp_path: Path) -> None:
    out = cli("--db", str(tmp_path / "x.db"), "run", "--model", "m[/tmp/x]", "--backend", "reference", "--platform", "sample")
    assert out.returncode != 0 and "m[/tmp/x]" in out.stderr and "MarkupError" not in out.stderr
    out = cli("--db", str(tmp_path / "x.db"), "run", "--model", "m", "--backend", "bad[/tmp/x]")
    assert out.returncode == 2 and "bad[/tmp/x]" in out.stderr and "MarkupError" not in out.stderr


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


def test_backend_choices_match_the_registry() -> None:
    from contest_eval.cli.run import BackendName
    from contest_eval.generate.backend import backend_names

    assert {b.value for b in BackendName} == {*backend_names(), "reference"}


def test_flags_that_the_backend_would_ignore_are_refused(tmp_path: Path) -> None:
    db = _store(tmp_path)
    out = cli("--db", str(db), "run", "--model", "m", "--backend", "llamacpp", "--engine-arg", "dtype=bfloat16")
    assert out.returncode == 2 and "--engine-arg applies to --backend vllm" in out.stderr
    out = cli("--db", str(db), "run", "--model", "m", "--backend", "reference", "--concurrency", "4")
    assert out.returncode == 2 and "--concurrency applies to --backend openai" in out.stderr
    out = cli("--db", str(db), "run", "--model", "m", "--backend", "vllm", "--engine-arg", "no-equals-sign")
    assert out.returncode == 2 and "--engine-arg: expected key=value" in out.stderr and "Traceback" not in out.stderr
    assert _runs(db) == 0


def test_stored_settings_meet_flags_in_one_plan_and_what_matters_is_fingerprinted() -> None:
    """Flag > stored > default, field by field; engine arguments that change the
    outputs and extra sampling parameters enter the identity, speed-only ones do not."""
    from contest_eval.db.models import Model
    from contest_eval.run.pipeline import RunPlan
    from contest_eval.run.plan import Overrides, backend_options, effective_settings, identity_of, sampling_of

    def planned(settings: dict, ov: Overrides) -> tuple[str, object, dict, dict, str]:
        model = Model(name="m", hf_id="org/m", settings=settings)
        backend, st = effective_settings(model, ov)
        opts = backend_options(backend, st, None)
        ident = identity_of(backend, model, st, opts, None)
        plan = RunPlan(model, backend, opts, (st.languages or ["python3"])[0], st.rollouts or 1, sampling_of(st), [], None, {}, ident)
        return backend, st, opts, ident, plan.fingerprint()

    stored = {"backend": "vllm", "engine_args": {"dtype": "bfloat16", "tensor_parallel_size": 2},
              "sampling": {"temperature": 0.6, "min_p": 0.05}, "rollouts": 4, "languages": ["cpp"]}
    backend, st, opts, ident, fp = planned(stored, Overrides(top_p=0.9))
    assert backend == "vllm" and st.rollouts == 4 and st.languages == ["cpp"]
    assert st.core_sampling() == {"temperature": 0.6, "top_p": 0.9, "top_k": -1, "max_tokens": None, "seed": 0}
    assert opts == {"engine_args": {"dtype": "bfloat16", "tensor_parallel_size": 2}, "extra_sampling": {"min_p": 0.05}}
    assert ident["engine_args"] == {"dtype": "bfloat16"} and ident["extra_sampling"] == {"min_p": 0.05}
    # A flag wins over the stored value, key by key.
    _, st2, opts2, _, _ = planned(stored, Overrides(temperature=1.0, engine_args={"dtype": "float16"}, language="python3"))
    assert st2.sampling["temperature"] == 1.0 and opts2["engine_args"] == {"dtype": "float16", "tensor_parallel_size": 2}
    assert st2.languages == ["python3"]
    # Fingerprint: a stored dtype or extra sampling parameter makes another run; parallelism does not.
    assert planned({**stored, "engine_args": {"dtype": "float16", "tensor_parallel_size": 2}}, Overrides(top_p=0.9))[4] != fp
    assert planned({**stored, "sampling": {"temperature": 0.6, "min_p": 0.1}}, Overrides(top_p=0.9))[4] != fp
    assert planned({**stored, "engine_args": {"dtype": "bfloat16", "tensor_parallel_size": 8}}, Overrides(top_p=0.9))[4] == fp
    # Nothing stored: the defaults, and no identity keys beyond the model's (old runs keep their fingerprint).
    backend, st, opts, ident, _ = planned({}, Overrides(backend="openai"))
    assert backend == "openai" and opts == {} and set(ident) == {"hf_id", "endpoint"}
    assert sampling_of(st).to_dict() == {"temperature": 1.0, "top_p": 0.95, "top_k": -1, "max_tokens": None, "seed": 0}
