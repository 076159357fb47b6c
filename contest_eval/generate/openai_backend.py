"""Any OpenAI-compatible ``/v1/chat/completions`` server (vLLM, SGLang, llama.cpp).

Plain HTTP through ``requests`` (no SDK): a bounded thread pool, retries on
429/408/5xx, connection errors and timeouts under the project's one retry
policy (:mod:`contest_eval.retry`: exponential backoff with jitter, a server's
``Retry-After`` in seconds or as an HTTP date honoured up to
``max_retry_after``), and the API key read from an environment variable at start-up,
sent only in the ``Authorization`` header and never logged, stored or put in
an error message.

Rollouts are sent as separate requests with seeds ``seed+i`` by default: not
every server supports ``n`` (llama.cpp's doesn't), a per-rollout request is
reproducible on its own when a run resumes, and usage is then per rollout.
``rollouts="n"`` sends one request with ``n`` instead.

``top_k`` is not an OpenAI parameter, but vLLM, SGLang and llama.cpp accept
it as a top-level field. It is always sent (``-1`` when disabled) because a
vLLM server otherwise applies the model's ``generation_config.json`` (often
``top_k=20``). For a server that rejects it, ``send_top_k=False`` omits it
and refuses a run that asks for a top-k cut it could not honour.
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Callable

import requests

from contest_eval.generate.backend import (
    Completion,
    GenerationError,
    GenerationRequest,
    OnDone,
    Sampling,
    check_requests,
    effective_seed,
    rollout_seed,
    sort_completions,
)
from contest_eval.retry import RetriesExhausted, RetryAfterTooLong, RetryPolicy

RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Call:
    """One HTTP request to make: which rollouts it yields and its JSON body."""

    request: GenerationRequest
    first_index: int
    n: int
    payload: dict[str, Any]


def build_payload(
    model: str,
    messages: list[dict[str, Any]],
    sampling: Sampling,
    n: int,
    seed: int | None,
    send_top_k: bool = True,
    extra_body: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON body of one chat completion request."""
    body: dict[str, Any] = {
        "model": model,
        "messages": messages,
        "temperature": sampling.temperature,
        "top_p": sampling.top_p,
        "stream": False,
    }
    if n != 1:
        body["n"] = n
    # None = "up to the context": the servers we target size it as the room
    # left after the prompt when the field is absent.
    if sampling.max_tokens is not None:
        body["max_tokens"] = sampling.max_tokens
    if seed is not None:
        body["seed"] = seed
    if send_top_k:
        body["top_k"] = sampling.top_k if sampling.top_k_enabled else -1
    elif sampling.top_k_enabled:
        raise ValueError("top_k is set but send_top_k=False: this server cannot honour it")
    for key, value in (extra_body or {}).items():
        body.setdefault(key, value)  # never let extras override the protocol's own fields
    return body


def plan_calls(
    requests_: list[GenerationRequest],
    sampling: Sampling,
    model: str,
    rollouts: str = "separate",
    send_top_k: bool = True,
    extra_body: dict[str, Any] | None = None,
) -> list[Call]:
    if rollouts not in ("separate", "n"):
        raise ValueError(f"rollouts must be 'separate' or 'n', not {rollouts!r}")
    calls: list[Call] = []
    for req in requests_:
        seed = effective_seed(req, sampling)
        if rollouts == "n":
            body = build_payload(model, req.messages, sampling, req.n, rollout_seed(seed, req.first_index), send_top_k, extra_body)
            calls.append(Call(req, req.first_index, req.n, body))
            continue
        for index in req.indices:
            body = build_payload(model, req.messages, sampling, 1, rollout_seed(seed, index), send_top_k, extra_body)
            calls.append(Call(req, index, 1, body))
    return calls


def parse_response(call: Call, data: Any, latency_ms: float) -> list[Completion]:
    """Completions from a chat completion response body."""
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
        raise GenerationError(f"{call.request.key!r}: response has no 'choices' list")
    if not all(isinstance(c, dict) for c in data["choices"]):
        raise GenerationError(f"{call.request.key!r}: malformed 'choices'")
    choices = sorted(data["choices"], key=lambda c: c.get("index", 0))
    if len(choices) != call.n:
        raise GenerationError(f"{call.request.key!r}: server returned {len(choices)} choices, expected {call.n}")
    usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
    prompt_tokens = usage.get("prompt_tokens")
    # With n>1 usage sums all choices; a per-rollout figure would be invented.
    completion_tokens = usage.get("completion_tokens") if call.n == 1 else None
    out: list[Completion] = []
    for offset, choice in enumerate(choices):
        message = choice.get("message") if isinstance(choice.get("message"), dict) else {}
        reasoning = message.get("reasoning_content") or message.get("reasoning")
        out.append(
            Completion(
                key=call.request.key,
                index=call.first_index + offset,
                text=message.get("content") or "",
                prompt_tokens=prompt_tokens if isinstance(prompt_tokens, int) else None,
                completion_tokens=completion_tokens if isinstance(completion_tokens, int) else None,
                finish_reason=choice.get("finish_reason"),
                latency_ms=latency_ms,
                reasoning=reasoning if isinstance(reasoning, str) else None,
            )
        )
    return out


class OpenAIBackend:
    name = "openai"

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key_env: str = "OPENAI_API_KEY",
        concurrency: int = 8,
        max_retries: int = 6,
        timeout: float = 600.0,
        connect_timeout: float = 10.0,
        backoff_base: float = 1.0,
        backoff_max: float = 60.0,
        max_retry_after: float = 600.0,
        rollouts: str = "separate",
        send_top_k: bool = True,
        extra_body: dict[str, Any] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be >= 1")
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key_env = api_key_env
        self._api_key = os.environ.get(api_key_env) or None  # never logged or stored
        self.concurrency = concurrency
        self.max_retries = max_retries
        self.timeout = (connect_timeout, timeout)
        self.policy = RetryPolicy(max_retries, status_forcelist=RETRY_STATUS, backoff_factor=backoff_base,
                                  backoff_max=backoff_max, max_retry_after=max_retry_after,
                                  jitter=(rng or random.Random()).random)
        self.rollouts = rollouts
        self.send_top_k = send_top_k
        self.extra_body = dict(extra_body or {})
        self._sleep = sleep
        self._count_lock = threading.Lock()
        self._local = threading.local()
        self.retries = 0  # how many retries the last generate() needed

    def __repr__(self) -> str:
        return f"OpenAIBackend(url={self.url!r}, model={self.model!r}, key_from={self.api_key_env!r})"

    def _session(self) -> requests.Session:
        # requests.Session is not documented as thread-safe: one per worker.
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["Content-Type"] = "application/json"
            if self._api_key:
                session.headers["Authorization"] = f"Bearer {self._api_key}"
            self._local.session = session
        return session

    def _post(self, call: Call) -> list[Completion]:
        retry, last_error = self.policy, ""
        while True:
            started = time.monotonic()
            response: requests.Response | None = None
            error: Exception | None = None
            retry_after: str | None = None
            try:
                response = self._session().post(self.url, data=json.dumps(call.payload), timeout=self.timeout)
            except (requests.ConnectionError, requests.Timeout) as exc:
                last_error, error = type(exc).__name__, exc
            else:
                retry_after = response.headers.get("Retry-After")
                if not retry.should_retry("POST", response.status_code, retry_after):
                    return self._completions(call, response, (time.monotonic() - started) * 1000.0)
                last_error = f"HTTP {response.status_code}"
            try:
                retry, delay = retry.failed("POST", self.url, response=response.raw if response is not None else None,
                                            error=error, retry_after=retry_after)
            except RetryAfterTooLong as exc:
                raise GenerationError(f"{call.request.key!r}: {last_error} asks to retry after {exc.seconds:.0f}s, "
                                      f"over the {exc.limit:.0f}s limit (max_retry_after)") from None
            except RetriesExhausted as exc:
                raise GenerationError(f"{call.request.key!r}: gave up after {exc.attempts} attempts ({last_error})") from None
            with self._count_lock:
                self.retries += 1
            self._sleep(delay)

    @staticmethod
    def _completions(call: Call, response: requests.Response, latency_ms: float) -> list[Completion]:
        if response.status_code != 200:
            # The body is the server's message; the request headers (the key) are never echoed.
            raise GenerationError(f"{call.request.key!r}: HTTP {response.status_code}: {response.text[:300]}")
        try:
            data = response.json()
        except ValueError:
            raise GenerationError(f"{call.request.key!r}: response is not JSON") from None
        return parse_response(call, data, latency_ms)

    def generate(
        self,
        requests: list[GenerationRequest],
        sampling: Sampling,
        on_done: OnDone | None = None,
    ) -> list[Completion]:
        check_requests(requests, sampling)
        calls = plan_calls(requests, sampling, self.model, self.rollouts, self.send_top_k, self.extra_body)
        self.retries = 0
        done: dict[tuple[str, int], Completion] = {}
        errors: list[str] = []
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="openai-gen") as pool:
            pending: set[Future[list[Completion]]] = {pool.submit(self._post, c) for c in calls}
            # on_done runs here, in the caller's thread, so it may touch the database.
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    try:
                        completions = future.result()
                    except GenerationError as exc:
                        errors.append(str(exc))
                        continue
                    for c in completions:
                        done[(c.key, c.index)] = c
                        if on_done is not None:
                            on_done(c)
        if errors:
            shown = "; ".join(errors[:5])
            raise GenerationError(f"{len(errors)} of {len(calls)} requests failed: {shown}")
        return sort_completions(requests, done)
