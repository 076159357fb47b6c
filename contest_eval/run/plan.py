"""Planning a run: which problems, which backend with which options, and what identifies it.

One code path for ``run`` and ``weekly``: both describe what the command line
(or the weekly job) asks for as :class:`Overrides` and :class:`Selection`, and
:func:`plan_run` answers with a :class:`PlannedRun` — the pipeline's
:class:`RunPlan` plus the problems left out and why.  Nothing here prints or
knows about Typer; every refusal is a :class:`PlanError` with one line, raised
before anything is stored.

Precedence, field by field: a flag beats a preset, a preset beats the
settings stored at ``models add``, and those beat the defaults.  Whatever of
the result changes what is generated is part of the run's fingerprint: the
backend, language, rollouts and core sampling already are (``RunPlan``); the
engine arguments that matter and the extra sampling parameters enter the
identity, so changing a stored setting starts a new run instead of resuming
one made under other settings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_eval.db.catalog import latest_suite, list_problems, model_named
from contest_eval.db.models import Model, Problem
from contest_eval.generate.backend import GenerationError, Sampling
from contest_eval.generate.settings import ModelSettings, SettingsError, merge_settings

if TYPE_CHECKING:  # the pipeline (and the judge behind it) loads only when a run is planned: `--help` stays light
    from contest_eval.run.pipeline import RunPlan

# The VibeThinker-3B protocol (research/anchors_eval.md §0): 8 contests × 4 problems × 4 rollouts.
PRESETS: dict[str, dict[str, Any]] = {
    "vibethinker-leetcode": {
        "contests": ["biweekly-contest-181", "biweekly-contest-182", "biweekly-contest-183", "weekly-contest-499",
                     "weekly-contest-500", "weekly-contest-502", "weekly-contest-503", "weekly-contest-504"],
        "platform": "leetcode", "rollouts": 4, "lang": "python3", "temperature": 1.0, "top_p": 0.95, "top_k": -1,
        "max_tokens": None,
    },
}
DEFAULT_BACKEND = "llamacpp"
DEFAULT_LANGUAGE = "python3"
DEFAULT_SAMPLING: dict[str, Any] = {"temperature": 1.0, "top_p": 0.95, "top_k": -1, "max_tokens": None, "seed": 0}
BACKENDS = ("vllm", "openai", "llamacpp", "replay", "reference")
# Engine arguments that change speed or memory, never what is sampled: they
# stay out of the fingerprint so a run resumes on a bigger or smaller machine.
OUTPUT_NEUTRAL_ENGINE_ARGS = frozenset({
    "tensor_parallel_size", "data_parallel_size", "pipeline_parallel_size", "gpu_memory_utilization", "max_num_seqs",
    "max_num_batched_tokens", "enable_prefix_caching", "enforce_eager", "swap_space", "cpu_offload_gb",
    "disable_log_stats", "replay_file",
})


class PlanError(ValueError):
    """The run cannot be planned as asked; the message is one line."""


@dataclass(frozen=True)
class Selection:
    """Which problems: the same filters as ``run``, or exact slugs (``weekly``)."""

    platform: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    contests: tuple[str, ...] = ()
    slugs: tuple[str, ...] = ()  # when set, only these problems (still filtered by the others)
    include_seen: bool = False

    def window(self, since_text: str | None = None, until_text: str | None = None) -> dict[str, Any]:
        """What the run stores as its selection (``params.window``)."""
        return {"since": since_text, "until": until_text, "contests": list(self.contests), "platform": self.platform}


@dataclass(frozen=True)
class Overrides:
    """What the command line says; ``None`` (or empty) means "not given"."""

    backend: str | None = None
    language: str | None = None
    rollouts: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    max_tokens: int | None = None
    seed: int | None = None
    preset: str | None = None
    replay_file: Path | None = None
    engine_args: dict[str, Any] = field(default_factory=dict)
    concurrency: int | None = None


@dataclass
class ProblemChoice:
    chosen: list[Problem]  # everything the selection matched
    runnable: list[Problem]  # after the boundary and with a suite
    seen: list[str]  # released on or before the model's boundary
    no_suite: list[str]
    boundary: datetime | None


@dataclass
class PlannedRun:
    plan: RunPlan
    settings: ModelSettings  # the effective settings (stored merged with the overrides)
    choice: ProblemChoice
    replay_file: Path | None = None


def _layer(*values: Any) -> Any:
    """The last value that is not None (later layers win)."""
    out = None
    for v in values:
        if v is not None:
            out = v
    return out


def stored_settings(model: Model) -> ModelSettings:
    try:
        return ModelSettings.from_json(model.settings)
    except (SettingsError, TypeError) as exc:
        raise PlanError(f"model {model.name}: stored settings are invalid ({exc}); fix them with: contest-eval models add") from None


def effective_settings(model: Model, ov: Overrides) -> tuple[str, ModelSettings]:
    """(backend name, settings) after flag > preset > stored > default.

    The backend name may be ``reference``, which is not a stored setting.
    """
    stored = stored_settings(model)
    preset = PRESETS.get(ov.preset or "", {})
    if ov.preset and not preset:
        raise PlanError(f"unknown preset {ov.preset!r} (choose from {', '.join(PRESETS)})")
    backend = ov.backend or stored.backend or DEFAULT_BACKEND
    if backend not in BACKENDS:
        raise PlanError(f"unknown backend {backend!r} (choose from {', '.join(BACKENDS)})")
    core = {k: _layer(DEFAULT_SAMPLING.get(k), stored.sampling.get(k), preset.get(k), getattr(ov, k))
            for k in DEFAULT_SAMPLING}
    if ov.max_tokens is None and "max_tokens" in preset:
        core["max_tokens"] = preset["max_tokens"]  # a preset's "no cap" is a choice, not "not given"
    languages = [ov.language] if ov.language else [preset["lang"]] if "lang" in preset else list(stored.languages)
    try:
        override = ModelSettings(
            backend=None if backend == "reference" else backend, engine_args=dict(ov.engine_args),
            sampling={k: v for k, v in core.items()}, rollouts=_layer(preset.get("rollouts"), ov.rollouts),
            languages=languages, concurrency=ov.concurrency)
        merged = merge_settings(stored, override)
    except SettingsError as exc:
        raise PlanError(str(exc)) from None
    if backend == "reference":
        merged = replace(merged, backend=None)
    return backend, merged


def sampling_of(settings: ModelSettings) -> Sampling:
    core = settings.core_sampling()
    try:
        return Sampling(temperature=core.get("temperature", 1.0), top_p=core.get("top_p", 0.95), top_k=core.get("top_k", -1),
                        max_tokens=core.get("max_tokens"), seed=core.get("seed", 0))
    except ValueError as exc:
        raise PlanError(str(exc)) from None


def check_flags(backend: str, ov: Overrides) -> None:
    """Flags that the chosen backend would ignore are refused, not dropped silently."""
    if ov.engine_args and backend not in ("vllm", "replay"):
        raise PlanError(f"--engine-arg applies to --backend vllm (and replay_file=PATH to replay), not {backend}")
    if ov.engine_args and backend == "replay" and set(ov.engine_args) - {"replay_file"}:
        raise PlanError("--backend replay takes only --engine-arg replay_file=PATH")
    if ov.concurrency is not None and backend != "openai":
        raise PlanError(f"--concurrency applies to --backend openai, not {backend}")


def backend_options(backend: str, settings: ModelSettings, replay_file: Path | None) -> dict[str, Any]:
    """Keyword options for the backend that come from the settings."""
    if backend == "reference":
        return {}
    if backend == "replay":
        return {"path": replay_file} if replay_file else {}
    return replace(settings, backend=backend).backend_options()


def identity_of(backend: str, model: Model, settings: ModelSettings, options: dict[str, Any],
                replay_file: Path | None) -> dict[str, Any]:
    """What the outputs come from beyond the model's name (part of the run's fingerprint).

    Refuses, before anything is stored, a model the backend cannot run as
    registered: llamacpp never falls back to another model file.
    """
    if backend == "reference":
        return {}  # the references come from the store, not from a model
    ident: dict[str, Any] = {"hf_id": model.hf_id, "endpoint": settings.endpoint or model.endpoint}
    try:
        if backend == "llamacpp":
            from contest_eval.generate.llamacpp_backend import file_sha256, resolve_model_file

            path = resolve_model_file(model.hf_id or "")
            ident.update(model_file=str(path), model_sha256=file_sha256(path))
        if backend == "replay" and replay_file is not None:
            ident["replay_sha256"] = hashlib.sha256(replay_file.read_bytes()).hexdigest()
    except (GenerationError, OSError) as exc:
        raise PlanError(f"model {model.name} with --backend {backend}: {exc}") from None
    # Only what changes the outputs; empty adds nothing, so older runs keep their fingerprint.
    matters = {k: v for k, v in (options.get("engine_args") or {}).items() if k not in OUTPUT_NEUTRAL_ENGINE_ARGS}
    if matters:
        ident["engine_args"] = matters
    if options.get("extra_sampling"):
        ident["extra_sampling"] = dict(options["extra_sampling"])
    return ident


def choose_problems(session: Session, model: Model, selection: Selection) -> ProblemChoice:

    boundary = model.boundary_end()
    if selection.slugs:
        # Exact problems (weekly batches): asked of the store directly, not filtered from every problem.
        query = (select(Problem).where(Problem.slug.in_(list(selection.slugs)))
                 .order_by(Problem.release_time, Problem.contest_index, Problem.slug))
        if selection.platform:
            query = query.where(Problem.platform == selection.platform)
        chosen = [p for p in session.scalars(query)
                  if (selection.since is None or (p.release_time and p.release_time >= selection.since))
                  and (selection.until is None or (p.release_time and p.release_time < selection.until))]
    else:
        chosen = list_problems(session, selection.platform, selection.since, selection.until, selection.contests)
    seen = [p.slug for p in chosen
            if not selection.include_seen and boundary and p.release_time and p.release_time <= boundary]
    no_suite = [p.slug for p in chosen if latest_suite(session, p.id) is None]
    runnable = [p for p in chosen if p.slug not in seen and p.slug not in no_suite]
    for p in runnable:
        list(p.references)  # loaded now: the reference backend reads them after the session closes
    return ProblemChoice(chosen, runnable, seen, no_suite, boundary)


def find_model(session: Session, name: str) -> Model:
    return model_named(session, name, PlanError)


def plan_run(session: Session, model_name: str, ov: Overrides, selection: Selection,
             window: dict[str, Any] | None = None) -> PlannedRun:
    """Everything a run needs, or a :class:`PlanError` before anything is stored."""
    from contest_eval.languages import LanguageError, load_language
    from contest_eval.run.pipeline import RunPlan

    model = find_model(session, model_name)
    backend, settings = effective_settings(model, ov)
    language = settings.languages[0] if settings.languages else DEFAULT_LANGUAGE
    try:
        load_language(language)
    except LanguageError as exc:
        raise PlanError(str(exc)) from None
    sampling = sampling_of(settings)
    rollouts = settings.rollouts or 1
    if sampling.temperature == 0 and rollouts > 1 and backend != "reference":
        # Greedy decoding repeats one attempt n times; pass@n over copies would be a lie.
        raise PlanError(f"--temperature 0 with {rollouts} rollouts gives {rollouts} identical attempts; "
                        "use --rollouts 1 or a temperature > 0")
    check_flags(backend, ov)
    replay_file = ov.replay_file
    if replay_file is None and backend == "replay" and settings.engine_args.get("replay_file"):
        replay_file = Path(str(settings.engine_args["replay_file"]))
    if backend == "replay" and replay_file is None:
        raise PlanError("--backend replay needs --replay-file (or a stored replay_file engine arg)")
    options = backend_options(backend, settings, replay_file)
    identity = identity_of(backend, model, settings, options, replay_file)
    choice = choose_problems(session, model, selection)
    if not choice.runnable:
        raise PlanError(f"no judgeable problems selected ({len(choice.chosen)} matched; {len(choice.seen)} on or before "
                        f"the boundary, {len(choice.no_suite)} without a suite)")
    plan = RunPlan(model, backend, options, language, rollouts, sampling, choice.runnable, ov.preset,
                   window if window is not None else selection.window(), identity)
    return PlannedRun(plan, settings, choice, replay_file)


def make_backend(planned: PlannedRun) -> Any:
    """Start the planned backend; a backend that cannot start is a :class:`PlanError`."""
    from contest_eval.generate.backend import get_backend
    from contest_eval.run.reference import ReferenceBackend, pick_reference

    plan = planned.plan
    name, model, options = plan.backend_name, plan.model, plan.backend_options
    if name == "reference":
        codes = {p.slug: code for p in plan.problems if (code := pick_reference(list(p.references), plan.language))}
        return ReferenceBackend(codes, plan.language)
    try:
        if name == "openai":
            endpoint = planned.settings.endpoint or model.endpoint
            return get_backend(name, base_url=endpoint, model=model.hf_id or model.name, **options)
        if name == "llamacpp":
            return get_backend(name, model_path=plan.identity["model_file"], **options)
        if name == "vllm":
            return get_backend(name, model=model.hf_id, revision=model.revision, **options)
        return get_backend(name, **options)
    except (GenerationError, ValueError, TypeError, OSError) as exc:
        raise PlanError(f"backend {name}: {exc}") from None


def record_engine(factory: Any, run_id: int, gen: Any) -> None:
    """Store what the backend says about its engine (model file, sha256, build flags) on the run."""
    provenance = getattr(gen, "provenance", None)
    if not callable(provenance):
        return
    from contest_eval.db.models import Run

    info = provenance()
    with factory() as s, s.begin():
        row = s.get(Run, run_id)
        if row is not None:
            # A new dict: SQLAlchemy only notices a JSON column change on reassignment.
            row.params = {**(row.params or {}), "engine": info}
