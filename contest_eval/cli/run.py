"""``contest-eval run``: first attempts generated, judged and stored, resumably.

A thin shell: :mod:`contest_eval.run.plan` decides what runs (problems,
boundary, suites, backend and its options, identity); this module turns flags
into :class:`Overrides`, prints, and drives the pipeline with progress bars.
"""

from __future__ import annotations

import time
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from contest_eval.cli.executor import EXECUTOR_OPTION, RAY_ADDRESS_OPTION, Executor, make_judge, workers_for
from contest_eval.cli.output import console, emit_json, err_console, fail, parse_day, state
from contest_eval.db.engine import open_store
from contest_eval.run.plan import PRESETS, PlannedRun, PlanError

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


def run(
    model: str = typer.Option(..., "--model", help="A registered model (see `models add`)."),
    backend: BackendName | None = typer.Option(
        None, "--backend", help="Generation backend (default: the model's stored backend, else llamacpp); "
                                "reference submits the trusted reference solutions."),
    since: str | None = typer.Option(None, "--since", help="Problems released at or after this UTC date."),
    until: str | None = typer.Option(None, "--until", help="Problems released before this UTC date."),
    contest: list[str] = typer.Option([], "--contest", help="Contest slug (repeatable)."),
    platform: PlatformName | None = typer.Option(None, "--platform", help="Only problems of this platform."),
    lang: str | None = typer.Option(None, "--lang", help="Target language (default: the model's first stored language, else python3)."),
    rollouts: int | None = typer.Option(None, "--rollouts", min=1, help="Independent first attempts per problem (default: stored, else 1)."),
    temperature: float | None = typer.Option(None, "--temperature", min=0.0, help="Default: stored, else 1.0."),
    top_p: float | None = typer.Option(None, "--top-p", help="Default: stored, else 0.95."),
    top_k: int | None = typer.Option(None, "--top-k", help="-1 disables top-k (default: stored, else -1)."),
    max_tokens: int | None = typer.Option(None, "--max-tokens", help="Default: stored, else no cap below the model's maximum."),
    seed: int | None = typer.Option(None, "--seed", help="Default: stored, else 0."),
    preset: PresetName | None = typer.Option(None, "--preset", help="A named protocol (contests, rollouts, language, sampling)."),
    replay_file: Path | None = typer.Option(None, "--replay-file", help="JSONL of {problem, rollout, text} for --backend replay."),
    engine_arg: list[str] = typer.Option([], "--engine-arg", metavar="KEY=VALUE",
                                         help="vLLM engine argument (repeatable), over the stored ones; values are JSON literals or strings."),
    concurrency: int | None = typer.Option(None, "--concurrency", min=1, help="Requests in flight for --backend openai (default: stored, else 8)."),
    include_seen: bool = typer.Option(False, "--include-seen", help="Also run problems released on or before the model's boundary."),
    judge_workers: int = typer.Option(2, "--judge-workers", min=1),
    executor: Executor = EXECUTOR_OPTION,
    ray_address: str | None = RAY_ADDRESS_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the run id and counts as JSON."),
) -> None:
    """Generate one first-attempt solution per problem and rollout, judge each, store everything.

    Settings stored with the model (`models add`) apply unless a flag says otherwise.
    Re-running the same command resumes the run: nothing stored is redone.
    """
    from contest_eval.generate.settings import SettingsError, parse_engine_args
    from contest_eval.run.pipeline import open_run
    from contest_eval.run.plan import Overrides, Selection, make_backend, plan_run

    p = PRESETS[preset.value] if preset else {}
    try:
        engine_args = parse_engine_args(engine_arg)
    except SettingsError as exc:
        fail(f"--engine-arg: {exc}")
    ov = Overrides(backend=backend.value if backend else None, language=lang, rollouts=rollouts, temperature=temperature,
                   top_p=top_p, top_k=top_k, max_tokens=max_tokens, seed=seed, preset=preset.value if preset else None,
                   replay_file=replay_file, engine_args=engine_args, concurrency=concurrency)
    selection = Selection(platform=platform.value if platform else p.get("platform"), since=parse_day(since, "--since"),
                          until=parse_day(until, "--until"), contests=tuple(contest or p.get("contests", [])),
                          include_seen=include_seen)
    window = {"since": since, "until": until, "contests": list(selection.contests), "platform": platform.value if platform else None}
    _, factory = open_store(state["db"])
    with factory() as s:
        try:
            planned = plan_run(s, model, ov, selection, window)
            # The backend starts before the run row exists: a backend that cannot start leaves no orphan run.
            gen = make_backend(planned)
        except PlanError as exc:
            fail(str(exc))
        run_row = open_run(s, planned.plan)
        s.commit()
        run_id = run_row.id
    _print_left_out(planned)
    summary = drive(factory, planned, gen, run_id, make_judge(executor, ray_address), judge_workers)
    if as_json:
        emit_json(summary)
    else:
        console.print(f"run {run_id}: {summary['problems']} problems × {summary['rollouts']} rollouts; generated {summary['generated']}, "
                      f"judged {summary['judged']} this time ({summary['seconds']} s). Report: contest-eval report {run_id}")


def _print_left_out(planned: PlannedRun) -> None:
    choice = planned.choice
    for slug in choice.seen:
        assert choice.boundary is not None
        err_console.print(f"excluded {slug}: released on or before the boundary {choice.boundary:%Y-%m-%d}", highlight=False)
    for slug in choice.no_suite:
        err_console.print(f"skipped {slug}: no test suite (contest-eval suite build …)", highlight=False)


def drive(factory: Any, planned: PlannedRun, gen: Any, run_id: int, judge: Any, judge_workers: int) -> dict[str, Any]:
    """Generate and judge what the run still misses, with progress bars; closes the backend.

    A generation failure is a one-line error (exit 2): what finished is stored
    and the same command resumes.
    """
    from contest_eval.generate.backend import GenerationError
    from contest_eval.run.pipeline import Pipeline
    from contest_eval.run.plan import record_engine

    plan = planned.plan
    record_engine(factory, run_id, gen)
    total = len(plan.problems) * plan.rollouts
    started = time.monotonic()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err_console,
                  transient=not err_console.is_terminal) as progress:
        tasks = {"generated": progress.add_task("generated", total=total), "judged": progress.add_task("judged", total=total)}
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
    summary = {"run": run_id, "problems": len(plan.problems), "rollouts": plan.rollouts, **counts,
               "seconds": round(time.monotonic() - started, 1)}
    if counts.get("missing"):
        err_console.print(f"run {run_id} is incomplete: the backend returned no completion for {counts['missing']} "
                          "planned attempt(s); re-run the same command to finish it", highlight=False, markup=False)
    return summary
