"""vLLM in-process: one async engine, every completion delivered the moment it finishes.

The engine is vLLM's ``AsyncLLMEngine`` built from ``AsyncEngineArgs(**engine_kwargs)``
(the same arguments ``vllm serve`` takes, so tensor, pipeline and data
parallelism all work; the offline ``vllm.LLM`` refuses ``data_parallel_size``).
Every request of a run is submitted at once with ``engine.generate(...)`` and
vLLM batches them; each request's final ``RequestOutput`` is handed to
``on_done`` as soon as it exists, so the judge starts on the first completion
instead of waiting for the last one of a 4,000-completion batch.

Everything sent to vLLM is first built as plain data by the pure functions
``engine_kwargs`` and ``sampling_kwargs``, so tests check exactly what the
engine would receive (with a stand-in ``vllm`` module; vLLM needs a GPU).
``vllm`` is imported only when the backend is created.

Choices that matter for scores:

* ``SamplingParams`` is always built explicitly, never from vLLM's defaults
  (``max_tokens`` defaults to 16) nor the model's ``generation_config.json``
  (which may force e.g. ``top_k=20``); neutral penalties are spelled out so the
  stored provenance is complete. Extra sampling parameters (``min_p``,
  ``repetition_penalty``...) replace those neutral values when given.
* ``max_tokens=None`` ("no cap below the model's maximum") is resolved per
  request as ``max_model_len - prompt_tokens``; a prompt that fills the context
  is not sent and is recorded as ``prompt_too_long``.
* The prompt is the model's own chat template applied by its tokenizer, sent
  as token ids: exactly the tokens that were counted.
* No stop strings: LiveCodeBench's ``stop=["###"]`` cut every answer with a
  markdown heading. Generation ends at the model's EOS or the token cap.
* ``trust_remote_code`` is forced off: a model repository's Python would run
  unsandboxed on the evaluation host. The revision pins weights and tokenizer.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import time
from typing import Any

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
from contest_eval.generate.settings import check_engine_args

PROMPT_TOO_LONG = "prompt_too_long"
# Spelled out so the stored provenance is complete; an engine arg replaces any of them.
ENGINE_DEFAULTS: dict[str, Any] = {"tensor_parallel_size": 1, "max_model_len": None, "seed": 0, "dtype": "auto",
                                   "gpu_memory_utilization": 0.9, "enable_prefix_caching": True}
# These come from the model's registration (models add --hf-id/--revision), which
# is also what a run's fingerprint records; an engine arg must not contradict it.
RESERVED_ENGINE_ARGS = ("model", "revision", "tokenizer_revision")
# Fields a run's Sampling decides; extra sampling parameters may not replace them.
PROTECTED_SAMPLING = ("n", "temperature", "top_p", "top_k", "max_tokens", "seed", "output_kind")


def engine_kwargs(model: str, revision: str | None = None, engine_args: dict[str, Any] | None = None) -> dict[str, Any]:
    """Arguments of ``vllm.AsyncEngineArgs(...)``: our defaults, then the engine args.

    The engine args we know are type-checked (one-line ``ValueError``); any
    other passes through unchanged for vLLM to validate.
    """
    args = dict(engine_args or {})
    check_engine_args(args)  # refuses trust_remote_code=true among others
    for key in RESERVED_ENGINE_ARGS:
        if key in args:
            raise ValueError(f"engine arg {key} comes from the model's registration (models add --hf-id/--revision)")
    args.pop("trust_remote_code", None)
    return {"model": model, "revision": revision, "tokenizer_revision": revision, **ENGINE_DEFAULTS, **args,
            "trust_remote_code": False}


def resolve_max_tokens(requested: int | None, max_model_len: int, prompt_tokens: int) -> int | None:
    """Completion budget for one prompt; ``None`` when the prompt alone fills the context.

    A requested cap above the room left is clamped: the model could not write
    more anyway, and vLLM rejects ``prompt + max_tokens > max_model_len``.
    """
    room = max_model_len - prompt_tokens
    if room < 1:
        return None
    return room if requested is None else min(requested, room)


def top_k_value(sampling: Sampling) -> int:
    return sampling.top_k if sampling.top_k_enabled else -1  # type: ignore[return-value]


def sampling_kwargs(
    sampling: Sampling,
    request: GenerationRequest,
    max_tokens: int,
    skip_special_tokens: bool = True,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Arguments of ``vllm.SamplingParams(...)`` for one request (``output_kind``
    is added when the params are built: only the final output is wanted)."""
    extra = dict(extra or {})
    clash = sorted(set(extra) & set(PROTECTED_SAMPLING))
    if clash:
        raise ValueError(f"extra sampling parameter {clash[0]} is set by the run's own sampling options")
    return {
        "n": request.n,
        "temperature": sampling.temperature,
        "top_p": sampling.top_p,
        "top_k": top_k_value(sampling),
        "min_p": 0.0,
        "presence_penalty": 0.0,
        "frequency_penalty": 0.0,
        "repetition_penalty": 1.0,
        "max_tokens": max_tokens,
        "seed": rollout_seed(effective_seed(request, sampling), request.first_index),
        "stop": [],
        "skip_special_tokens": skip_special_tokens,
        **extra,
    }


def prompt_token_ids(tokenizer: Any, messages: list[dict[str, Any]], chat_template_kwargs: dict[str, Any] | None) -> list[int]:
    """The prompt as the model's chat template renders it, as token ids."""
    ids = tokenizer.apply_chat_template(
        messages, add_generation_prompt=True, tokenize=True, **(chat_template_kwargs or {})
    )
    if isinstance(ids, dict) or hasattr(ids, "keys"):  # some tokenizers return a BatchEncoding
        ids = ids["input_ids"]
    return [int(i) for i in ids]


def _latency_ms(output: Any) -> float | None:
    # Only what the engine measured for this request; all requests are queued at
    # once, so our own clock would mostly measure the queue.
    metrics = getattr(output, "metrics", None)
    start = getattr(metrics, "arrival_time", None)
    end = getattr(metrics, "finished_time", None) or getattr(metrics, "last_token_time", None)
    if isinstance(start, (int, float)) and isinstance(end, (int, float)) and end >= start:
        return (end - start) * 1000.0
    return None


def completions_from_output(request: GenerationRequest, output: Any, prompt_tokens: int) -> list[Completion]:
    """One request's final ``RequestOutput`` as completions, in rollout order."""
    seqs = sorted(output.outputs, key=lambda o: getattr(o, "index", 0))
    if len(seqs) != request.n:
        raise GenerationError(f"vLLM returned {len(seqs)} rollouts for {request.key!r}, expected {request.n}")
    latency = _latency_ms(output)
    return [Completion(key=request.key, index=request.first_index + offset, text=seq.text, prompt_tokens=prompt_tokens,
                       completion_tokens=len(seq.token_ids), finish_reason=seq.finish_reason, latency_ms=latency)
            for offset, seq in enumerate(seqs)]


async def _maybe_await(value: Any) -> Any:
    # vLLM releases differ on whether get_tokenizer()/get_model_config() are coroutines.
    return await value if inspect.isawaitable(value) else value


class VLLMBackend:
    name = "vllm"

    def __init__(
        self,
        model: str,
        revision: str | None = None,
        engine_args: dict[str, Any] | None = None,
        extra_sampling: dict[str, Any] | None = None,
        skip_special_tokens: bool = True,
        chat_template_kwargs: dict[str, Any] | None = None,
    ) -> None:
        self.engine_kwargs = engine_kwargs(model, revision, engine_args)
        self.extra_sampling = dict(extra_sampling or {})
        sampling_kwargs(Sampling(), GenerationRequest("check", [{"role": "user", "content": "."}]), 1,
                        extra=self.extra_sampling)  # refuse a clash now, not after loading the model
        import vllm  # heavy, GPU-only: imported only when this backend is chosen

        self._vllm = vllm
        try:
            from vllm.sampling_params import RequestOutputKind

            self._final_only: Any = RequestOutputKind.FINAL_ONLY
        except (ImportError, AttributeError):  # older vLLM: every step's output arrives; the last one is kept
            self._final_only = None
        self.skip_special_tokens = skip_special_tokens
        self.chat_template_kwargs = dict(chat_template_kwargs or {})
        # One event loop for the engine's whole life: its output handler task is bound to it.
        self._loop = asyncio.new_event_loop()
        self._engine: Any = None
        self._tokenizer: Any = None
        self._max_model_len: int | None = self.engine_kwargs["max_model_len"]
        self.last_batch_ms: float | None = None  # wall time of the last generate()

    async def _start(self) -> Any:
        if self._engine is None:
            try:
                args = self._vllm.AsyncEngineArgs(**self.engine_kwargs)
            except TypeError as exc:  # an engine argument this vLLM does not know
                raise GenerationError(f"vLLM refused the engine arguments: {exc}") from None
            self._engine = self._vllm.AsyncLLMEngine.from_engine_args(args)
            self._tokenizer = await _maybe_await(self._engine.get_tokenizer())
            if self._max_model_len is None:
                config = getattr(self._engine, "model_config", None) or await _maybe_await(self._engine.get_model_config())
                value = getattr(config, "max_model_len", None)
                if not isinstance(value, int):
                    raise GenerationError("cannot read max_model_len from the vLLM engine; pass --engine-arg max_model_len=N")
                self._max_model_len = value
        return self._engine

    def _params(self, kwargs: dict[str, Any]) -> Any:
        if self._final_only is not None:
            kwargs = {**kwargs, "output_kind": self._final_only}
        return self._vllm.SamplingParams(**kwargs)

    async def _generate(self, requests: list[GenerationRequest], sampling: Sampling, on_done: OnDone | None,
                        done: dict[tuple[str, int], Completion]) -> None:
        engine = await self._start()
        assert self._max_model_len is not None
        rendered: dict[str, list[int]] = {}  # rollouts of one problem share their prompt

        def deliver(c: Completion) -> None:
            done[(c.key, c.index)] = c
            if on_done is not None:
                on_done(c)  # here, in the caller's thread: it may write to the store

        async def one(number: int, req: GenerationRequest, ids: list[int], params: Any) -> tuple[GenerationRequest, Any, int]:
            final = None
            async for output in engine.generate({"prompt_token_ids": ids}, params, f"{number}:{req.key}:{req.first_index}"):
                final = output
            return req, final, len(ids)

        tasks: list[asyncio.Task[tuple[GenerationRequest, Any, int]]] = []
        try:
            for number, req in enumerate(requests):
                text = json.dumps(req.messages, sort_keys=True)
                if text not in rendered:
                    rendered[text] = prompt_token_ids(self._tokenizer, req.messages, self.chat_template_kwargs)
                ids = rendered[text]
                budget = resolve_max_tokens(sampling.max_tokens, self._max_model_len, len(ids))
                if budget is None:
                    for index in req.indices:
                        deliver(Completion(req.key, index, "", len(ids), 0, PROMPT_TOO_LONG, None))
                    continue
                kw = sampling_kwargs(sampling, req, budget, self.skip_special_tokens, self.extra_sampling)
                tasks.append(asyncio.ensure_future(one(number, req, ids, self._params(kw))))
            # Finish order, not request order: each completion goes to the judge at once.
            for next_done in asyncio.as_completed(tasks):
                try:
                    req, final, n_prompt = await next_done
                except (GenerationError, asyncio.CancelledError):
                    raise
                except Exception as exc:  # noqa: BLE001 - vLLM's own errors, as one line
                    raise GenerationError(f"vLLM failed: {type(exc).__name__}: {exc}") from exc
                if final is None:
                    raise GenerationError(f"vLLM returned no output for {req.key!r}")
                for c in completions_from_output(req, final, n_prompt):
                    deliver(c)
        finally:
            for task in tasks:
                task.cancel()  # an error (or Ctrl-C) aborts the requests still running in vLLM
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)

    def generate(
        self,
        requests: list[GenerationRequest],
        sampling: Sampling,
        on_done: OnDone | None = None,
    ) -> list[Completion]:
        check_requests(requests, sampling)
        if not requests:
            return []
        done: dict[tuple[str, int], Completion] = {}
        started = time.monotonic()
        self._loop.run_until_complete(self._generate(requests, sampling, on_done, done))
        self.last_batch_ms = (time.monotonic() - started) * 1000.0
        return sort_completions(requests, done)

    def provenance(self) -> dict[str, Any]:
        """What the run records about the engine: the exact engine arguments."""
        return {"engine_args": dict(self.engine_kwargs), "extra_sampling": dict(self.extra_sampling),
                "chat_template_kwargs": dict(self.chat_template_kwargs)}

    def close(self) -> None:
        if self._engine is not None and hasattr(self._engine, "shutdown"):
            self._engine.shutdown()
        self._engine = None
        if not self._loop.is_closed():
            self._loop.close()
