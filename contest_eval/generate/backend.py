"""The generation protocol shared by every backend, and the lazy registry.

A run hands a backend a list of requests (one per problem, ``n`` rollouts each)
and one :class:`Sampling`; the backend returns one :class:`Completion` per
rollout and calls ``on_done`` as each becomes available so the caller can
persist it (and start judging) before the whole batch is over.

Nothing here imports a model library: ``get_backend`` imports the chosen
backend module only when asked, so ``contest-eval`` works without vLLM or
llama-cpp-python installed.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import asdict, dataclass
from typing import Any, Callable, Protocol, runtime_checkable

OnDone = Callable[["Completion"], None]


class GenerationError(RuntimeError):
    """A backend could not produce some completions (after its retries)."""


@dataclass(frozen=True)
class GenerationRequest:
    """One prompt to sample ``n`` rollouts from.

    ``first_index`` numbers the rollouts ``first_index .. first_index+n-1`` so a
    resumed run can ask only for the rollouts it is missing and still get the
    same per-rollout seeds and indices as the original run.
    """

    key: str
    messages: list[dict[str, Any]]
    n: int = 1
    seed: int | None = None
    first_index: int = 0

    def __post_init__(self) -> None:
        if self.n < 1:
            raise ValueError(f"request {self.key!r}: n must be >= 1, got {self.n}")
        if self.first_index < 0:
            raise ValueError(f"request {self.key!r}: first_index must be >= 0")
        if not self.messages:
            raise ValueError(f"request {self.key!r}: no messages")

    @property
    def indices(self) -> range:
        return range(self.first_index, self.first_index + self.n)


@dataclass
class Completion:
    """One rollout's raw output and what it cost.

    ``text`` is the model's full output (reasoning included when the server
    returns it inline); ``reasoning`` holds a trace that a server returned
    separately (vLLM ``--reasoning-parser``), so nothing the model wrote is lost.
    """

    key: str
    index: int
    text: str
    prompt_tokens: int | None
    completion_tokens: int | None
    finish_reason: str | None
    latency_ms: float | None
    reasoning: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Sampling:
    """Sampling parameters, always sent explicitly (never a library's defaults).

    ``top_k`` of ``None``, ``0`` or ``-1`` means disabled; ``max_tokens`` of
    ``None`` means "up to the model's context" (each backend documents how it
    achieves that, since their defaults differ: vLLM's is 16 tokens).
    """

    temperature: float = 1.0
    top_p: float = 1.0
    top_k: int | None = -1
    max_tokens: int | None = None
    seed: int | None = None

    def __post_init__(self) -> None:
        if self.temperature < 0:
            raise ValueError("temperature must be >= 0")
        if not 0 < self.top_p <= 1:
            raise ValueError("top_p must be in (0, 1]")
        if self.max_tokens is not None and self.max_tokens < 1:
            raise ValueError("max_tokens must be >= 1 or None")

    @property
    def top_k_enabled(self) -> bool:
        return self.top_k is not None and self.top_k > 0

    def to_dict(self) -> dict[str, Any]:
        """What a run stores as its sampling provenance."""
        return asdict(self)


def effective_seed(request: GenerationRequest, sampling: Sampling) -> int | None:
    """The request's own seed wins; otherwise the run-wide one."""
    return request.seed if request.seed is not None else sampling.seed


def rollout_seed(seed: int | None, index: int) -> int | None:
    """Seed of rollout ``index`` when a backend samples rollouts one by one.

    Offsetting by the rollout index keeps rollouts distinct under one seed and
    makes rollout ``i`` reproducible on its own (what resuming needs). Masked to
    31 bits because llama.cpp and some servers reject larger seeds.
    """
    if seed is None:
        return None
    return (seed + index) & 0x7FFFFFFF


def check_requests(requests: list[GenerationRequest], sampling: Sampling | None = None) -> None:
    """Reject batches that would silently produce meaningless rollouts.

    Without ``sampling`` only duplicates are checked (replay samples nothing).
    """
    seen: set[tuple[str, int]] = set()
    for req in requests:
        if sampling is not None and req.n > 1 and sampling.temperature == 0:
            # Greedy decoding gives k identical rollouts; pass@k would be a lie.
            raise ValueError(f"request {req.key!r}: n={req.n} rollouts with temperature 0 are identical")
        for i in req.indices:
            if (req.key, i) in seen:
                raise ValueError(f"duplicate request key/rollout {req.key!r}/{i}")
            seen.add((req.key, i))


@runtime_checkable
class Backend(Protocol):
    name: str

    def generate(
        self,
        requests: list[GenerationRequest],
        sampling: Sampling,
        on_done: OnDone | None = None,
    ) -> list[Completion]:
        """One completion per (request, rollout), in request order then index order."""
        ...


@dataclass(frozen=True)
class _Entry:
    module: str
    cls: str
    extra: str | None = None  # pip extra that provides the heavy dependency
    isolate: bool = False  # native code that can crash the interpreter: run it in a child process


# Module paths only: importing this file must never import vllm or llama_cpp.
_REGISTRY: dict[str, _Entry] = {
    "vllm": _Entry("contest_eval.generate.vllm_backend", "VLLMBackend", "vllm"),
    "openai": _Entry("contest_eval.generate.openai_backend", "OpenAIBackend"),
    "llamacpp": _Entry("contest_eval.generate.llamacpp_backend", "LlamaCppBackend", "llamacpp", isolate=True),
    "replay": _Entry("contest_eval.generate.replay_backend", "ReplayBackend"),
}


def backend_names() -> tuple[str, ...]:
    return tuple(_REGISTRY)


# Options ``run`` may pass to any backend (from stored model settings or flags).
# A backend gets only those it takes; an empty/None value is dropped, and a
# real value for a backend that cannot use it is an error, not silently lost.
COMMON_OPTIONS = ("engine_args", "api_key_env", "concurrency", "extra_sampling")


def accepted_options(name: str) -> frozenset[str]:
    """Keyword options backend ``name``'s constructor takes (no model library is imported)."""
    entry = _REGISTRY.get(name)
    if entry is None:
        raise ValueError(f"unknown backend {name!r} (choose from {', '.join(_REGISTRY)})")
    cls = getattr(importlib.import_module(entry.module), entry.cls)
    params = inspect.signature(cls.__init__).parameters.values()
    return frozenset(p.name for p in params if p.name != "self" and p.kind is not inspect.Parameter.VAR_KEYWORD)


def _ignores_extras(name: str) -> bool:
    """Replay and llama.cpp take and ignore unknown options by design (a run can
    switch to them without reshaping its configuration)."""
    entry = _REGISTRY[name]
    cls = getattr(importlib.import_module(entry.module), entry.cls)
    return any(p.kind is inspect.Parameter.VAR_KEYWORD for p in inspect.signature(cls.__init__).parameters.values())


def get_backend(name: str, isolate: bool | None = None, **options: Any) -> Backend:
    """Instantiate backend ``name`` with its options (model path, URL, ...).

    ``engine_args`` (vllm), ``api_key_env`` and ``concurrency`` (openai) and
    ``extra_sampling`` (vllm, openai) may be passed to any backend: empty ones
    are dropped, and so are all of them for replay and llamacpp (which ignore
    options they do not use); a set one that vllm or openai cannot use is a
    one-line ``ValueError``.
    Native backends run in a child process unless ``isolate=False`` (which the
    child itself uses, and in-process tests that pass a fake engine factory).
    """
    entry = _REGISTRY.get(name)
    if entry is None:
        raise ValueError(f"unknown backend {name!r} (choose from {', '.join(_REGISTRY)})")
    accepted = accepted_options(name)
    for key in COMMON_OPTIONS:
        if key in options and key not in accepted:
            value = options.pop(key)
            if value not in (None, {}, [], "") and not _ignores_extras(name):
                raise ValueError(f"backend {name!r} does not take {key.replace('_', '-')} (only "
                                 f"{', '.join(sorted(n for n, e in _REGISTRY.items() if key in accepted_options(n)))} do)")
    if entry.isolate and isolate is not False:
        from contest_eval.generate.isolated import IsolatedBackend

        return IsolatedBackend(name, **options)
    module = importlib.import_module(entry.module)
    cls = getattr(module, entry.cls)
    try:
        return cls(**options)
    except ModuleNotFoundError as exc:
        if entry.extra is None:
            raise
        raise GenerationError(
            f"backend {name!r} needs {exc.name!r}: pip install 'contest-eval[{entry.extra}]'"
        ) from exc


def sort_completions(requests: list[GenerationRequest], done: dict[tuple[str, int], Completion]) -> list[Completion]:
    """Completions in request order then rollout order, whatever order they finished in."""
    return [done[(r.key, i)] for r in requests for i in r.indices if (r.key, i) in done]
