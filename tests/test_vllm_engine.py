"""vLLM: exactly what reaches the engine, and completions streamed to the judge.

vLLM needs a GPU, so a stand-in ``vllm`` module is installed in ``sys.modules``
for each test: its ``AsyncEngineArgs`` is a dataclass like vLLM's (unknown
arguments are a TypeError), its engine records every request and finishes
them after scripted numbers of asyncio ticks. Everything else is real: the
backend, the settings from the store, and in the pipeline test the real
Docker judge and a real SQLite file.
"""

from __future__ import annotations

import asyncio
import enum
import shutil
import sqlite3
import sys
import time
import types
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from contest_eval.generate.backend import GenerationError, GenerationRequest, Sampling, get_backend, rollout_seed
from contest_eval.generate.settings import ModelSettings, merge_settings, parse_engine_args


class RequestOutputKind(enum.Enum):
    CUMULATIVE = 0
    DELTA = 1
    FINAL_ONLY = 2


@dataclass
class EngineArgs:
    """The fields of vLLM's AsyncEngineArgs these tests use (a dataclass, as in vLLM)."""

    model: str
    revision: str | None = None
    tokenizer_revision: str | None = None
    tensor_parallel_size: int = 1
    pipeline_parallel_size: int = 1
    data_parallel_size: int = 1
    max_model_len: int | None = None
    seed: int | None = 0
    dtype: str = "auto"
    gpu_memory_utilization: float = 0.9
    enable_prefix_caching: bool | None = None
    trust_remote_code: bool = False
    kv_cache_dtype: str = "auto"
    max_num_seqs: int | None = None


class SamplingParams:
    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs


class Tokenizer:
    def apply_chat_template(self, messages, add_generation_prompt, tokenize, **kwargs):
        assert add_generation_prompt and tokenize
        return list(range(10 * len(messages[-1]["content"])))  # 10 tokens per character of the prompt


class Engine:
    """Finishes each request after ``ticks(prompt ids, params)`` event-loop ticks."""

    built: list["Engine"] = []

    def __init__(self, args: EngineArgs) -> None:
        self.args = args
        self.model_config = SimpleNamespace(max_model_len=args.max_model_len or 100)
        self.calls: list[tuple[dict[str, Any], SamplingParams, str]] = []
        self.running = 0
        self.finished: list[str] = []
        self.ticks = lambda ids, params: 1
        self.gate = None  # an async callable awaited before a request finishes
        self.text = lambda request_id, j: f"{request_id}-{j}"  # what the "model" writes
        self.shut = False
        Engine.built.append(self)

    @classmethod
    def from_engine_args(cls, args: EngineArgs) -> "Engine":
        return cls(args)

    def get_tokenizer(self) -> Tokenizer:
        return Tokenizer()

    async def generate(self, prompt: dict[str, Any], params: SamplingParams, request_id: str):
        self.calls.append((prompt, params, request_id))
        self.running += 1
        try:
            for _ in range(self.ticks(prompt["prompt_token_ids"], params)):
                await asyncio.sleep(0.01)
            if self.gate is not None:
                await self.gate(request_id)
        finally:
            self.running -= 1
        self.finished.append(request_id)
        n = params.kwargs["n"]
        seqs = [SimpleNamespace(index=j, text=self.text(request_id, j), token_ids=[1] * (j + 3), finish_reason="stop")
                for j in reversed(range(n))]
        yield SimpleNamespace(request_id=request_id, finished=True, outputs=seqs,
                              metrics=SimpleNamespace(arrival_time=1.0, finished_time=1.25))

    def shutdown(self) -> None:
        self.shut = True


@pytest.fixture
def fake_vllm(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType("vllm")
    sampling_module = types.ModuleType("vllm.sampling_params")
    sampling_module.RequestOutputKind = RequestOutputKind  # type: ignore[attr-defined]
    module.sampling_params = sampling_module  # type: ignore[attr-defined]
    module.AsyncEngineArgs = EngineArgs  # type: ignore[attr-defined]
    module.AsyncLLMEngine = Engine  # type: ignore[attr-defined]
    module.SamplingParams = SamplingParams  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "vllm", module)
    monkeypatch.setitem(sys.modules, "vllm.sampling_params", sampling_module)
    Engine.built.clear()
    return module


def req(key: str, n: int = 1, seed: int | None = None, first: int = 0) -> GenerationRequest:
    return GenerationRequest(key, [{"role": "user", "content": key}], n, seed, first)


# --------------------------------------------------------------------------- engine arguments

def test_stored_and_overridden_engine_args_reach_the_engine_exactly(fake_vllm) -> None:
    stored = ModelSettings.from_json({"backend": "vllm", "engine_args": parse_engine_args(
        ["tensor_parallel_size=4", "max-model-len=32768", "dtype=bfloat16", "kv_cache_dtype=fp8"])})
    override = ModelSettings(engine_args=parse_engine_args(["tensor_parallel_size=2", "data_parallel_size=2",
                                                            "gpu_memory_utilization=0.85"]))
    options = merge_settings(stored, override).backend_options()
    backend = get_backend("vllm", model="Org/Model-7B", revision="abc123", **options)
    backend.generate([req("a")], Sampling(temperature=0.6, max_tokens=16))
    assert vars(Engine.built[0].args) == {
        "model": "Org/Model-7B", "revision": "abc123", "tokenizer_revision": "abc123",
        "tensor_parallel_size": 2, "pipeline_parallel_size": 1, "data_parallel_size": 2, "max_model_len": 32768,
        "seed": 0, "dtype": "bfloat16", "gpu_memory_utilization": 0.85, "enable_prefix_caching": True,
        "trust_remote_code": False, "kv_cache_dtype": "fp8", "max_num_seqs": None,
    }
    # And the exact keyword arguments handed to AsyncEngineArgs (vLLM's defaults not included):
    assert backend.engine_kwargs == {
        "model": "Org/Model-7B", "revision": "abc123", "tokenizer_revision": "abc123", "tensor_parallel_size": 2,
        "max_model_len": 32768, "seed": 0, "dtype": "bfloat16", "gpu_memory_utilization": 0.85,
        "enable_prefix_caching": True, "kv_cache_dtype": "fp8", "data_parallel_size": 2, "trust_remote_code": False,
    }
    backend.close()
    assert Engine.built[0].shut


@pytest.mark.parametrize("pairs,message", [
    (["tensor_parallel_size=two"], "tensor_parallel_size must be an integer >= 1"),
    (["data_parallel_size=0"], "data_parallel_size must be an integer >= 1"),
    (["gpu_memory_utilization=1.5"], r"gpu_memory_utilization must be a number in \(0, 1\]"),
    (["max_model_len=4096.5"], "max_model_len must be an integer"),
    (["dtype=16"], "dtype must be a string"),
    (["trust_remote_code=true"], "trust_remote_code is not allowed"),
    (["model=other/model"], "comes from the model's registration"),
])
def test_known_engine_args_are_type_checked(fake_vllm, pairs: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        get_backend("vllm", model="m", engine_args=parse_engine_args(pairs))
    assert "\n" not in str(info.value)
    assert Engine.built == []  # refused before any engine exists


def test_unknown_engine_args_pass_through_and_vllm_judges_them(fake_vllm) -> None:
    backend = get_backend("vllm", model="m", engine_args={"max_num_seqs": 64})
    backend.generate([req("a")], Sampling(max_tokens=8))
    assert Engine.built[0].args.max_num_seqs == 64
    bad = get_backend("vllm", model="m", engine_args={"no_such_arg": 1})
    with pytest.raises(GenerationError, match="vLLM refused the engine arguments: .*no_such_arg") as info:
        bad.generate([req("a")], Sampling(max_tokens=8))
    assert "\n" not in str(info.value)


def test_engine_args_malformed_on_the_command_line() -> None:
    assert parse_engine_args(["a=1", "b=0.5", "c=true", "d=null", "e=[1, 2]", 'f={"x": 1}', "g=bfloat16", "h="]) == {
        "a": 1, "b": 0.5, "c": True, "d": None, "e": [1, 2], "f": {"x": 1}, "g": "bfloat16", "h": ""}
    for bad in (["noequals"], ["=1"], ["1x=2"], ["a=1", "a=2"]):
        with pytest.raises(ValueError) as info:
            parse_engine_args(bad)
        assert "\n" not in str(info.value)


# --------------------------------------------------------------------------- sampling parameters

def test_sampling_params_exact_with_extras_and_prompt_budget(fake_vllm) -> None:
    backend = get_backend("vllm", model="Org/M", engine_args={"max_model_len": 100},
                          extra_sampling={"min_p": 0.05, "repetition_penalty": 1.1})
    requests = [req("ab", n=2, seed=100), req("abcdefghij", n=2, seed=200), req("c", n=2, seed=None, first=2)]
    out = backend.generate(requests, Sampling(temperature=0.6, top_p=0.95, top_k=20, max_tokens=None, seed=9))
    engine = Engine.built[0]
    sent = {rid.split(":")[1]: (prompt, params.kwargs) for prompt, params, rid in engine.calls}
    # "abcdefghij" renders to 100 tokens = max_model_len: not sent, recorded as an outcome.
    assert set(sent) == {"ab", "c"}
    assert sent["ab"][0] == {"prompt_token_ids": list(range(20))}
    assert sent["ab"][1] == {
        "n": 2, "temperature": 0.6, "top_p": 0.95, "top_k": 20, "min_p": 0.05, "presence_penalty": 0.0,
        "frequency_penalty": 0.0, "repetition_penalty": 1.1, "max_tokens": 80, "seed": 100, "stop": [],
        "skip_special_tokens": True, "output_kind": RequestOutputKind.FINAL_ONLY}
    assert sent["c"][1]["max_tokens"] == 90 and sent["c"][1]["seed"] == rollout_seed(9, 2)
    assert [(c.key, c.index, c.finish_reason) for c in out] == [
        ("ab", 0, "stop"), ("ab", 1, "stop"), ("abcdefghij", 0, "prompt_too_long"), ("abcdefghij", 1, "prompt_too_long"),
        ("c", 2, "stop"), ("c", 3, "stop")]
    assert out[0].prompt_tokens == 20 and out[1].completion_tokens == 4 and out[0].latency_ms == 250.0
    assert out[0].text.endswith("-0") and out[1].text.endswith("-1")


def test_extra_sampling_cannot_replace_the_runs_own_fields(fake_vllm) -> None:
    with pytest.raises(ValueError, match="temperature is set by the run's own sampling options"):
        get_backend("vllm", model="m", extra_sampling={"temperature": 0.1})


def test_greedy_rollouts_are_refused(fake_vllm) -> None:
    backend = get_backend("vllm", model="m")
    with pytest.raises(ValueError, match="identical"):
        backend.generate([req("a", n=4)], Sampling(temperature=0.0))


# --------------------------------------------------------------------------- streaming

def test_completions_arrive_one_at_a_time_in_finish_order(fake_vllm) -> None:
    backend = get_backend("vllm", model="m", engine_args={"max_model_len": 1000})
    backend.generate([req("warm")], Sampling(max_tokens=4))  # builds the engine
    engine = Engine.built[0]
    finish = ["bbb", "d", "aaaa", "cc"]  # not the request order
    delivered = {key: asyncio.Event() for key in finish}

    async def gate(request_id: str) -> None:
        # A request may finish only once the one before it (in finish order) has
        # reached on_done: with a backend that waits for the whole batch this
        # would never happen, and the wait below would fail.
        position = finish.index(request_id.split(":")[1])
        if position:
            await asyncio.wait_for(delivered[finish[position - 1]].wait(), timeout=30)

    engine.gate = gate
    seen: list[tuple[str, int]] = []  # (key, requests still running in the engine)

    def on_done(c) -> None:
        seen.append((c.key, engine.running))
        delivered[c.key].set()

    out = backend.generate([req("aaaa"), req("bbb"), req("cc"), req("d")], Sampling(max_tokens=8), on_done=on_done)
    assert seen == [("bbb", 3), ("d", 2), ("aaaa", 1), ("cc", 0)]  # one at a time, while the others still ran
    assert [c.key for c in out] == ["aaaa", "bbb", "cc", "d"]  # the return value keeps request order


def test_a_failing_request_is_one_line_and_keeps_what_finished(fake_vllm) -> None:
    backend = get_backend("vllm", model="m", engine_args={"max_model_len": 1000})
    backend.generate([req("warm")], Sampling(max_tokens=4))
    engine = Engine.built[0]

    async def gate(request_id: str) -> None:
        if ":kaboom:" in request_id:
            raise RuntimeError("CUDA error: an illegal memory access")

    engine.gate = gate
    engine.ticks = lambda ids, params: 1 if len(ids) == 10 * len("fine") else 5
    delivered: list[str] = []
    with pytest.raises(GenerationError, match="vLLM failed: RuntimeError: CUDA error") as info:
        backend.generate([req("kaboom"), req("fine")], Sampling(max_tokens=4), on_done=lambda c: delivered.append(c.key))
    assert delivered == ["fine"] and "\n" not in str(info.value)


# --------------------------------------------------------------------------- through the pipeline, real judge

SAMPLE = Path(__file__).resolve().parents[1] / "suites" / "sample-contest"


@pytest.mark.docker
def test_pipeline_judges_the_first_completion_before_the_last_is_generated(fake_vllm, judge, tmp_path: Path) -> None:
    from sqlalchemy import select

    from contest_eval.db.engine import open_store
    from contest_eval.db.models import Model, Problem
    from contest_eval.run.pipeline import Pipeline, RunPlan, open_run
    from test_cli import cli

    # The sample contest with its Python references only: this test is about
    # overlap, and one judge image keeps it light.
    recipe = tmp_path / "sample-contest"
    shutil.copytree(SAMPLE, recipe, ignore=shutil.ignore_patterns("*.cpp", "wrong"))
    db = tmp_path / "store.db"
    built = cli("--db", str(db), "suite", "build", str(recipe))
    assert built.returncode == 0, built.stderr
    added = cli("--db", str(db), "models", "add", "fake-vllm", "--hf-id", "Org/Fake-7B", "--cutoff", "2025-01-01",
                "--backend", "vllm", "--engine-arg", "tensor_parallel_size=2", "--engine-arg", "max_model_len=100000")
    assert added.returncode == 0, added.stderr
    refs = {p.name: (p / "ref.py").read_text() for p in SAMPLE.iterdir() if (p / "ref.py").exists()}

    _, factory = open_store(f"sqlite:///{db}")
    with factory() as s:
        model = s.scalar(select(Model).where(Model.name == "fake-vllm"))
        problems = list(s.scalars(select(Problem).where(Problem.slug.in_(refs)).order_by(Problem.slug)))
        assert model is not None and len(problems) == 3
        settings = ModelSettings.from_json(model.settings)
        plan = RunPlan(model, "vllm", {}, "python3", 2, Sampling(temperature=0.8, max_tokens=2048, seed=1), problems)
        run_id = open_run(s, plan).id
        s.commit()
    backend = get_backend("vllm", model=model.hf_id, revision=model.revision, **settings.backend_options())
    backend.generate([req("warm")], Sampling(max_tokens=4))
    engine = Engine.built[0]
    assert engine.args.tensor_parallel_size == 2  # the stored setting reached the engine

    order: list[str] = []

    def judged() -> int:
        with sqlite3.connect(db) as con:
            return con.execute("select count(*) from submissions s join generations g on g.id = s.generation_id "
                               "where g.run_id = ?", (run_id,)).fetchone()[0]

    async def gate(request_id: str) -> None:
        order.append(request_id)
        if len(order) == len(problems) * 2:  # the last completion waits until the judge has stored a verdict
            deadline = time.monotonic() + 300
            while judged() == 0:
                if time.monotonic() > deadline:
                    raise AssertionError("no verdict while the last completion was still being generated")
                await asyncio.sleep(0.1)

    engine.gate = gate
    engine.ticks = lambda ids, params: 1 + 3 * (params.kwargs["seed"] % 5)

    # The model "writes" each problem's reference solution (the request id names the problem).
    engine.text = lambda request_id, j: f"Here it is.\n```python\n{refs[request_id.split(':')[1]]}```\n"
    try:
        counts = Pipeline(factory, judge, backend, plan, run_id, judge_workers=1).execute()
    finally:
        backend.close()
    assert counts["generated"] == 6 and counts["missing"] == 0
    with sqlite3.connect(db) as con:
        rows = con.execute("select g.created_at, s.judged_at, s.verdict from generations g join submissions s "
                           "on s.generation_id = g.id where g.run_id = ? order by g.created_at", (run_id,)).fetchall()
    assert len(rows) == 6 and {r[2] for r in rows} == {"AC"}
    last_generated = max(r[0] for r in rows)
    first_judged = min(r[1] for r in rows)
    assert first_judged < last_generated  # judging overlapped generation
