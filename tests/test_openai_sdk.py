"""The OpenAI-compatible backend on the ``openai`` SDK, against a real local HTTP server.

The server is the one of tests/test_backends.py (a ThreadingHTTPServer speaking
/v1/chat/completions). Here: extra sampling parameters travel as body fields
(the SDK's ``extra_body``), the key comes from the environment variable named
in the model's settings, concurrency is what the settings say, and the key
never reaches the store, the run's parameters, a log line or an error.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from contest_eval.generate.backend import GenerationError, Sampling, get_backend
from contest_eval.generate.settings import ModelSettings
from test_backends import SECRET, FakeOpenAI, req

ENV = "CE_SDK_TEST_KEY"


@pytest.fixture
def key_env(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(ENV, SECRET)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return ENV


def test_requests_go_through_the_sdk_with_extra_sampling_in_the_body(key_env: str) -> None:
    import openai

    settings = ModelSettings(backend="openai", api_key_env=key_env, concurrency=2,
                             sampling={"temperature": 0.6, "min_p": 0.05, "repetition_penalty": 1.1})
    with FakeOpenAI({}, SECRET, delay=0.1, rendezvous=2) as server:
        backend = get_backend("openai", base_url=server.url, model="served", sleep=lambda d: None,
                              **settings.backend_options())
        assert isinstance(backend._client, openai.OpenAI) and backend._client.max_retries == 0  # one retry policy: ours
        out = backend.generate([req(f"q{i}", seed=i) for i in range(4)], Sampling(temperature=0.6, top_k=20, max_tokens=32))
    assert len(out) == 4 and server.max_inflight == 2  # the stored concurrency
    body = next(r for r in server.records if r["messages"][-1]["content"] == "q1")
    assert body == {"model": "served", "messages": [{"role": "user", "content": "q1"}], "temperature": 0.6, "top_p": 1.0,
                    "stream": False, "max_tokens": 32, "seed": 1, "top_k": 20, "min_p": 0.05, "repetition_penalty": 1.1}
    assert backend.provenance() == {
        "base_url": server.url, "model": "served", "api_key_env": key_env, "concurrency": 2, "rollouts": "separate",
        "extra_body": {"min_p": 0.05, "repetition_penalty": 1.1}, "max_retries": 6, "timeout_s": 600.0,
        "connect_timeout_s": 10.0}


def test_a_named_variable_that_is_unset_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CE_NOT_SET_ANYWHERE", raising=False)
    with pytest.raises(GenerationError) as info:
        get_backend("openai", base_url="http://127.0.0.1:9/v1", model="m", api_key_env="CE_NOT_SET_ANYWHERE")
    assert str(info.value) == "environment variable CE_NOT_SET_ANYWHERE is not set: it must hold the API key for this server"
    with pytest.raises(GenerationError) as info:
        get_backend("openai", base_url="http://127.0.0.1:9/v1", model="m", api_key_env=SECRET)
    assert SECRET not in str(info.value) and "NAME of an environment variable" in str(info.value)


def test_without_any_key_a_keyless_server_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    # No variable named and OPENAI_API_KEY unset: a keyless local server still works.
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with FakeOpenAI({}, "EMPTY") as server:
        out = get_backend("openai", base_url=server.url, model="m").generate([req("a")], Sampling())
    assert out[0].text.startswith("```python")


def test_an_error_body_echoing_the_key_is_scrubbed(key_env: str) -> None:
    # A server that echoes the Authorization header in its 400 body.
    with FakeOpenAI({"a/None": [400]}, SECRET, delay=0.0) as server:
        backend = get_backend("openai", base_url=server.url, model="m", api_key_env=key_env, sleep=lambda d: None)
        original = server.server.RequestHandlerClass._send

        def echoing(self: Any, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            if status == 400:
                body = {"error": {"message": f"bad request; you sent {self.headers.get('Authorization')}"}}
            original(self, status, body, headers)

        server.server.RequestHandlerClass._send = echoing
        with pytest.raises(GenerationError) as info:
            backend.generate([req("a")], Sampling())
    assert "HTTP 400" in str(info.value) and "<redacted>" in str(info.value) and SECRET not in str(info.value)


@pytest.mark.docker
def test_the_key_reaches_neither_store_nor_params_nor_logs(key_env: str, judge, tmp_path: Path,
                                                           caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> None:
    """A run through the real pipeline (real judge, real SQLite file); then the file's bytes are searched."""
    import shutil

    from sqlalchemy import select

    from contest_eval.db.engine import open_store
    from contest_eval.db.models import Model, Problem, Run
    from contest_eval.run.pipeline import Pipeline, RunPlan, open_run
    from test_cli import cli
    from test_vllm_engine import SAMPLE

    recipe = tmp_path / "sample-contest"
    shutil.copytree(SAMPLE, recipe, ignore=shutil.ignore_patterns("*.cpp", "wrong"))
    db = tmp_path / "store.db"
    assert cli("--db", str(db), "suite", "build", str(recipe), "--problem", "odd-square-sum").returncode == 0
    with FakeOpenAI({}, SECRET, delay=0.0) as server:
        added = cli("--db", str(db), "models", "add", "served", "--endpoint", server.url, "--cutoff", "2025-01-01",
                    "--backend", "openai", "--api-key-env", key_env, "--concurrency", "2", "--sampling-arg", "min_p=0.05")
        assert added.returncode == 0, added.stderr
        _, factory = open_store(f"sqlite:///{db}")
        with factory() as s:
            model = s.scalar(select(Model).where(Model.name == "served"))
            assert model is not None
            settings = ModelSettings.from_json(model.settings)
            problems = list(s.scalars(select(Problem).where(Problem.slug == "odd-square-sum")))
            options = settings.backend_options()
            plan = RunPlan(model, "openai", options, "python3", 2, Sampling(temperature=0.7, max_tokens=64), problems)
            run_id = open_run(s, plan).id
            s.commit()
        backend = get_backend("openai", base_url=model.endpoint, model="served", sleep=lambda d: None, **options)
        with caplog.at_level(logging.DEBUG):
            counts = Pipeline(factory, judge, backend, plan, run_id, judge_workers=1).execute()
        with factory() as s, s.begin():
            row = s.get(Run, run_id)
            assert row is not None
            row.params = {**(row.params or {}), "engine": backend.provenance()}  # what `run` records
    assert counts["generated"] == 2 and counts["missing"] == 0
    with factory() as s:
        params = s.get(Run, run_id).params
    assert params["backend_options"]["api_key_env"] == key_env and params["engine"]["api_key_env"] == key_env
    for path in db.parent.glob("store.db*"):  # the file and any WAL/journal beside it
        assert SECRET.encode() not in path.read_bytes(), path
    out, err = capfd.readouterr()
    assert SECRET not in out + err + caplog.text + json.dumps(params)
    # DEBUG logging was really on, the SDK's and its HTTP client's included.
    assert any(r.name.startswith("openai") and r.levelno == logging.DEBUG for r in caplog.records)
    assert any(r.name.startswith(("httpx", "httpcore")) for r in caplog.records)
