"""Stored backend settings: the ModelSettings record, and ``models add`` / ``models show``
through the real console script on a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from contest_eval.generate.settings import ModelSettings, SettingsError, merge_settings, parse_engine_args
from test_cli import cli, one_line_error

KEY = "sk-proj-not-a-real-key-0123456789abcdef"


# --------------------------------------------------------------------------- the record

def test_json_round_trip_stores_only_what_is_set() -> None:
    assert ModelSettings().to_json() == {} and ModelSettings.from_json(None) == ModelSettings()
    full = ModelSettings(backend="vllm", endpoint="http://gpu-1:8000/v1", engine_args={"tensor_parallel_size": 2},
                         sampling={"temperature": 0.6, "min_p": 0.05}, rollouts=16, languages=["python3", "cpp"],
                         api_key_env="LAB_KEY", concurrency=32)
    data = full.to_json()
    assert data == {"backend": "vllm", "endpoint": "http://gpu-1:8000/v1", "engine_args": {"tensor_parallel_size": 2},
                    "sampling": {"temperature": 0.6, "min_p": 0.05}, "rollouts": 16, "languages": ["python3", "cpp"],
                    "api_key_env": "LAB_KEY", "concurrency": 32}
    assert ModelSettings.from_json(json.loads(json.dumps(data))) == full
    assert full.core_sampling() == {"temperature": 0.6} and full.extra_sampling() == {"min_p": 0.05}


def test_merge_override_wins_field_by_field_and_key_by_key() -> None:
    stored = ModelSettings(backend="vllm", engine_args={"tensor_parallel_size": 4, "dtype": "bfloat16"},
                           sampling={"temperature": 0.6, "top_p": 0.95}, rollouts=16, languages=["python3"], concurrency=8)
    override = ModelSettings(engine_args={"tensor_parallel_size": 2}, sampling={"top_p": 1.0, "min_p": 0.1}, rollouts=4)
    merged = merge_settings(stored, override)
    assert merged == ModelSettings(backend="vllm", engine_args={"tensor_parallel_size": 2, "dtype": "bfloat16"},
                                   sampling={"temperature": 0.6, "top_p": 1.0, "min_p": 0.1}, rollouts=4,
                                   languages=["python3"], concurrency=8)
    assert merge_settings(stored, ModelSettings()) == stored
    assert stored.engine_args == {"tensor_parallel_size": 4, "dtype": "bfloat16"}  # inputs untouched
    assert merged.backend_options() == {"engine_args": {"tensor_parallel_size": 2, "dtype": "bfloat16"},
                                        "extra_sampling": {"min_p": 0.1}}
    assert merged.backend_options("openai") == {"concurrency": 8, "extra_sampling": {"min_p": 0.1}}
    assert merged.backend_options("replay") == {}


@pytest.mark.parametrize("data,message", [
    ({"backend": "tgi"}, "unknown backend 'tgi'"),
    ({"api_key_env": KEY}, "NAME of an environment variable"),
    ({"api_key_env": "lowercase_name"}, "NAME of an environment variable"),
    ({"endpoint": "ftp://host/v1"}, "http(s) URL"),
    ({"endpoint": "http://user:pw@host/v1"}, "must not contain credentials"),
    ({"rollouts": 0}, "rollouts must be an integer >= 1"),
    ({"concurrency": True}, "concurrency must be an integer >= 1"),
    ({"sampling": {"top_p": 0}}, "top_p must be a number in (0, 1]"),
    ({"sampling": {"max_tokens": "lots"}}, "max_tokens must be an integer"),
    ({"engine_args": {"tensor_parallel_size": 1.5}}, "tensor_parallel_size must be an integer"),
    ({"languages": "python3"}, "languages must be a list"),
    ({"surprise": 1}, "unknown model setting(s): surprise"),
])
def test_malformed_settings_are_one_line_errors_without_the_value_of_a_key(data: dict, message: str) -> None:
    with pytest.raises(SettingsError) as info:
        ModelSettings.from_json(data)
    assert message in str(info.value) and "\n" not in str(info.value) and KEY not in str(info.value)


def test_parse_engine_args_reads_json_literals() -> None:
    assert parse_engine_args(["max-model-len=32768", "gpu_memory_utilization=0.85", "enforce_eager=false",
                              "dtype=bfloat16", "quantization=null"]) == {
        "max_model_len": 32768, "gpu_memory_utilization": 0.85, "enforce_eager": False, "dtype": "bfloat16",
        "quantization": None}
    with pytest.raises(ValueError, match="expected key=value"):
        parse_engine_args(["tensor_parallel_size"])
    with pytest.raises(ValueError, match="given twice"):
        parse_engine_args(["a=1", "a=2"])


# --------------------------------------------------------------------------- the CLI

def _add(db: Path, *extra: str) -> object:
    return cli("--db", str(db), "models", "add", "lab-7b", "--hf-id", "Lab/Model-7B", "--cutoff", "2025-03-01", *extra)


def _stored(db: Path) -> dict:
    with sqlite3.connect(db) as con:
        return json.loads(con.execute("select settings from models where name = 'lab-7b'").fetchone()[0])


def test_models_add_stores_settings_and_show_prints_them(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    out = _add(db, "--backend", "vllm", "--engine-arg", "tensor_parallel_size=2", "--engine-arg", "max_model_len=32768",
               "--engine-arg", "dtype=bfloat16", "--temperature", "0.6", "--top-p", "0.95", "--top-k", "20",
               "--max-tokens", "30000", "--sampling-arg", "min_p=0.05", "--rollouts", "16", "--lang", "python3",
               "--lang", "cpp", "--api-key-env", "LAB_KEY", "--concurrency", "64")
    assert out.returncode == 0, out.stderr
    expected = {"backend": "vllm", "engine_args": {"tensor_parallel_size": 2, "max_model_len": 32768, "dtype": "bfloat16"},
                "sampling": {"min_p": 0.05, "temperature": 0.6, "top_p": 0.95, "top_k": 20, "max_tokens": 30000},
                "rollouts": 16, "languages": ["python3", "cpp"], "api_key_env": "LAB_KEY", "concurrency": 64}
    assert _stored(db) == expected
    shown = cli("--db", str(db), "models", "show", "lab-7b", "--json", env={"LAB_KEY": KEY})
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["settings"] == expected and data["hf_id"] == "Lab/Model-7B" and data["boundary"] == "2025-03-01"
    assert data["api_key"] == {"env": "LAB_KEY", "set": True}
    assert KEY not in shown.stdout + shown.stderr
    unset = json.loads(cli("--db", str(db), "models", "show", "lab-7b", "--json", env={"LAB_KEY": ""}).stdout)
    assert unset["api_key"] == {"env": "LAB_KEY", "set": False}
    table = cli("--db", str(db), "models", "show", "lab-7b", env={"LAB_KEY": KEY, "COLUMNS": "200"})
    assert table.returncode == 0 and "engine_args.tensor_parallel_size" in table.stdout and "from $LAB_KEY (set" in table.stdout
    assert KEY not in table.stdout
    listed = json.loads(cli("--db", str(db), "models", "list", "--json").stdout)
    assert [m["name"] for m in listed] == ["lab-7b"]


def test_models_add_again_updates_and_merges(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert _add(db, "--backend", "vllm", "--engine-arg", "tensor_parallel_size=4", "--rollouts", "8",
                "--endpoint", "http://gpu-1:8000/v1").returncode == 0
    assert _stored(db)["endpoint"] == "http://gpu-1:8000/v1"
    # Re-added without --endpoint: the endpoint goes, as the column's does; the rest merges.
    assert _add(db, "--engine-arg", "tensor_parallel_size=2", "--engine-arg", "dtype=half").returncode == 0
    assert _stored(db) == {"backend": "vllm", "engine_args": {"tensor_parallel_size": 2, "dtype": "half"}, "rollouts": 8}
    assert _add(db, "--clear-settings", "--rollouts", "2").returncode == 0
    assert _stored(db) == {"rollouts": 2}


@pytest.mark.parametrize("args,needle", [
    (("--api-key-env", KEY), "NAME of an environment variable"),
    (("--engine-arg", "tensor_parallel_size"), "expected key=value"),
    (("--engine-arg", "tensor_parallel_size=two"), "tensor_parallel_size must be an integer >= 1"),
    (("--engine-arg", "trust_remote_code=true"), "trust_remote_code is not allowed"),
    (("--backend", "tgi"), "unknown backend 'tgi'"),
    (("--lang", "cobol"), "unknown language 'cobol'"),
    (("--top-p", "1.5"), "top_p must be a number in (0, 1]"),
    (("--concurrency", "0"), "concurrency must be an integer >= 1"),
])
def test_bad_settings_are_refused_and_nothing_stored_is_lost(tmp_path: Path, args: tuple[str, ...], needle: str) -> None:
    db = tmp_path / "store.db"
    assert _add(db, "--backend", "openai", "--api-key-env", "LAB_KEY").returncode == 0
    before = _stored(db)
    refused = _add(db, *args)
    one_line_error(refused, needle)
    assert KEY not in refused.stdout + refused.stderr
    assert _stored(db) == before
    with sqlite3.connect(db) as con:
        assert con.execute("select hf_id from models").fetchall() == [("Lab/Model-7B",)]
    assert KEY.encode() not in db.read_bytes()


def test_show_unknown_model_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert _add(db).returncode == 0
    one_line_error(cli("--db", str(db), "models", "show", "nope"), "no model named 'nope'")
