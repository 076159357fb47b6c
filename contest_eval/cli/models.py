"""``contest-eval models …``: register the models you evaluate, and how to serve them.

``models add`` stores the model's identity (HF id or endpoint, revision), its
contamination dates, and its backend settings (``models.settings``, see
:mod:`contest_eval.generate.settings`), which ``run`` and ``weekly`` use unless
a flag overrides them. Re-running ``models add`` updates the model: the
settings given are merged into the stored ones (``--clear-settings`` starts
from none). An API key is never stored: only the name of the environment
variable that holds it.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from typing import Any

import typer
from rich.table import Table
from sqlalchemy import select

from contest_eval.cli.output import console, emit_json, fail, state
from contest_eval.db.engine import session_scope
from contest_eval.db.models import Model

models_app = typer.Typer(help="Register the models you evaluate.", no_args_is_help=True)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date like 2025-01-31, got {value!r}")


def _given_settings(backend: str | None, endpoint: str | None, engine_arg: list[str], temperature: float | None,
                    top_p: float | None, top_k: int | None, max_tokens: int | None, sampling_arg: list[str],
                    rollouts: int | None, lang: list[str], api_key_env: str | None, concurrency: int | None) -> Any:
    """The settings named on the command line, validated (one-line errors)."""
    from contest_eval.generate.settings import ModelSettings, check_api_key_env, parse_engine_args
    from contest_eval.languages import LanguageError, load_language

    if api_key_env is not None:
        try:
            check_api_key_env(api_key_env)  # before anything else could echo the value
        except ValueError as exc:
            fail(str(exc))
    try:
        engine_args = parse_engine_args(engine_arg)
        sampling = parse_engine_args(sampling_arg)
    except ValueError as exc:
        fail(f"--engine-arg/--sampling-arg: {exc}")
    for key, value in (("temperature", temperature), ("top_p", top_p), ("top_k", top_k), ("max_tokens", max_tokens)):
        if value is not None:
            sampling[key] = value
    for name in lang:
        try:
            load_language(name)
        except (LanguageError, OSError) as exc:
            fail(f"--lang {name}: {exc}")
    try:
        return ModelSettings(backend=backend, endpoint=endpoint, engine_args=engine_args, sampling=sampling,
                             rollouts=rollouts, languages=list(dict.fromkeys(lang)), api_key_env=api_key_env,
                             concurrency=concurrency)
    except ValueError as exc:
        fail(str(exc))


@models_app.command("add")
def models_add(
    name: str = typer.Argument(..., help="A name for the model in reports."),
    hf_id: str | None = typer.Option(None, "--hf-id", help="Hugging Face id (or a local GGUF path for llamacpp)."),
    endpoint: str | None = typer.Option(None, "--endpoint", help="OpenAI-compatible base URL, e.g. http://host:8000/v1."),
    revision: str | None = typer.Option(None, "--revision", help="Model revision (commit) to pin."),
    cutoff: str = typer.Option(..., "--cutoff", help="Declared training-data cutoff (YYYY-MM-DD)."),
    released: str | None = typer.Option(None, "--released", help="Release date (YYYY-MM-DD)."),
    boundary: str | None = typer.Option(None, "--boundary", help="Explicit contamination boundary (default: later of cutoff and release)."),
    backend: str | None = typer.Option(None, "--backend", help="Backend that serves this model: vllm, openai, llamacpp or replay."),
    engine_arg: list[str] = typer.Option([], "--engine-arg", help="vLLM engine argument key=value (repeatable), e.g. tensor_parallel_size=2, max_model_len=32768, dtype=bfloat16; values are JSON literals or strings. With --backend replay: replay_file=PATH."),
    temperature: float | None = typer.Option(None, "--temperature", help="Sampling temperature."),
    top_p: float | None = typer.Option(None, "--top-p", help="Nucleus sampling threshold."),
    top_k: int | None = typer.Option(None, "--top-k", help="Top-k cut (-1 disables it)."),
    max_tokens: int | None = typer.Option(None, "--max-tokens", help="Completion token cap."),
    sampling_arg: list[str] = typer.Option([], "--sampling-arg", help="Extra sampling parameter key=value (repeatable), e.g. min_p=0.05, repetition_penalty=1.1."),
    rollouts: int | None = typer.Option(None, "--rollouts", help="Rollouts per problem."),
    lang: list[str] = typer.Option([], "--lang", help="Language to evaluate in (repeatable)."),
    api_key_env: str | None = typer.Option(None, "--api-key-env", help="NAME of the environment variable holding the server's API key (never the key itself)."),
    concurrency: int | None = typer.Option(None, "--concurrency", help="Requests in flight at once (openai backend)."),
    clear_settings: bool = typer.Option(False, "--clear-settings", help="Forget the stored backend settings before applying the ones given."),
) -> None:
    """Add or update a model; its contamination boundary decides which problems count."""
    from contest_eval.generate.settings import ModelSettings, merge_settings

    if not hf_id and not endpoint:
        fail("give --hf-id or --endpoint")
    given = _given_settings(backend, endpoint, engine_arg, temperature, top_p, top_k, max_tokens, sampling_arg,
                            rollouts, lang, api_key_env, concurrency)
    dates = _date(cutoff, "--cutoff"), _date(released, "--released"), _date(boundary, "--boundary")
    with session_scope(state["db"]) as s:
        model = s.scalar(select(Model).where(Model.name == name)) or Model(name=name)
        stored = ModelSettings()
        if not clear_settings:
            try:
                stored = ModelSettings.from_json(model.settings)
            except ValueError as exc:
                fail(f"stored settings of {name} are unreadable ({exc}); re-run with --clear-settings")
        model.hf_id, model.endpoint, model.revision = hf_id, endpoint, revision
        model.cutoff, model.released, model.boundary = dates
        # The endpoint follows the column, as --hf-id/--revision do: re-adding without one clears it.
        merged = replace(merge_settings(stored, given), endpoint=endpoint)
        model.settings = merged.to_json() or None  # a new dict: JSON columns change on reassignment
        s.add(model)
    console.print(f"model {name} saved")


def _show_row(m: Model) -> dict[str, Any]:
    from contest_eval.generate.settings import ModelSettings

    try:
        settings = ModelSettings.from_json(m.settings)
    except ValueError as exc:
        fail(f"stored settings of {m.name} are unreadable ({exc}); re-run models add with --clear-settings")
    bound = m.boundary_end()
    row: dict[str, Any] = {"name": m.name, "hf_id": m.hf_id, "endpoint": m.endpoint, "revision": m.revision,
                           "cutoff": str(m.cutoff) if m.cutoff else None,
                           "released": str(m.released) if m.released else None,
                           "boundary": str(bound.date()) if bound else None, "settings": settings.to_json()}
    if settings.api_key_env:
        # Whether the key is available to `run` now; its value is never read out.
        row["api_key"] = {"env": settings.api_key_env, "set": bool(os.environ.get(settings.api_key_env))}
    return row


@models_app.command("show")
def models_show(
    name: str = typer.Argument(..., help="The model's name."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Everything stored for one model: identity, dates and backend settings (never an API key)."""
    with session_scope(state["db"]) as s:
        model = s.scalar(select(Model).where(Model.name == name))
        if model is None:
            fail(f"no model named {name!r} (see models list)")
        row = _show_row(model)
    if as_json:
        emit_json(row)
        return
    table = Table("field", "value", show_header=False)
    for key in ("name", "hf_id", "endpoint", "revision", "cutoff", "released", "boundary"):
        table.add_row(key, str(row[key]) if row[key] is not None else "")
    settings = row["settings"]
    for key in ("backend", "rollouts", "languages", "concurrency"):
        if key in settings:
            table.add_row(key, ", ".join(settings[key]) if isinstance(settings[key], list) else str(settings[key]))
    for group in ("engine_args", "sampling"):
        for key, value in sorted(settings.get(group, {}).items()):
            table.add_row(f"{group}.{key}", repr(value))
    if "api_key" in row:
        key = row["api_key"]
        table.add_row("api key", f"from ${key['env']} ({'set' if key['set'] else 'NOT set'} in this environment)")
    console.print(table)


@models_app.command("list")
def models_list(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """List registered models with their boundaries."""

    with session_scope(state["db"]) as s:
        rows = [{"name": m.name, "hf_id": m.hf_id, "endpoint": m.endpoint, "revision": m.revision,
                 "cutoff": str(m.cutoff) if m.cutoff else None, "released": str(m.released) if m.released else None,
                 "boundary": (m.boundary_end() or "").__str__()[:10] or None} for m in s.scalars(select(Model).order_by(Model.name))]
    if as_json:
        emit_json(rows)
        return
    table = Table("name", "hf id / endpoint", "revision", "cutoff", "released", "boundary")
    for r in rows:
        table.add_row(r["name"], r["hf_id"] or r["endpoint"] or "", r["revision"] or "", r["cutoff"] or "", r["released"] or "", r["boundary"] or "")
    console.print(table)
