"""``contest-eval models …``, ``run``, ``report``, ``leaderboard``."""

from __future__ import annotations

import time
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import select

from contest_eval.cli.executor import EXECUTOR_OPTION, RAY_ADDRESS_OPTION, Executor, make_judge, workers_for
from contest_eval.cli.output import console, emit_json, err_console, fail, parse_day, state
from contest_eval.db.catalog import latest_suite, list_problems
from contest_eval.db.engine import open_store, session_scope
from contest_eval.db.models import Model, Problem

models_app = typer.Typer(help="Register the models you evaluate.", no_args_is_help=True)

# The VibeThinker-3B protocol (research/anchors_eval.md §0): 8 contests × 4 problems × 4 rollouts.
PRESETS: dict[str, dict[str, Any]] = {
    "vibethinker-leetcode": {
        "contests": ["biweekly-contest-181", "biweekly-contest-182", "biweekly-contest-183", "weekly-contest-499",
                     "weekly-contest-500", "weekly-contest-502", "weekly-contest-503", "weekly-contest-504"],
        "platform": "leetcode", "rollouts": 4, "lang": "python3", "temperature": 1.0, "top_p": 0.95, "top_k": -1,
        "max_tokens": None,
    },
}
DEFAULT_SMOLLM = "SmolLM2-135M-Instruct"


# Choices are enums so `--help` lists them and a bad value is a usage error
# (exit 2) before anything is stored.
class BackendName(str, Enum):
    vllm = "vllm"
    openai = "openai"
    llamacpp = "llamacpp"
    replay = "replay"
    reference = "reference"  # the trusted reference solutions: a sanity check of the pipeline


PresetName = Enum("PresetName", {name: name for name in PRESETS}, type=str)  # type: ignore[misc]


class PlatformName(str, Enum):
    leetcode = "leetcode"
    codeforces = "codeforces"
    atcoder = "atcoder"
    sample = "sample"


class WindowBy(str, Enum):
    month = "month"
    week = "week"


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date like 2025-01-31, got {value!r}")


@models_app.command("add")
def models_add(
    name: str = typer.Argument(..., help="A name for the model in reports."),
    hf_id: str | None = typer.Option(None, "--hf-id", help="Hugging Face id (or a local GGUF path for llamacpp)."),
    endpoint: str | None = typer.Option(None, "--endpoint", help="OpenAI-compatible base URL, e.g. http://host:8000/v1."),
    revision: str | None = typer.Option(None, "--revision", help="Model revision (commit) to pin."),
    cutoff: str = typer.Option(..., "--cutoff", help="Declared training-data cutoff (YYYY-MM-DD)."),
    released: str | None = typer.Option(None, "--released", help="Release date (YYYY-MM-DD)."),
    boundary: str | None = typer.Option(None, "--boundary", help="Explicit contamination boundary (default: later of cutoff and release)."),
) -> None:
    """Add or update a model; its contamination boundary decides which problems count."""
    if not hf_id and not endpoint:
        fail("give --hf-id or --endpoint")
    with session_scope(state["db"]) as s:
        model = s.scalar(select(Model).where(Model.name == name)) or Model(name=name)
        model.hf_id, model.endpoint, model.revision = hf_id, endpoint, revision
        model.cutoff, model.released, model.boundary = _date(cutoff, "--cutoff"), _date(released, "--released"), _date(boundary, "--boundary")
        s.add(model)
    console.print(f"model {name} saved")


@models_app.command("list")
def models_list(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """List registered models with their boundaries."""
    from contest_eval.run.pipeline import boundary_of

    with session_scope(state["db"]) as s:
        rows = [{"name": m.name, "hf_id": m.hf_id, "endpoint": m.endpoint, "revision": m.revision,
                 "cutoff": str(m.cutoff) if m.cutoff else None, "released": str(m.released) if m.released else None,
                 "boundary": (boundary_of(m) or "").__str__()[:10] or None} for m in s.scalars(select(Model).order_by(Model.name))]
    if as_json:
        emit_json(rows)
        return
    table = Table("name", "hf id / endpoint", "revision", "cutoff", "released", "boundary")
    for r in rows:
        table.add_row(r["name"], r["hf_id"] or r["endpoint"] or "", r["revision"] or "", r["cutoff"] or "", r["released"] or "", r["boundary"] or "")
    console.print(table)


def _identity(name: str, model: Model, replay_file: Path | None) -> dict[str, Any]:
    """What the outputs come from beyond the model's name (part of the run's fingerprint).

    Refuses, before anything is stored, a model the backend cannot run as
    registered: llamacpp never falls back to another model file.
    """
    from contest_eval.generate.backend import GenerationError

    if name == "reference":
        return {}  # the references come from the store, not from a model
    ident: dict[str, Any] = {"hf_id": model.hf_id, "endpoint": model.endpoint}
    try:
        if name == "llamacpp":
            from contest_eval.generate.llamacpp_backend import file_sha256, resolve_model_file

            path = resolve_model_file(model.hf_id or "")
            ident.update(model_file=str(path), model_sha256=file_sha256(path))
        if name == "replay" and replay_file is not None:
            import hashlib

            ident["replay_sha256"] = hashlib.sha256(replay_file.read_bytes()).hexdigest()
    except (GenerationError, OSError) as exc:
        fail(f"model {model.name} with --backend {name}: {exc}")
    return ident


def _backend(name: str, model: Model, problems: list[Problem], lang: str, options: dict[str, Any],
             identity: dict[str, Any]) -> Any:
    from contest_eval.generate.backend import GenerationError, get_backend
    from contest_eval.run.reference import ReferenceBackend, pick_reference

    if name == "reference":
        codes = {p.slug: code for p in problems if (code := pick_reference(list(p.references), lang))}
        return ReferenceBackend(codes, lang)
    try:
        if name == "openai":
            return get_backend(name, base_url=model.endpoint, model=model.hf_id or model.name, **options)
        if name == "llamacpp":
            return get_backend(name, model_path=identity["model_file"], **options)
        if name == "vllm":
            return get_backend(name, model=model.hf_id, revision=model.revision, **options)
        return get_backend(name, **options)
    except (GenerationError, ValueError, TypeError, OSError) as exc:
        fail(f"backend {name}: {exc}")


def run(
    model: str = typer.Option(..., "--model", help="A registered model (see `models add`)."),
    backend: BackendName = typer.Option(BackendName.llamacpp, "--backend",
                                        help="Generation backend; reference submits the trusted reference solutions."),
    since: str | None = typer.Option(None, "--since", help="Problems released at or after this UTC date."),
    until: str | None = typer.Option(None, "--until", help="Problems released before this UTC date."),
    contest: list[str] = typer.Option([], "--contest", help="Contest slug (repeatable)."),
    platform: PlatformName | None = typer.Option(None, "--platform", help="Only problems of this platform."),
    lang: str | None = typer.Option(None, "--lang", help="Target language (default python3)."),
    rollouts: int | None = typer.Option(None, "--rollouts", min=1, help="Independent first attempts per problem."),
    temperature: float | None = typer.Option(None, "--temperature", min=0.0),
    top_p: float | None = typer.Option(None, "--top-p"),
    top_k: int | None = typer.Option(None, "--top-k", help="-1 disables top-k."),
    max_tokens: int | None = typer.Option(None, "--max-tokens", help="Default: no cap below the model's maximum."),
    seed: int = typer.Option(0, "--seed"),
    preset: PresetName | None = typer.Option(None, "--preset", help="A named protocol (contests, rollouts, language, sampling)."),
    replay_file: Path | None = typer.Option(None, "--replay-file", help="JSONL of {problem, rollout, text} for --backend replay."),
    include_seen: bool = typer.Option(False, "--include-seen", help="Also run problems released on or before the model's boundary."),
    judge_workers: int = typer.Option(2, "--judge-workers", min=1),
    executor: Executor = EXECUTOR_OPTION,
    ray_address: str | None = RAY_ADDRESS_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the run id and counts as JSON."),
) -> None:
    """Generate one first-attempt solution per problem and rollout, judge each, store everything.

    Re-running the same command resumes the run: nothing stored is redone.
    """
    from contest_eval.generate.backend import GenerationError, Sampling
    from contest_eval.languages import LanguageError, load_language
    from contest_eval.run.pipeline import Pipeline, RunPlan, boundary_of, open_run

    p = dict(PRESETS[preset.value]) if preset else {}
    backend_name = backend.value
    contests = contest or p.get("contests", [])
    language = lang or p.get("lang", "python3")
    try:
        load_language(language)
    except LanguageError as exc:
        fail(str(exc))
    try:
        sampling = Sampling(temperature=temperature if temperature is not None else p.get("temperature", 1.0),
                            top_p=top_p if top_p is not None else p.get("top_p", 0.95),
                            top_k=top_k if top_k is not None else p.get("top_k", -1),
                            max_tokens=max_tokens if max_tokens is not None else p.get("max_tokens"), seed=seed)
    except ValueError as exc:
        fail(str(exc))
    n_rollouts = rollouts or p.get("rollouts", 1)
    if sampling.temperature == 0 and n_rollouts > 1 and backend_name != "reference":
        # Greedy decoding repeats one attempt n times; pass@n over copies would be a lie.
        fail(f"--temperature 0 with {n_rollouts} rollouts gives {n_rollouts} identical attempts; use --rollouts 1 or a temperature > 0")
    _, factory = open_store(state["db"])
    with factory() as s:
        m = s.scalar(select(Model).where(Model.name == model))
        if m is None:
            fail(f"unknown model {model!r}; add it with: contest-eval models add")
        if backend_name == "replay" and not replay_file:
            fail("--backend replay needs --replay-file")
        identity = _identity(backend_name, m, replay_file)  # refuses a model the backend cannot run as registered
        boundary = boundary_of(m)
        chosen = list_problems(s, platform.value if platform else p.get("platform"), parse_day(since, "--since"), parse_day(until, "--until"), contests)
        skipped_seen = [x.slug for x in chosen if not include_seen and boundary and x.release_time and x.release_time <= boundary]
        no_suite = [x.slug for x in chosen if latest_suite(s, x.id) is None]
        problems = [x for x in chosen if x.slug not in skipped_seen and x.slug not in no_suite]
        for x in problems:
            list(x.references)  # load before the session closes
        if not problems:
            fail(f"no judgeable problems selected ({len(chosen)} matched; {len(skipped_seen)} on or before the boundary, "
                 f"{len(no_suite)} without a suite)")
        options: dict[str, Any] = {"path": replay_file} if backend_name == "replay" and replay_file else {}
        plan = RunPlan(m, backend_name, options, language, n_rollouts, sampling, problems, preset.value if preset else None,
                       {"since": since, "until": until, "contests": contests, "platform": platform.value if platform else None},
                       identity)
        # The backend starts before the run row exists: a backend that cannot start leaves no orphan run.
        gen = _backend(backend_name, plan.model, problems, language, options, identity)
        run_row = open_run(s, plan)
        s.commit()
        run_id = run_row.id
    for slug in skipped_seen:
        err_console.print(f"excluded {slug}: released on or before the boundary {boundary:%Y-%m-%d}", highlight=False)
    for slug in no_suite:
        err_console.print(f"skipped {slug}: no test suite (contest-eval suite build …)", highlight=False)
    _record_engine(factory, run_id, gen)
    total = len(problems) * plan.rollouts
    started = time.monotonic()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err_console,
                  transient=not err_console.is_terminal) as progress:
        tasks = {"generated": progress.add_task("generated", total=total), "judged": progress.add_task("judged", total=total)}
        judge = make_judge(executor, ray_address)
        pipe = Pipeline(factory, judge, gen, plan, run_id, lambda what, n: progress.advance(tasks[what], n),
                        workers_for(judge, judge_workers))
        already = total - len(pipe.missing_requests())
        progress.advance(tasks["generated"], already)
        progress.advance(tasks["judged"], already - len(pipe.unjudged()))
        try:
            counts = pipe.execute()
        except GenerationError as exc:
            fail(f"generation failed (everything finished so far is stored; re-run to resume): {exc}")
        finally:
            close = getattr(gen, "close", None)
            if callable(close):
                close()
    summary = {"run": run_id, "problems": len(problems), "rollouts": plan.rollouts, **counts, "seconds": round(time.monotonic() - started, 1)}
    if counts.get("missing"):
        err_console.print(f"run {run_id} is incomplete: the backend returned no completion for {counts['missing']} "
                          "planned attempt(s); re-run the same command to finish it", highlight=False, markup=False)
    if as_json:
        emit_json(summary)
    else:
        console.print(f"run {run_id}: {len(problems)} problems × {plan.rollouts} rollouts; generated {counts['generated']}, "
                      f"judged {counts['judged']} this time ({summary['seconds']} s). Report: contest-eval report {run_id}")


def _record_engine(factory: Any, run_id: int, gen: Any) -> None:
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


def report(
    run_id: int = typer.Argument(..., metavar="RUN", help="Run id."),
    include_seen: bool = typer.Option(False, "--include-seen", help="Count problems on or before the boundary in the headline."),
    per_problem: bool = typer.Option(False, "--per-problem", help="Also list every problem's solve rate."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
    html: Path | None = typer.Option(None, "--html", help="Also write a self-contained HTML report here."),
) -> None:
    """Acceptance of one run with Wilson intervals, per problem, contest, difficulty, language and verdict."""
    from contest_eval.report import queries, render, summary as summ, leaderboard as lb

    with session_scope(state["db"]) as s:
        try:
            info = queries.load_run_info(s, run_id)
        except LookupError as exc:
            fail(str(exc))
        rows = queries.load_run_rows(s, run_id)
    result = summ.summarize(rows, boundary=None if include_seen else info.boundary, status=info.status)
    if as_json:
        emit_json(render.summary_to_json(result, info))
    else:
        render.print_summary(result, console, title=f"run {run_id}: {info.model}", per_problem=per_problem)
    if html is not None:
        _, protocol = queries.protocol_of(info.language, info.rollouts, info.params)
        entry = lb.ModelEntry(info.model, info.boundary, rows, protocol, info.backend in queries.PSEUDO_BACKENDS, (run_id,))
        board = lb.build_leaderboard([entry], lb.make_windows([entry], "month"), "month")
        render.write_html(html, title=f"contest-eval run {run_id}: {info.model}", summary=result, leaderboard=board)
        err_console.print(f"wrote {html}")


def leaderboard(
    by: WindowBy = typer.Option(WindowBy.month, "--by", help="Window length."),
    model: list[str] = typer.Option([], "--model", help="Only this model (repeatable)."),
    lang: list[str] = typer.Option([], "--lang", help="Only runs in this language (repeatable)."),
    since: str | None = typer.Option(None, "--since", help="First window starts at this UTC date."),
    until: str | None = typer.Option(None, "--until", help="Last window ends before this UTC date."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
    html: Path | None = typer.Option(None, "--html", help="Also write an HTML leaderboard with a plot."),
) -> None:
    """Models × time windows over finished runs; one row per model and protocol.

    A window containing a model's boundary is flagged, not ranked; pseudo-models
    (reference solutions) are a sanity row, never ranked; unfinished runs are left out.
    """
    from contest_eval.report import leaderboard as lb, queries, render

    with session_scope(state["db"]) as s:
        data = queries.load_leaderboard(s, models=model or None, languages=lang or None)
    if not data.entries:
        fail("no finished runs match" + (f" ({'; '.join(data.notes)})" if data.notes else ""))
    entries = data.entries
    board = lb.build_leaderboard(entries, lb.make_windows(entries, by.value, since=parse_day(since, "--since"),
                                                          until=parse_day(until, "--until")), by.value)
    board.notes[:0] = data.notes
    if as_json:
        emit_json(render.leaderboard_to_json(board))
    else:
        render.print_leaderboard(board, console)
    if html is not None:
        render.write_html(html, title="contest-eval leaderboard", leaderboard=board)
        err_console.print(f"wrote {html}")

