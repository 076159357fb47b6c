"""``contest-eval audit …``: contamination audits of a registered model."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from contest_eval.cli.output import console, emit_json, fail, state

app = typer.Typer(help="Contamination audits: did a model see these problems before its boundary?", no_args_is_help=True)


def _need_audit_extra() -> None:
    try:
        import sklearn  # noqa: F401
        import statsmodels  # noqa: F401
    except ModuleNotFoundError as exc:
        fail(f"audits need {exc.name}: pip install 'contest-eval[audit]'")


@app.command("time")
def time_command(
    model: str = typer.Argument(..., help="A registered model with runs made with --include-seen."),
    ratings: Path | None = typer.Option(None, "--ratings", help="Contest ratings (zerotrac ratings.txt layout) for LeetCode problems the store has no rating for."),
    resamples: int = typer.Option(200, "--resamples", min=20, help="Bootstrap resamples (over problems) for the cutoff interval."),
    permutations: int = typer.Option(199, "--permutations", min=19, help="Permutations for the test that any step exists."),
    min_side: int = typer.Option(3, "--min-side", min=1, help="Problems needed on each side of a candidate cutoff."),
    seed: int = typer.Option(0, "--seed"),
    html: Path | None = typer.Option(None, "--html", help="Also write an HTML page with the acceptance-by-month plot."),
    store: bool = typer.Option(True, "--store/--no-store", help="Keep the result in the database."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Acceptance across the boundary: per month, difficulty-adjusted odds ratio, effective cutoff."""
    _need_audit_extra()
    from contest_eval.audit.attempts import AuditInputError, find_model, load_attempts, load_ratings, model_boundary
    from contest_eval.audit.results import portable, save_report
    from contest_eval.audit.timeline import time_audit
    from contest_eval.db.engine import open_store

    _, factory = open_store(state["db"])
    try:
        table = load_ratings(ratings) if ratings else None
        with factory() as s:
            m = find_model(s, model)
            model_id, boundary = m.id, model_boundary(m)
            attempts = load_attempts(s, m, table)
        result = time_audit(model, boundary, attempts, resamples=resamples, permutations=permutations,
                            min_side=min_side, seed=seed)
    except (AuditInputError, ValueError) as exc:
        fail(str(exc))
    data = portable(result.to_dict())
    params = {"ratings": str(ratings) if ratings else None, "resamples": resamples, "permutations": permutations,
              "min_side": min_side, "seed": seed}
    if store:
        with factory.begin() as s:
            data["report_id"] = save_report(s, model_id, "time", params, data, result.verdict)
    if html:
        from contest_eval.audit.page import time_page

        html.write_text(time_page(data), encoding="utf-8")
    if as_json:
        emit_json(data)
        return
    _print_time(data)


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _print_time(data: dict[str, Any]) -> None:
    table = Table("month", "accepted", "rate [95% Wilson]", "problems", "side", title=f"{data['model']}: acceptance by release month")
    for cell in data["months"]:
        rate = cell["successes"] / cell["n"]
        side = "after" if cell["after"] else "before"
        table.add_row(cell["month"] + (" (est.)" if cell["estimated"] else ""), f"{cell['successes']}/{cell['n']}",
                      f"{rate:.2f} [{cell['low']:.2f}, {cell['high']:.2f}]", str(cell["problems"]), side)
    console.print(table)
    odds, cut = data["odds_ratio"], data["cutoff"]
    if odds["estimate"] is None:
        console.print(f"odds ratio after/before the boundary: not estimated ({odds['note']})", highlight=False)
    else:
        console.print(f"odds ratio of acceptance after vs before the boundary {data['boundary']}: "
                      f"{odds['estimate']:.3f} [{odds['low']:.3f}, {odds['high']:.3f}] (p={odds['p_value']:.3g}; "
                      f"adjusted for {', '.join(odds['covariates']) or 'nothing'}; errors clustered by problem)", highlight=False)
    found = f"{cut['estimate']} [{cut['low']}, {cut['high']}]" if cut["estimate"] else "—"
    claim = "step found" if cut["claimed"] else "no significant drop"
    console.print(f"declared boundary: {data['boundary'] or '—'}   effective cutoff estimate: {found} "
                  f"(permutation p={_fmt(cut['p_value'], 3)}; {claim})", highlight=False)
    console.print(f"[bold]verdict:[/] {data['verdict']}")


@app.command("list")
def list_command(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """The newest stored audit of each model and kind, with its verdict."""
    from contest_eval.audit.results import latest_reports
    from contest_eval.db.engine import open_store

    _, factory = open_store(state["db"])
    with factory() as s:
        rows = latest_reports(s)
    if as_json:
        emit_json(rows)
        return
    table = Table("id", "model", "audit", "when", "verdict", title="stored audits")
    for r in rows:
        table.add_row(str(r["id"]), r["model"], r["kind"], r["created_at"][:16], r["verdict"])
    console.print(table)


class ScoringBackend(str, Enum):
    llamacpp = "llamacpp"
    openai = "openai"
    vllm = "vllm"
    ngram = "ngram"


class TextChoice(str, Enum):
    statement = "statement"
    reference = "reference"
    both = "both"


def _scorer(backend: ScoringBackend, m: Any, ngram_corpus: Path | None, endpoint: str | None, served_model: str | None,
            top_logprobs: int, api_key_env: str, vllm_exact: bool, max_tokens: int) -> Any:
    if backend is ScoringBackend.ngram:
        from contest_eval.audit.ngram import NgramModel, load_corpus

        if ngram_corpus is None:
            fail("--backend ngram needs --ngram-corpus (JSONL of {\"text\": ...} lines to train on)")
        return NgramModel(load_corpus(ngram_corpus))
    if backend is ScoringBackend.openai:
        from contest_eval.audit.scorers import OpenAICompletionsScorer

        url = endpoint or m.endpoint
        if not url:
            fail("--backend openai needs --endpoint (or a model registered with --endpoint)")
        return OpenAICompletionsScorer(url, served_model or m.hf_id or m.name, top_logprobs, api_key_env)
    if backend is ScoringBackend.vllm:
        from contest_eval.audit.scorers import VllmScorer

        return VllmScorer(served_model or m.hf_id or m.name, exact=vllm_exact, max_tokens=max_tokens)
    from contest_eval.audit.llama_scorer import LlamaCppScorer
    from contest_eval.generate.llamacpp_backend import resolve_model_file

    return LlamaCppScorer(str(resolve_model_file(served_model or m.hf_id or "")), max_tokens=max_tokens)


@app.command("memorization")
def memorization_command(
    model: str = typer.Argument(..., help="A registered model with a boundary."),
    backend: ScoringBackend = typer.Option(ScoringBackend.llamacpp, "--backend", help="Where prompt log-probabilities come from; ngram is the planted positive control."),
    texts: TextChoice = typer.Option(TextChoice.statement, "--texts", help="Score statements, reference solutions or both."),
    since: str | None = typer.Option(None, "--since", help="Problems released at or after this UTC date."),
    until: str | None = typer.Option(None, "--until", help="Problems released before this UTC date."),
    ngram_corpus: Path | None = typer.Option(None, "--ngram-corpus", help="--backend ngram: JSONL of {\"text\": ...} the control model is trained on."),
    endpoint: str | None = typer.Option(None, "--endpoint", help="--backend openai: base URL (…/v1); default the model's endpoint."),
    served_model: str | None = typer.Option(None, "--served-model", help="Model name sent to the server, GGUF path or vLLM model (default the model's HF id)."),
    top_logprobs: int = typer.Option(5, "--top-logprobs", min=1, help="--backend openai: alternatives per position (Min-K%++ is approximate)."),
    api_key_env: str = typer.Option("OPENAI_API_KEY", "--api-key-env", help="Environment variable holding the server's API key."),
    vllm_exact: bool = typer.Option(False, "--vllm-exact", help="--backend vllm: full-vocabulary prompt logprobs (exact Min-K%++, costly)."),
    max_tokens: int = typer.Option(512, "--max-tokens", min=8, help="Score at most this many tokens of each text."),
    resamples: int = typer.Option(1000, "--resamples", min=50, help="Bootstrap resamples for the AUROC intervals."),
    seed: int = typer.Option(0, "--seed"),
    html: Path | None = typer.Option(None, "--html", help="Also write an HTML page with the score distributions."),
    store: bool = typer.Option(True, "--store/--no-store", help="Keep scores (the resume point) and the result in the database."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Per-text log-likelihood, zlib, Min-K%, Min-K%++ and n-gram accuracy; AUROC before vs after the boundary.

    Scores are stored as they are computed: re-running the command resumes.
    """
    _need_audit_extra()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from contest_eval.audit.attempts import AuditInputError, find_model, model_boundary
    from contest_eval.audit.memorization import load_texts, score_all, summarize
    from contest_eval.audit.results import portable, save_report, save_score, scorer_key, stored_scores
    from contest_eval.audit.scorers import ScoringError
    from contest_eval.cli.output import err_console, parse_day
    from contest_eval.db.engine import open_store
    from contest_eval.generate.backend import GenerationError

    kinds = ("statement", "reference") if texts is TextChoice.both else (texts.value,)
    _, factory = open_store(state["db"])
    with factory() as s:
        try:
            m = find_model(s, model)
        except AuditInputError as exc:
            fail(str(exc))
        boundary = model_boundary(m)
        if boundary is None:
            fail(f"model {model!r} has no boundary (models add --cutoff/--released/--boundary)")
        items = load_texts(s, boundary, kinds, parse_day(since, "--since"), parse_day(until, "--until"))
        s.expunge(m)
    if not items:
        fail("no dated problems with texts to score in the store")
    try:
        scorer = _scorer(backend, m, ngram_corpus, endpoint, served_model, top_logprobs, api_key_env, vllm_exact, max_tokens)
    except (ValueError, ScoringError, GenerationError, ModuleNotFoundError) as exc:
        fail(f"backend {backend.value}: {exc}")
    identity = scorer.identity()
    key = scorer_key(identity)
    with factory() as s:
        done = stored_scores(s, m.id, key) if store else {}

    def save(item: Any, n_tokens: int, metrics: dict[str, Any]) -> None:
        if store:
            with factory.begin() as s:
                save_score(s, m.id, key, item.problem_id, item.kind, item.key[2], n_tokens, portable(metrics))

    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err_console, transient=not err_console.is_terminal) as progress:
            task = progress.add_task("scored", total=len(items))
            metrics = score_all(items, scorer, done, save, lambda n: progress.advance(task, n))
    except (ScoringError, GenerationError, ValueError) as exc:
        fail(f"scoring failed (scores so far are stored; re-run to resume): {exc}")
    finally:
        scorer.close()
    try:
        result = summarize(model, boundary, f"{backend.value} {key[:12]}", items, metrics, resamples, seed)
    except ValueError as exc:
        fail(str(exc))
    result["identity"] = identity
    data = portable(result)
    if store:
        params = {"backend": backend.value, "texts": texts.value, "since": since, "until": until, "max_tokens": max_tokens,
                  "resamples": resamples, "seed": seed, "scorer": key}
        with factory.begin() as s:
            data["report_id"] = save_report(s, m.id, "memorization", params, data, data["verdict"])
    if html:
        from contest_eval.audit.page import memorization_page

        html.write_text(memorization_page(data), encoding="utf-8")
    if as_json:
        emit_json(data)
        return
    _print_memorization(data)


def _print_memorization(data: dict[str, Any]) -> None:
    table = Table("score", "text", "AUROC [95% bootstrap]", "minus blind [95%]",
                  title=f"{data['model']}: before ({data['n_before']}) vs after ({data['n_after']}) {data['boundary']}")
    for r in data["scores"]:
        diff = "—" if r["minus_blind"] is None else f"{r['minus_blind']:+.2f} [{r['minus_blind_low']:+.2f}, {r['minus_blind_high']:+.2f}]"
        table.add_row(r["score"], r["text"], f"{r['auroc']:.2f} [{r['low']:.2f}, {r['high']:.2f}]", diff)
    blind = data["blind"]
    table.add_row("blind bag-of-words", "statement", f"{blind['auroc']:.2f} [{blind['low']:.2f}, {blind['high']:.2f}]", "")
    console.print(table)
    console.print(f"[bold]verdict:[/] {data['verdict']}")
