"""Suite recipes on disk (format: ``suites/README.md``).

A recipe is our own trusted code (generators, references), loaded from the
project's ``suites/`` tree; nothing here reads model output or scraped data.
"""

from __future__ import annotations

import importlib.util
import json
import random
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from contest_eval.languages import LANGUAGES, load_language
from contest_eval.problems.metadata import DesignMeta, MetadataError, Metadata, parse_metadata
from contest_eval.problems.literals import to_wire

_EXT_LANG = {load_language(lang).extension: lang for lang in LANGUAGES}
# Brute-force solutions vote only on tests whose wire input is at most this
# long (``brute_max_input`` in problem.toml overrides it per problem).
BRUTE_MAX_INPUT = 2_000


class RecipeError(ValueError):
    """A recipe folder is malformed; the message names the file."""


@dataclass
class Solution:
    path: Path
    language: str
    name: str

    @property
    def code(self) -> str:
        return self.path.read_text(encoding="utf-8")


@dataclass
class ProblemRecipe:
    slug: str
    folder: Path
    kind: str
    metadata: dict[str, Any] | None
    compare: str
    time_limit_ms: int
    memory_limit_mb: int
    seed: int
    min_tests: int
    title: str = ""
    # A problem a suite defines itself (not imported) carries its own statement.
    statement: str = ""
    contest: str | None = None
    index: str | None = None
    difficulty: str | None = None
    release_time: datetime | None = None
    examples: list[dict[str, str]] = field(default_factory=list)
    # Provenance of the fields above (free text, kept as given): where the
    # statement and dates come from, and under which licence.
    source: str = ""
    licence: str = ""
    references: list[Solution] = field(default_factory=list)
    wrong: list[Solution] = field(default_factory=list)
    # Obviously-correct slow solutions (brute.*): they cross-check the agreed
    # answers on the small tests (see contest_eval/suite/builder.py).
    brutes: list[Solution] = field(default_factory=list)
    brute_max_input: int = BRUTE_MAX_INPUT

    @property
    def meta(self) -> Metadata | None:
        return parse_metadata(self.metadata) if self.metadata else None

    def generate(self) -> list[str]:
        """Generated test inputs in wire format, deterministic for the seed."""
        gen_path = self.folder / "gen.py"
        spec = importlib.util.spec_from_file_location(f"ce_gen_{self.slug.replace('-', '_')}", gen_path)
        if spec is None or spec.loader is None:
            raise RecipeError(f"{gen_path}: cannot load")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        cases = module.generate(random.Random(self.seed))
        meta = self.meta
        return [encode_case(case, meta, f"{gen_path} case {i}") for i, case in enumerate(cases)]


def encode_case(case: Any, meta: Metadata | None, where: str) -> str:
    if meta is None:
        if not isinstance(case, dict) or not isinstance(case.get("stdin"), str):
            raise RecipeError(f"{where}: stdin problems generate {{'stdin': text}}")
        return str(case["stdin"])
    if isinstance(meta, DesignMeta):
        if not isinstance(case, dict) or "calls" not in case or "args" not in case:
            raise RecipeError(f"{where}: design cases need 'calls' and 'args'")
        return json.dumps(case["calls"], separators=(",", ":")) + "\n" + json.dumps(case["args"], separators=(",", ":"), ensure_ascii=False)
    args = case.get("args") if isinstance(case, dict) else None
    if not isinstance(args, dict) or set(args) != {p.name for p in meta.params}:
        raise RecipeError(f"{where}: args must name exactly {[p.name for p in meta.params]}")
    return to_wire([args[p.name] for p in meta.params])


def _solutions(folder: Path, stems: tuple[str, ...]) -> list[Solution]:
    out = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        lang = _EXT_LANG.get(path.suffix.lstrip("."))
        if lang and path.is_file() and (not stems or path.stem in stems):
            out.append(Solution(path, lang, f"{path.stem}.{path.suffix.lstrip('.')}"))
    return out


def load_problem_recipe(folder: Path) -> ProblemRecipe:
    toml_path = folder / "problem.toml"
    try:
        raw = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RecipeError(f"{toml_path}: {exc}") from exc
    metadata = raw.get("metadata")
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except json.JSONDecodeError as exc:
            raise RecipeError(f"{toml_path}: metadata is not JSON: {exc.msg}") from exc
    kind = str(raw.get("kind", "function"))
    if kind != "stdin":
        try:
            parse_metadata(metadata)
        except MetadataError as exc:
            raise RecipeError(f"{toml_path}: {exc}") from exc
    release = raw.get("release_time")
    try:
        release_time = datetime.fromisoformat(str(release)).astimezone(timezone.utc) if release else None
        examples = json.loads(raw["examples"]) if isinstance(raw.get("examples"), str) else list(raw.get("examples", []))
    except (ValueError, TypeError) as exc:
        raise RecipeError(f"{toml_path}: bad release_time or examples: {exc}") from exc
    if release and release_time is not None and datetime.fromisoformat(str(release)).tzinfo is None:
        raise RecipeError(f"{toml_path}: release_time {release!r} has no timezone (write e.g. +00:00)")
    if not all(isinstance(e, dict) and isinstance(e.get("input"), str) and isinstance(e.get("output"), str) for e in examples):
        raise RecipeError(f"{toml_path}: every example needs string 'input' and 'output' (wire format)")
    if not (folder / "gen.py").is_file():
        raise RecipeError(f"{folder}: gen.py is missing")
    return ProblemRecipe(
        slug=folder.name, folder=folder, kind=kind, metadata=metadata if kind != "stdin" else None,
        compare=str(raw.get("compare", "tokens" if kind == "stdin" else "exact")),
        time_limit_ms=int(raw.get("time_limit_ms", 3000)), memory_limit_mb=int(raw.get("memory_limit_mb", 256)),
        seed=int(raw.get("seed", 0)), min_tests=int(raw.get("min_tests", 50)), title=str(raw.get("title", "")),
        statement=str(raw.get("statement", "")).strip(), contest=raw.get("contest"), index=raw.get("index"),
        difficulty=raw.get("difficulty"), release_time=release_time, examples=examples,
        source=str(raw.get("source", "")), licence=str(raw.get("licence", raw.get("license", ""))),
        references=_solutions(folder, ("ref",)) + [s for s in _solutions(folder, ()) if s.path.stem.startswith("ref_")],
        wrong=_solutions(folder / "wrong", ()),
        brutes=_solutions(folder, ("brute",)), brute_max_input=_positive(raw, "brute_max_input", BRUTE_MAX_INPUT, toml_path),
    )


def _positive(raw: dict[str, Any], key: str, default: int, where: Path) -> int:
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise RecipeError(f"{where}: {key} must be a positive integer, got {value!r}")
    return value


def load_suite(root: Path) -> tuple[dict[str, Any], list[ProblemRecipe]]:
    if not (root / "suite.toml").is_file():
        raise RecipeError(f"{root}: not a suite recipe (no suite.toml)")
    info = tomllib.loads((root / "suite.toml").read_text(encoding="utf-8"))
    problems = [load_problem_recipe(p) for p in sorted(root.iterdir()) if p.is_dir() and (p / "problem.toml").is_file()]
    return info, problems
