"""Backend settings stored with a model (``models add``) and overridden per ``run``.

A model's settings are plain JSON in ``models.settings``: which backend serves
it, the vLLM engine arguments, sampling, rollouts, languages, the *name* of the
environment variable that holds an API key, and how many requests may be in
flight. ``run`` (and ``weekly``) merge the stored settings with command-line
overrides through :func:`merge_settings`, field by field, so a flag given on
the command line always wins and everything else comes from the store.

The key itself is never part of these settings: only the variable's name,
which must look like one (``[A-Z_][A-Z0-9_]*``), so a key pasted by mistake is
refused before it reaches the database. Error messages never echo that value.

Pure data and validation: nothing here imports a model library or the store.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

BACKENDS = ("vllm", "openai", "llamacpp", "replay")
ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")
_ARG_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# The sampling fields of :class:`contest_eval.generate.backend.Sampling`; every
# other sampling key (min_p, repetition_penalty, ...) is an "extra" that only
# some backends can send.
CORE_SAMPLING = ("temperature", "top_p", "top_k", "max_tokens", "seed")


class SettingsError(ValueError):
    """A setting is malformed; the message is one line and never contains a secret."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def _positive_int(name: str, value: Any) -> None:
    if not _is_int(value) or value < 1:
        raise SettingsError(f"{name} must be an integer >= 1, got {value!r}")


def check_engine_args(args: dict[str, Any]) -> None:
    """Type-check the engine arguments we know; anything else passes through
    unchanged (vLLM validates it, and new vLLM releases add arguments)."""
    for key in ("tensor_parallel_size", "data_parallel_size", "pipeline_parallel_size", "max_model_len",
                "max_num_seqs", "max_num_batched_tokens"):
        if key in args and args[key] is not None:
            _positive_int(f"engine arg {key}", args[key])
    if "gpu_memory_utilization" in args:
        value = args["gpu_memory_utilization"]
        if not _is_number(value) or not 0 < value <= 1:
            raise SettingsError(f"engine arg gpu_memory_utilization must be a number in (0, 1], got {value!r}")
    if "dtype" in args and not isinstance(args["dtype"], str):
        raise SettingsError(f"engine arg dtype must be a string such as 'bfloat16', got {args['dtype']!r}")
    if "seed" in args and args["seed"] is not None and not _is_int(args["seed"]):
        raise SettingsError(f"engine arg seed must be an integer, got {args['seed']!r}")
    for key in ("enable_prefix_caching", "enforce_eager"):
        if key in args and not isinstance(args[key], bool):
            raise SettingsError(f"engine arg {key} must be true or false, got {args[key]!r}")
    if args.get("trust_remote_code"):
        # A model repository's Python would run unsandboxed on this host.
        raise SettingsError("engine arg trust_remote_code is not allowed: it runs the model repository's code on this host")


def check_sampling(sampling: dict[str, Any]) -> None:
    """Type-check the sampling fields we know; extras pass through to the server."""
    if "temperature" in sampling and (not _is_number(sampling["temperature"]) or sampling["temperature"] < 0):
        raise SettingsError(f"temperature must be a number >= 0, got {sampling['temperature']!r}")
    if "top_p" in sampling and (not _is_number(sampling["top_p"]) or not 0 < sampling["top_p"] <= 1):
        raise SettingsError(f"top_p must be a number in (0, 1], got {sampling['top_p']!r}")
    if "top_k" in sampling and sampling["top_k"] is not None and not _is_int(sampling["top_k"]):
        raise SettingsError(f"top_k must be an integer (-1 or 0 disables it), got {sampling['top_k']!r}")
    if "max_tokens" in sampling and sampling["max_tokens"] is not None:
        _positive_int("max_tokens", sampling["max_tokens"])
    if "seed" in sampling and sampling["seed"] is not None and not _is_int(sampling["seed"]):
        raise SettingsError(f"seed must be an integer, got {sampling['seed']!r}")
    for key in ("min_p", "repetition_penalty", "presence_penalty", "frequency_penalty"):
        if key in sampling and not _is_number(sampling[key]):
            raise SettingsError(f"{key} must be a number, got {sampling[key]!r}")


def check_api_key_env(name: str) -> None:
    """Refuse anything that is not an environment variable's name.

    The value is deliberately not echoed: when this fails it is most likely a
    key pasted where the variable's name belongs.
    """
    if not ENV_NAME.fullmatch(name):
        raise SettingsError("--api-key-env takes the NAME of an environment variable holding the key "
                            "(like OPENAI_API_KEY, matching [A-Z_][A-Z0-9_]*), never the key itself")


def check_endpoint(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(f"endpoint must be an http(s) URL like http://host:8000/v1, got {url!r}")
    if parts.username or parts.password:
        # Credentials in the URL would be stored and printed; use --api-key-env.
        raise SettingsError("endpoint must not contain credentials; put the key in an environment variable and pass --api-key-env")


@dataclass(frozen=True)
class ModelSettings:
    backend: str | None = None  # vllm | openai | llamacpp | replay
    endpoint: str | None = None  # OpenAI-compatible base URL
    engine_args: dict[str, Any] = field(default_factory=dict)  # vLLM engine arguments
    sampling: dict[str, Any] = field(default_factory=dict)  # temperature, top_p, top_k, max_tokens + extras
    rollouts: int | None = None
    languages: list[str] = field(default_factory=list)
    api_key_env: str | None = None  # NAME of an env var holding the key; never the key itself
    concurrency: int | None = None  # in-flight requests for openai

    def __post_init__(self) -> None:
        if self.backend is not None and self.backend not in BACKENDS:
            raise SettingsError(f"unknown backend {self.backend!r} (choose from {', '.join(BACKENDS)})")
        if self.endpoint is not None:
            check_endpoint(self.endpoint)
        if not isinstance(self.engine_args, dict) or not all(isinstance(k, str) for k in self.engine_args):
            raise SettingsError("engine_args must be an object with string keys")
        if not isinstance(self.sampling, dict) or not all(isinstance(k, str) for k in self.sampling):
            raise SettingsError("sampling must be an object with string keys")
        check_engine_args(self.engine_args)
        check_sampling(self.sampling)
        if self.rollouts is not None:
            _positive_int("rollouts", self.rollouts)
        if not isinstance(self.languages, list) or not all(isinstance(x, str) and x for x in self.languages):
            raise SettingsError("languages must be a list of language names")
        if self.api_key_env is not None:
            if not isinstance(self.api_key_env, str):
                raise SettingsError("api_key_env must be a string")
            check_api_key_env(self.api_key_env)
        if self.concurrency is not None:
            _positive_int("concurrency", self.concurrency)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ModelSettings:
        """Settings from the stored JSON (``None`` or ``{}`` = nothing stored)."""
        if not data:
            return cls()
        if not isinstance(data, dict):
            raise SettingsError(f"stored settings must be a JSON object, got {type(data).__name__}")
        unknown = sorted(set(data) - set(cls.__dataclass_fields__))
        if unknown:
            raise SettingsError(f"unknown model setting(s): {', '.join(unknown)}")
        values = dict(data)
        # Copies (a frozen record must not share the caller's dicts); a wrong
        # type is left as it is for __post_init__ to refuse.
        for name, empty in (("engine_args", dict), ("sampling", dict), ("languages", list)):
            value = values.get(name)
            values[name] = empty() if value is None else (empty(value) if isinstance(value, empty) else value)
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        """The JSON stored in ``models.settings``: only what is set, so an empty
        settings object stores ``{}`` and a later field added here reads back
        as "not set" from older rows."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if value is None or value == {} or value == []:
                continue
            out[name] = json.loads(json.dumps(value))  # deep copy, and proof it is JSON
        return out

    def is_empty(self) -> bool:
        return not self.to_json()

    def core_sampling(self) -> dict[str, Any]:
        """The fields of ``Sampling`` (temperature, top_p, top_k, max_tokens, seed)."""
        return {k: v for k, v in self.sampling.items() if k in CORE_SAMPLING}

    def extra_sampling(self) -> dict[str, Any]:
        """Sampling parameters beyond ``Sampling`` (min_p, repetition_penalty, ...)."""
        return {k: v for k, v in self.sampling.items() if k not in CORE_SAMPLING}

    def backend_options(self, backend: str | None = None) -> dict[str, Any]:
        """Keyword options for ``get_backend`` that come from these settings, for
        ``backend`` (default: the stored one; with neither, all of them).

        vLLM takes ``engine_args``; openai takes ``api_key_env`` and
        ``concurrency``; both take ``extra_sampling``.
        """
        chosen = backend or self.backend
        opts: dict[str, Any] = {}
        if chosen in (None, "vllm") and self.engine_args:
            opts["engine_args"] = dict(self.engine_args)
        if chosen in (None, "openai"):
            if self.api_key_env is not None:
                opts["api_key_env"] = self.api_key_env
            if self.concurrency is not None:
                opts["concurrency"] = self.concurrency
        if chosen in (None, "vllm", "openai") and self.extra_sampling():
            opts["extra_sampling"] = self.extra_sampling()
        return opts


def merge_settings(stored: ModelSettings, override: ModelSettings) -> ModelSettings:
    """``override`` wins field by field; ``engine_args`` and ``sampling`` are
    merged key by key (an override key wins, stored keys it does not name stay).
    Empty ``languages`` in the override keeps the stored ones."""
    return replace(
        stored,
        backend=override.backend if override.backend is not None else stored.backend,
        endpoint=override.endpoint if override.endpoint is not None else stored.endpoint,
        engine_args={**stored.engine_args, **override.engine_args},
        sampling={**stored.sampling, **override.sampling},
        rollouts=override.rollouts if override.rollouts is not None else stored.rollouts,
        languages=list(override.languages or stored.languages),
        api_key_env=override.api_key_env if override.api_key_env is not None else stored.api_key_env,
        concurrency=override.concurrency if override.concurrency is not None else stored.concurrency,
    )


def parse_engine_args(pairs: list[str]) -> dict[str, Any]:
    """``["tensor_parallel_size=2", "dtype=bfloat16"]`` → ``{"tensor_parallel_size": 2, "dtype": "bfloat16"}``.

    A value is read as a JSON literal (numbers, true/false, null, lists,
    objects) and otherwise kept as the string given. Hyphens in a key become
    underscores, so vLLM's command-line spelling (``max-model-len``) works too.
    Raises ``ValueError`` (one line) on a malformed item or a repeated key.
    """
    out: dict[str, Any] = {}
    for item in pairs:
        key, sep, raw = item.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or not _ARG_NAME.fullmatch(key):
            raise SettingsError(f"expected key=value with a name like max_model_len, got {item!r}")
        if key in out:
            raise SettingsError(f"{key} is given twice")
        try:
            value: Any = json.loads(raw)
        except ValueError:
            value = raw
        if isinstance(value, float) and not math.isfinite(value):
            value = raw  # NaN/Infinity are not JSON the store can hold
        out[key] = value
    return out
