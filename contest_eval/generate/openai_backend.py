"""Any OpenAI-compatible ``/v1/chat/completions`` server (vLLM, SGLang, llama.cpp).

Requests go through the ``openai`` SDK (its HTTP client, timeouts, typed
errors and ``extra_body``) with the SDK's own retries switched off
(``max_retries=0``): retries follow the project's one retry policy,
:mod:`contest_eval.retry` (429/408/409/425/5xx, connection errors and
timeouts; exponential backoff with jitter; a server's ``Retry-After`` in
seconds or as an HTTP date honoured up to ``max_retry_after``), the same
policy the scraper uses, so waits are counted, injectable in tests, and a
too-long ``Retry-After`` is a clear error instead of a silent clamp.

The API key is read from the environment variable named at ``models add``
(``api_key_env``; it must be set, or the backend refuses to start naming the
variable). Without one, ``OPENAI_API_KEY`` is used if set, else no key is
sent. The key only ever goes into the SDK client (the ``Authorization``
header): never into a log line, an error message, ``repr`` or the store.

``concurrency`` bounds the requests in flight (a thread pool over one
thread-safe SDK client). Completions reach ``on_done`` in the caller's thread
as each request finishes.

Rollouts are sent as separate requests with seeds ``seed+i`` by default: not
every server supports ``n`` (llama.cpp's doesn't), a per-rollout request is
reproducible on its own when a run resumes, and usage is then per rollout.
``rollouts="n"`` sends one request with ``n`` instead.

``top_k`` is not an OpenAI parameter, but vLLM, SGLang and llama.cpp accept
it as a top-level field. It is always sent (``-1`` when disabled) because a
vLLM server otherwise applies the model's ``generation_config.json`` (often
``top_k=20``). For a server that rejects it, ``send_top_k=False`` omits it
and refuses a run that asks for a top-k cut it could not honour. Other
non-OpenAI sampling parameters (``min_p``, ``repetition_penalty``, ...) come
from ``extra_sampling`` and travel in the SDK's ``extra_body``.
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

from urllib3.response import HTTPResponse

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
from contest_eval.generate.settings import ENV_NAME
from contest_eval.retry import RetriesExhausted, RetryAfterTooLong, RetryPolicy

RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
# Fields the SDK's ``chat.completions.create`` names; every other body field
# (top_k, min_p, repetition_penalty, chat_template_kwargs...) goes in extra_body.
SDK_FIELDS = ("temperature", "top_p", "n", "max_tokens", "seed", "stream", "stop", "presence_penalty",
              "frequency_penalty", "logit_bias", "logprobs", "top_logprobs", "user")
DEFAULT_KEY_ENV = "OPENAI_API_KEY"


def read_api_key(api_key_env: str | None) -> str | None:
    """The key from the environment: a named variable must be set; by default
    ``OPENAI_API_KEY`` is used when present. Errors name the variable, never a value."""
    if api_key_env is None:
        return os.environ.get(DEFAULT_KEY_ENV) or None
    if not ENV_NAME.fullmatch(api_key_env):
        raise GenerationError("api_key_env must be the NAME of an environment variable (like OPENAI_API_KEY), not a key")
    key = os.environ.get(api_key_env)
    if not key:
        raise GenerationError(f"environment variable {api_key_env} is not set: it must hold the API key for this server")
    return key


def sdk_arguments(body: dict[str, Any]) -> dict[str, Any]:
    """``chat.completions.create`` keyword arguments sending exactly ``body``."""
    args = {k: v for k, v in body.items() if k in SDK_FIELDS or k in ("model", "messages")}
    extra = {k: v for k, v in body.items() if k not in args}
    if extra:
        args["extra_body"] = extra
    return args


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
        api_key_env: str | None = None,
        concurrency: int | None = 8,
        max_retries: int = 6,
        timeout: float = 600.0,
        connect_timeout: float = 10.0,
        backoff_base: float = 1.0,
        backoff_max: float = 60.0,
        max_retry_after: float = 600.0,
        rollouts: str = "separate",
        send_top_k: bool = True,
        extra_body: dict[str, Any] | None = None,
        extra_sampling: dict[str, Any] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        import openai  # the SDK: a dependency, imported here so `contest-eval --help` stays light

        concurrency = 8 if concurrency is None else concurrency
        if concurrency < 1:
            raise ValueError("concurrency must be >= 1")
        self.base_url = base_url.rstrip("/")
        self.url = self.base_url + "/chat/completions"
        self.model = model
        self.api_key_env = api_key_env if api_key_env is not None else DEFAULT_KEY_ENV
        key = read_api_key(api_key_env)
        self._secret = key  # only to scrub it from server messages; never logged or stored
        self._openai = openai
        # An explicit api_key always: with None the SDK would read OPENAI_API_KEY
        # itself, and a placeholder sends a harmless "Bearer EMPTY" to keyless servers.
        self._client = openai.OpenAI(
            api_key=key or "EMPTY", base_url=self.base_url, max_retries=0,
            timeout=openai.Timeout(timeout, connect=connect_timeout),
        )
        self.concurrency = concurrency
        self.max_retries = max_retries
        self.timeout = (connect_timeout, timeout)
        self.policy = RetryPolicy(max_retries, status_forcelist=RETRY_STATUS, backoff_factor=backoff_base,
                                  backoff_max=backoff_max, max_retry_after=max_retry_after,
                                  jitter=(rng or random.Random()).random)
        self.rollouts = rollouts
        self.send_top_k = send_top_k
        self.extra_body = {**(extra_body or {}), **(extra_sampling or {})}
        self._sleep = sleep
        self._count_lock = threading.Lock()
        self.retries = 0  # how many retries the last generate() needed

    def __repr__(self) -> str:
        return f"OpenAIBackend(url={self.url!r}, model={self.model!r}, key_from={self.api_key_env!r})"

    def _scrub(self, text: str) -> str:
        # A server may echo request headers in its error body; the key never leaves here.
        return text.replace(self._secret, "<redacted>") if self._secret else text

    def _attempt(self, call: Call) -> tuple[Any, int | None, str | None, Exception | None]:
        """One request: ``(raw response or None, status, Retry-After, transport error)``."""
        openai = self._openai
        try:
            raw = self._client.chat.completions.with_raw_response.create(**sdk_arguments(call.payload))
        except openai.APIStatusError as exc:
            return exc.response, exc.status_code, exc.response.headers.get("Retry-After"), None
        except openai.APIConnectionError as exc:  # includes APITimeoutError
            return None, None, None, exc
        return raw, raw.status_code, raw.headers.get("Retry-After"), None

    def _post(self, call: Call) -> list[Completion]:
        retry, last_error = self.policy, ""
        while True:
            started = time.monotonic()
            response, status, retry_after, error = self._attempt(call)
            if error is not None:
                last_error = type(error).__name__
            else:
                assert status is not None
                if not retry.should_retry("POST", status, retry_after):
                    return self._completions(call, response, status, (time.monotonic() - started) * 1000.0)
                last_error = f"HTTP {status}"
            try:
                # The policy is urllib3's Retry: it records a failed status from a
                # urllib3 response, so the status is handed over in one.
                failed = HTTPResponse(status=status, preload_content=False) if status is not None else None
                retry, delay = retry.failed("POST", self.url, response=failed, error=error, retry_after=retry_after)
            except RetryAfterTooLong as exc:
                raise GenerationError(f"{call.request.key!r}: {last_error} asks to retry after {exc.seconds:.0f}s, "
                                      f"over the {exc.limit:.0f}s limit (max_retry_after)") from None
            except RetriesExhausted as exc:
                raise GenerationError(f"{call.request.key!r}: gave up after {exc.attempts} attempts ({last_error})") from None
            with self._count_lock:
                self.retries += 1
            self._sleep(delay)

    def _completions(self, call: Call, response: Any, status: int, latency_ms: float) -> list[Completion]:
        text = response.text
        if status != 200:
            # The body is the server's message; the request headers (the key) are never echoed.
            raise GenerationError(f"{call.request.key!r}: HTTP {status}: {self._scrub(text[:300])}")
        try:
            data = json.loads(text)
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

    def provenance(self) -> dict[str, Any]:
        """What the run records about the server and client: never the key, only its variable's name."""
        return {"base_url": self.base_url, "model": self.model, "api_key_env": self.api_key_env,
                "concurrency": self.concurrency, "rollouts": self.rollouts, "extra_body": dict(self.extra_body),
                "max_retries": self.max_retries, "timeout_s": self.timeout[1], "connect_timeout_s": self.timeout[0]}

    def close(self) -> None:
        self._client.close()
