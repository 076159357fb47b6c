"""The languages contest-eval speaks: shared facts, not part of the judge.

Generation needs a language's code fence and file extension; the judge needs
its compile and run commands and limits; suites name languages too.  All of
it comes from ``judges/<lang>/language.toml``, read here, so that no package
has to import the judge (the sandbox) to know what a language is.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


class AssetError(RuntimeError):
    """A judge asset is missing from this installation."""


@lru_cache(maxsize=1)
def judges_dir() -> Path:
    """The ``judges/`` folder: beside the package in a checkout or editable
    install, ``contest_eval/_judges`` in a wheel; ``CONTEST_EVAL_JUDGES``
    overrides both, for a site that keeps its own recipes."""
    override = os.environ.get("CONTEST_EVAL_JUDGES")
    candidates = [Path(override)] if override else []
    here = Path(__file__).resolve()
    candidates += [here.parents[1] / "judges", here.parent / "_judges"]
    for path in candidates:
        if (path / "supervisor.py").is_file():
            return path
    raise AssetError("judge assets not found (looked in: " + ", ".join(str(p) for p in candidates) + ")")


LANGUAGES = ("python3", "cpp", "java", "go", "rust", "javascript")


class LanguageError(ValueError):
    """Unknown language or a broken language.toml."""


@dataclass(frozen=True)
class Language:
    name: str
    display: str
    extension: str
    fence: tuple[str, ...]
    stdin_main: str
    compile: tuple[str, ...]
    compile_harness: tuple[str, ...]
    run: tuple[str, ...]
    version: tuple[str, ...]
    time_multiplier: float
    memory_multiplier: float
    memory_extra_mb: int
    address_space_limit: bool
    compile_time_limit_ms: int
    compile_memory_mb: int
    env: dict[str, str] = field(default_factory=dict)
    run_harness: tuple[str, ...] = ()
    # What LeetCode documents for the language and how ours compares
    # (leetcode, ours, differences, provenance), from language.toml [environment].
    environment: dict[str, str] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return judges_dir() / self.name

    def recipe_hash(self, base_hash: str) -> str:
        """Hash of everything baked into this language's image."""
        h = hashlib.sha256(base_hash.encode())
        h.update((self.folder / "Dockerfile").read_bytes())
        return h.hexdigest()[:16]


def _strs(raw: dict[str, object], key: str, path: Path, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
    value = raw.get(key, default)
    if value is None or not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise LanguageError(f"{path}: {key} must be a list of strings")
    return tuple(value)


@lru_cache(maxsize=None)
def load_language(name: str) -> Language:
    if name not in LANGUAGES:
        raise LanguageError(f"unknown language {name!r} (choose from {', '.join(LANGUAGES)})")
    path = judges_dir() / name / "language.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LanguageError(f"{path}: {exc}") from exc
    try:
        compile_cmd = _strs(raw, "compile", path, ())
        return Language(
            name=str(raw["name"]),
            display=str(raw.get("display", name)),
            extension=str(raw["extension"]),
            fence=_strs(raw, "fence", path, (name,)),
            stdin_main=str(raw["stdin_main"]),
            compile=compile_cmd,
            compile_harness=_strs(raw, "compile_harness", path, compile_cmd),
            run=_strs(raw, "run", path),
            run_harness=_strs(raw, "run_harness", path, ()),
            version=_strs(raw, "version", path, ()),
            time_multiplier=float(raw.get("time_multiplier", 1.0)),
            memory_multiplier=float(raw.get("memory_multiplier", 1.0)),
            memory_extra_mb=int(raw.get("memory_extra_mb", 0)),
            address_space_limit=bool(raw.get("address_space_limit", False)),
            compile_time_limit_ms=int(raw.get("compile_time_limit_ms", 30000)),
            compile_memory_mb=int(raw.get("compile_memory_mb", 1024)),
            env={str(k): str(v) for k, v in dict(raw.get("env", {})).items()},
            environment={str(k): str(v) for k, v in dict(raw.get("environment", {})).items()},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise LanguageError(f"{path}: bad or missing field: {exc}") from exc
