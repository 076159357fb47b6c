"""Offline vLLM: one engine, every prompt of a run in one batched ``llm.chat``.

Everything sent to vLLM is first built as plain data by the pure functions
``llm_kwargs``, ``conversations``, ``sampling_kwargs`` and ``chat_kwargs``, so
tests check exactly what the engine would receive without importing vLLM
(which needs a GPU). ``vllm`` is imported only when the backend is created.

Choices that matter for scores:

* ``SamplingParams`` is always built explicitly, never from vLLM's defaults
  (``max_tokens`` defaults to 16) nor the model's ``generation_config.json``
  (which may force e.g. ``top_k=20``); neutral penalties are spelled out so the
  stored provenance is complete.
* ``max_tokens=None`` ("no cap below the model's maximum", the VibeThinker
  protocol) is resolved here per request as ``max_model_len - prompt_tokens``,
  counting the prompt with the model's own chat template. vLLM versions treat
  ``None`` differently, so it is never passed through.
* No stop strings: LiveCodeBench's ``stop=["###"]`` cut every answer with a
  markdown heading. Generation ends at the model's EOS or the token cap.
* All rollouts of a prompt come from one ``SamplingParams(n=k, seed=s)``; the
  shared prompt is prefilled once (prefix caching).
"""

from __future__ import annotations

import copy
import time
from typing import Any, Callable, Sequence

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

PROMPT_TOO_LONG = "prompt_too_long"


def llm_kwargs(
    model: str,
    revision: str | None = None,
    tensor_parallel_size: int = 1,
    max_model_len: int | None = None,
    seed: int = 0,
    dtype: str = "auto",
    gpu_memory_utilization: float = 0.9,
    enable_prefix_caching: bool = True,
    engine_options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Arguments of ``vllm.LLM(...)``.

    ``trust_remote_code`` is forced off: a model repository's Python would run
    unsandboxed on the evaluation host. The revision pins both weights and
    tokenizer so a run is reproducible from its stored provenance.
    """
    if tensor_parallel_size < 1:
        raise ValueError("tensor_parallel_size must be >= 1")
    kwargs: dict[str, Any] = {
        "model": model,
        "revision": revision,
        "tokenizer_revision": revision,
        "tensor_parallel_size": tensor_parallel_size,
        "max_model_len": max_model_len,
        "seed": seed,
        "dtype": dtype,
        "gpu_memory_utilization": gpu_memory_utilization,
        "enable_prefix_caching": enable_prefix_caching,
        "trust_remote_code": False,
    }
    extra = dict(engine_options or {})
    if extra.get("trust_remote_code"):
        raise ValueError("trust_remote_code is not allowed: it runs the model repository's code on this host")
    extra.pop("trust_remote_code", None)
    kwargs.update(extra)
    return kwargs


def conversations(requests: Sequence[GenerationRequest]) -> list[list[dict[str, Any]]]:
    """One conversation per request, in request order (``llm.chat`` keeps order)."""
    return [copy.deepcopy(list(r.messages)) for r in requests]


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
) -> dict[str, Any]:
    """Arguments of ``vllm.SamplingParams(...)`` for one request."""
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
    }


def chat_kwargs(use_tqdm: bool, chat_template_kwargs: dict[str, Any] | None) -> dict[str, Any]:
    """Keyword arguments of ``llm.chat`` besides conversations and sampling params."""
    kwargs: dict[str, Any] = {"use_tqdm": use_tqdm, "add_generation_prompt": True}
    if chat_template_kwargs:
        # e.g. {"enable_thinking": False} for Qwen3; recorded with the run.
        kwargs["chat_template_kwargs"] = dict(chat_template_kwargs)
    return kwargs


def count_prompt_tokens(tokenizer: Any, messages: list[dict[str, Any]], chat_template_kwargs: dict[str, Any] | None) -> int:
    """Tokens of the prompt as ``llm.chat`` renders it (the model's chat template)."""
    ids = tokenizer.apply_chat_template(
        messages, add_generation_prompt=True, tokenize=True, **(chat_template_kwargs or {})
    )
    if isinstance(ids, dict):  # some tokenizers return a BatchEncoding
        ids = ids["input_ids"]
    return len(ids)


def _latency_ms(output: Any) -> float | None:
    # vLLM batches every request together, so wall time per request only
    # exists if the engine reports it; otherwise record nothing rather than
    # attribute the whole batch's time to each request.
    metrics = getattr(output, "metrics", None)
    start = getattr(metrics, "arrival_time", None)
    end = getattr(metrics, "finished_time", None) or getattr(metrics, "last_token_time", None)
    if isinstance(start, (int, float)) and isinstance(end, (int, float)) and end >= start:
        return (end - start) * 1000.0
    return None


def completions_from_outputs(requests: Sequence[GenerationRequest], outputs: Sequence[Any]) -> list[Completion]:
    """Map ``RequestOutput``s (same order as the requests) back to completions."""
    if len(outputs) != len(requests):
        raise GenerationError(f"vLLM returned {len(outputs)} outputs for {len(requests)} requests")
    result: list[Completion] = []
    for req, out in zip(requests, outputs):
        seqs = sorted(out.outputs, key=lambda o: getattr(o, "index", 0))
        if len(seqs) != req.n:
            raise GenerationError(f"vLLM returned {len(seqs)} rollouts for {req.key!r}, expected {req.n}")
        prompt_tokens = len(out.prompt_token_ids) if getattr(out, "prompt_token_ids", None) is not None else None
        latency = _latency_ms(out)
        for offset, seq in enumerate(seqs):
            result.append(
                Completion(
                    key=req.key,
                    index=req.first_index + offset,
                    text=seq.text,
                    prompt_tokens=prompt_tokens,
                    completion_tokens=len(seq.token_ids),
                    finish_reason=seq.finish_reason,
                    latency_ms=latency,
                )
            )
    return result


def _engine_max_model_len(llm: Any) -> int:
    engine = getattr(llm, "llm_engine", None)
    for holder in (getattr(engine, "model_config", None), getattr(getattr(engine, "vllm_config", None), "model_config", None)):
        value = getattr(holder, "max_model_len", None)
        if isinstance(value, int):
            return value
    raise GenerationError("cannot read max_model_len from the vLLM engine; pass max_model_len explicitly")


class VLLMBackend:
    name = "vllm"

    def __init__(
        self,
        model: str,
        revision: str | None = None,
        tensor_parallel_size: int = 1,
        max_model_len: int | None = None,
        seed: int = 0,
        dtype: str = "auto",
        gpu_memory_utilization: float = 0.9,
        skip_special_tokens: bool = True,
        chat_template_kwargs: dict[str, Any] | None = None,
        use_tqdm: bool = False,
        engine_options: dict[str, Any] | None = None,
        llm_factory: Callable[..., Any] | None = None,
        sampling_params_factory: Callable[..., Any] | None = None,
    ) -> None:
        self.llm_kwargs = llm_kwargs(
            model, revision, tensor_parallel_size, max_model_len, seed, dtype, gpu_memory_utilization,
            engine_options=engine_options,
        )
        if llm_factory is None or sampling_params_factory is None:
            import vllm  # heavy, GPU-only: imported only when this backend is chosen

            llm_factory = llm_factory or vllm.LLM
            sampling_params_factory = sampling_params_factory or vllm.SamplingParams
        self._llm_factory = llm_factory
        self._sampling_params = sampling_params_factory
        self.skip_special_tokens = skip_special_tokens
        self.chat_template_kwargs = dict(chat_template_kwargs or {})
        self.use_tqdm = use_tqdm
        self._llm: Any = None
        self.last_batch_ms: float | None = None  # the one llm.chat call's wall time

    def engine(self) -> Any:
        if self._llm is None:
            self._llm = self._llm_factory(**self.llm_kwargs)
        return self._llm

    def plan(self, requests: Sequence[GenerationRequest], sampling: Sampling) -> tuple[list[int], list[dict[str, Any]], list[int]]:
        """``(indices to send, their SamplingParams kwargs, prompt tokens per request)``."""
        llm = self.engine()
        max_len = self.llm_kwargs["max_model_len"] or _engine_max_model_len(llm)
        tokenizer = llm.get_tokenizer()
        send: list[int] = []
        params: list[dict[str, Any]] = []
        prompt_tokens: list[int] = []
        for i, req in enumerate(requests):
            count = count_prompt_tokens(tokenizer, req.messages, self.chat_template_kwargs)
            prompt_tokens.append(count)
            budget = resolve_max_tokens(sampling.max_tokens, max_len, count)
            if budget is not None:
                send.append(i)
                params.append(sampling_kwargs(sampling, req, budget, self.skip_special_tokens))
        return send, params, prompt_tokens

    def generate(
        self,
        requests: list[GenerationRequest],
        sampling: Sampling,
        on_done: OnDone | None = None,
    ) -> list[Completion]:
        check_requests(requests, sampling)
        if not requests:
            return []
        send, params, prompt_tokens = self.plan(requests, sampling)
        done: dict[tuple[str, int], Completion] = {}
        sent = set(send)
        for i, req in enumerate(requests):
            if i not in sent:
                for index in req.indices:
                    done[(req.key, index)] = Completion(req.key, index, "", prompt_tokens[i], 0, PROMPT_TOO_LONG, None)
        if send:
            chosen = [requests[i] for i in send]
            started = time.monotonic()
            outputs = self.engine().chat(
                conversations(chosen),
                sampling_params=[self._sampling_params(**kw) for kw in params],
                **chat_kwargs(self.use_tqdm, self.chat_template_kwargs),
            )
            self.last_batch_ms = (time.monotonic() - started) * 1000.0
            for c in completions_from_outputs(chosen, outputs):
                done[(c.key, c.index)] = c
        result = sort_completions(requests, done)
        if on_done is not None:
            for c in result:
                on_done(c)
        return result
