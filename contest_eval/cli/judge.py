"""``contest-eval judge …``: submit a solution, manage judge images."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from contest_eval.cli.output import console, emit_json, fail
from contest_eval.judge.images import ImageError, build_images, list_images
from contest_eval.languages import LANGUAGES, LanguageError, load_language
from contest_eval.judge.sandbox import SandboxError, docker_client, gc_orphans
from contest_eval.judge.spec import ProblemSpec, SpecError, judgeable, load_spec
from contest_eval.judge.verdict import JudgeResult, Verdict

app = typer.Typer(help="Judge solutions in the hardened Docker sandbox.", no_args_is_help=True)
images_app = typer.Typer(help="Build and list the judge images.", no_args_is_help=True)
app.add_typer(images_app, name="images")

VERDICT_STYLE = {Verdict.AC: "green", Verdict.WA: "red", Verdict.CE: "yellow", Verdict.IE: "magenta"}


def _check_languages(langs: list[str]) -> list[str]:
    for lang in langs:
        try:
            load_language(lang)
        except LanguageError as exc:
            fail(str(exc))
    return langs


def _client():  # type: ignore[no-untyped-def]
    try:
        return docker_client()
    except SandboxError as exc:
        fail(str(exc))


def _print_result(result: JudgeResult) -> None:
    style = VERDICT_STYLE.get(result.verdict, "red")
    console.print(f"[bold {style}]{result.verdict.value}[/]  {result.passed}/{len(result.tests)} tests passed  "
                  f"({result.language}, {result.cpu_ms} ms CPU, {result.memory_kb // 1024} MB peak)")
    if result.verdict is Verdict.CE:
        console.print(result.compile_output[-3000:], markup=False, highlight=False)
        return
    if result.message:
        console.print(result.message, markup=False)
    table = Table("test", "verdict", "cpu ms", "wall ms", "memory KB", "exit", "note")
    for t in result.tests:
        exit_desc = f"signal {t.signal}" if t.signal else ("" if t.exit_code is None else str(t.exit_code))
        table.add_row(str(t.index), t.verdict.value, str(t.cpu_ms), str(t.wall_ms), str(t.memory_kb), exit_desc,
                      t.message.splitlines()[-1][:60] if t.message else "")
    console.print(table)
    console.print(f"image: {result.image}", highlight=False)


@app.command()
def submit(
    paths: list[Path] = typer.Argument(..., metavar="[PROBLEM.json] SOLUTION",
                                       help="A self-contained problem spec (JSON: kind, metadata, compare, limits, tests) and the "
                                            "source file; with --problem, only the source file."),
    lang: str = typer.Option(..., "--lang", "-l", help=f"Language: {', '.join(LANGUAGES)}."),
    problem_slug: str | None = typer.Option(None, "--problem", help="Judge against this stored problem's newest suite."),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="Stop at the first failing test (default: run every test)."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Judge SOLUTION against PROBLEM's hidden tests and print the verdict.

    Exits 0 whenever judging happened, whatever the verdict; non-zero with a
    one-line error for a bad spec, an unknown language or a missing image.
    """
    from contest_eval.judge.engine import Judge, Options

    _check_languages([lang])
    base_dir: Path | None = None
    if problem_slug is not None:
        if len(paths) != 1:
            fail("with --problem give only the solution file")
        spec = _stored_spec(problem_slug)
    else:
        if len(paths) != 2:
            fail("give PROBLEM.json and SOLUTION (or --problem SLUG and SOLUTION)")
        try:
            spec = judgeable(load_spec(paths[0]))
        except SpecError as exc:
            fail(str(exc))
        base_dir = paths[0].parent
    solution = paths[-1]
    try:
        source = solution.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read solution {solution}: {exc}")
    try:
        result = Judge(_client(), warm=False).judge(spec, lang, source, Options(fail_fast=fail_fast), base_dir=base_dir)
    except (ImageError, SandboxError, LanguageError, SpecError) as exc:
        fail(str(exc))
    if as_json:
        emit_json(result.to_json())
    else:
        _print_result(result)


def _stored_spec(slug: str) -> ProblemSpec:
    from contest_eval.cli.output import state
    from contest_eval.db.catalog import find_problem, latest_suite
    from contest_eval.db.engine import StoreError, session_scope
    from contest_eval.db.specs import NoSuiteError, spec_for

    try:
        with session_scope(state["db"]) as session:
            problem = find_problem(session, slug)
            if problem is None:
                fail(f"no problem {slug!r} in the store")
            return spec_for(problem, latest_suite(session, problem.id))
    except (NoSuiteError, SpecError, StoreError) as exc:
        fail(str(exc))


@app.command()
def gc(
    older_than: int = typer.Option(3600, "--older-than", min=0, help="Also remove judge containers older than this many seconds."),
) -> None:
    """Remove judge containers left behind by a crashed run (their owner process is gone)."""
    console.print(f"removed {gc_orphans(_client(), max_age_s=older_than)} container(s)")


@images_app.command("build")
def images_build(
    lang: list[str] = typer.Option(list(LANGUAGES), "--lang", "-l", help="Language(s) to build (repeatable; default all)."),
    from_registry: bool = typer.Option(False, "--from-registry", help="Build on the official base image instead of debootstrap."),
) -> None:
    """Build the judge images (idempotent: tags are recipe hashes)."""
    langs = _check_languages(lang)
    client = _client()
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console) as progress:
        task = progress.add_task("judge images", total=None)

        def report(line: str) -> None:
            progress.update(task, description=line[:100])
            if "built" in line or "present" in line:
                progress.console.print(line, highlight=False)

        try:
            build_images(client, langs, report, from_registry)
        except ImageError as exc:
            fail(str(exc))


@images_app.command("list")
def images_list(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Show each language's image tag, digest, size and toolchain version."""
    infos = list_images(_client())
    if as_json:
        emit_json([i.__dict__ for i in infos])
        return
    table = Table("language", "tag", "present", "digest", "size MB", "toolchain", "LeetCode documents / differences")
    for i in infos:
        env = i.environment or {}
        table.add_row(i.language, i.tag, "yes" if i.present else "no", i.digest[7:19], str(i.size_mb), i.version,
                      f"{env.get('leetcode', '')}\n[dim]differs: {env.get('differences', '') or 'nothing known'}[/dim]"
                      if env else "")
    console.print(table)
