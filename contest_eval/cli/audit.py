"""``contest-eval audit …``: contamination audits of a registered model."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from contest_eval.audit.terminal import print_continuation, print_memorization, print_time
from contest_eval.cli.output import console, emit_json, fail, state

app = typer.Typer(help="Contamination audits: did a model see these problems before its boundary?", no_args_is_help=True)


def _need_audit_extra() -> None:
    try:
        import sklearn  # noqa: F401
        import statsmodels  # noqa: F401
    except ModuleNotFoundError as exc:
        fail(f"audits need {exc.name}: pip install 'contest-eval[audit]'")


def _registered_model(session: Any, name: str, what: str = "") -> Any:
    """The registered model called ``name``, or a one-line error naming ``what`` asked for it."""
    from contest_eval.audit.attempts import AuditInputError, find_model

    try:
        return find_model(session, name)
    except AuditInputError as exc:
        fail(f"{what}{exc}")


def _bounded_model(session: Any, name: str) -> tuple[Any, date]:
    """A registered model and its boundary: the scoring audits compare texts on either side of it."""
    m = _registered_model(session, name)
    boundary = m.effective_boundary()
    if boundary is None:
        fail(f"model {name!r} has no boundary (models add --cutoff/--released/--boundary)")
    return m, boundary


def _conclude(factory: Any, model_id: int, kind: str, params: dict[str, Any], data: dict[str, Any],
              store: bool, html: Path | None, as_json: bool) -> None:
    """Every audit ends the same way: stored, its page written, then JSON or the terminal summary."""
    from contest_eval.audit import page
    from contest_eval.audit.results import save_report

    if store:
        with factory.begin() as s:
            data["report_id"] = save_report(s, model_id, kind, params, data, data["verdict"])
    if html:
        html.write_text(getattr(page, f"{kind}_page")(data), encoding="utf-8")
    if as_json:
        emit_json(data)
        return
    {"time": print_time, "memorization": print_memorization, "continuation": print_continuation}[kind](console, data)


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
    from contest_eval.audit.attempts import AuditInputError, find_model, load_attempts, load_ratings
    from contest_eval.audit.results import portable
    from contest_eval.audit.timeline import time_audit
    from contest_eval.db.engine import open_store

    _, factory = open_store(state["db"])
    try:
        table = load_ratings(ratings) if ratings else None
        with factory() as s:
            m = find_model(s, model)
            model_id, boundary = m.id, m.effective_boundary()
            attempts = load_attempts(s, m, table)
        result = time_audit(model, boundary, attempts, resamples=resamples, permutations=permutations,
                            min_side=min_side, seed=seed)
    except (AuditInputError, ValueError) as exc:
        fail(str(exc))
    data = portable(result.to_dict())
    params = {"ratings": str(ratings) if ratings else None, "resamples": resamples, "permutations": permutations,
              "min_side": min_side, "seed": seed}
    _conclude(factory, model_id, "time", params, data, store, html, as_json)


@app.command("estimate-dates")
def estimate_dates_command(
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
) -> None:
    """Estimate release dates of LeetCode problems that have none from their problem number.

    The date is interpolated between the contest problems whose numbers
    bracket the problem's own (the store's dated problems and a table shipped
    with the package); the two anchor dates are its uncertainty.  Estimates
    are stored in problems.release_estimate and marked in every audit.
    Idempotent; a real date is never overwritten, and replaces an estimate.
    """
    from contest_eval.audit.dating import estimate_dates
    from contest_eval.db.engine import open_store

    _, factory = open_store(state["db"])
    with factory.begin() as s:
        data = estimate_dates(s)
    if as_json:
        emit_json(data)
        return
    outcomes = data["outcomes"]
    console.print(f"anchors: {data['anchors']['table']} from the shipped table, {data['anchors']['store']} from the store",
                  highlight=False)
    console.print("problems: " + (", ".join(f"{v} {k}" for k, v in outcomes.items()) or "none without a date"), highlight=False)
    check = data.get("leave_one_contest_out") or {}
    if check.get("median_abs_error_days") is not None:
        console.print(f"leave-one-contest-out error over {check['anchors_checked']} anchors: median "
                      f"{check['median_abs_error_days']:.1f} days, 90th percentile {check['p90_abs_error_days']:.1f}, "
                      f"max {check['max_abs_error_days']:.1f}", highlight=False)


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
    reference_model: str | None = typer.Option(None, "--reference-model", help="A registered model whose boundary precedes every scored text: the headline becomes target − reference AUROC."),
    reference_backend: ScoringBackend | None = typer.Option(None, "--reference-backend", help="Backend of the reference model (default: --backend)."),
    reference_served_model: str | None = typer.Option(None, "--reference-served-model", help="Like --served-model, for the reference model."),
    reference_endpoint: str | None = typer.Option(None, "--reference-endpoint", help="Like --endpoint, for the reference model."),
    reference_ngram_corpus: Path | None = typer.Option(None, "--reference-ngram-corpus", help="Like --ngram-corpus, for the reference model."),
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

    from contest_eval.audit.memorization import load_texts, score_all, summarize
    from contest_eval.audit.results import portable, save_score, scorer_key, stored_scores
    from contest_eval.audit.scorers import ScoringError
    from contest_eval.cli.output import err_console, parse_day
    from contest_eval.db.engine import open_store
    from contest_eval.generate.backend import GenerationError

    kinds = ("statement", "reference") if texts is TextChoice.both else (texts.value,)
    _, factory = open_store(state["db"])
    with factory() as s:
        m, boundary = _bounded_model(s, model)
        items = load_texts(s, boundary, kinds, parse_day(since, "--since"), parse_day(until, "--until"))
        s.expunge(m)
        ref = None
        if reference_model is not None:
            ref = _registered_model(s, reference_model, "--reference-model: ")
            s.expunge(ref)
    if not items:
        fail("no dated problems with texts to score in the store")
    if ref is not None:
        ref_boundary = ref.effective_boundary()
        earliest = min(t.release for t in items).date()
        if ref_boundary is None or ref_boundary >= earliest:
            fail(f"reference model {ref.name!r} has boundary {ref_boundary or 'none'}, which does not precede both sets "
                 f"(earliest scored text released {earliest}); choose an older model or narrow --since")
    runs = [(m, backend, ngram_corpus, endpoint, served_model)]
    if ref is not None:
        runs.append((ref, reference_backend or backend, reference_ngram_corpus, reference_endpoint, reference_served_model))
    scored: list[tuple[str, dict[str, Any], dict[Any, dict[str, Any]]]] = []
    for who, which, corpus, url, served in runs:
        try:
            scorer = _scorer(which, who, corpus, url, served, top_logprobs, api_key_env, vllm_exact, max_tokens)
        except (ValueError, ScoringError, GenerationError, ModuleNotFoundError) as exc:
            fail(f"backend {which.value}{' (reference model)' if who is not m else ''}: {exc}")
        identity = scorer.identity()
        key = scorer_key(identity)
        with factory() as s:
            done = stored_scores(s, who.id, key) if store else {}

        def save(item: Any, n_tokens: int, metrics: dict[str, Any], who_id: int = who.id, key: str = key) -> None:
            if store:
                with factory.begin() as s:
                    save_score(s, who_id, key, item.problem_id, item.kind, item.key[2], n_tokens, portable(metrics))

        try:
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=err_console, transient=not err_console.is_terminal) as progress:
                task = progress.add_task(f"scored ({who.name})", total=len(items))
                metrics = score_all(items, scorer, done, save, lambda n: progress.advance(task, n))
        except (ScoringError, GenerationError, ValueError) as exc:
            fail(f"scoring failed (scores so far are stored; re-run to resume): {exc}")
        finally:
            scorer.close()
        scored.append((f"{which.value} {key[:12]}", identity, metrics))
    label, identity, metrics = scored[0]
    reference = (ref.name, scored[1][2]) if ref is not None else None
    try:
        result = summarize(model, boundary, label, items, metrics, resamples, seed, reference)
    except ValueError as exc:
        fail(str(exc))
    key = scorer_key(identity)
    if ref is not None:
        result["reference_identity"] = scored[1][1]
    result["identity"] = identity
    data = portable(result)
    params = {"backend": backend.value, "texts": texts.value, "since": since, "until": until, "max_tokens": max_tokens,
              "resamples": resamples, "seed": seed, "scorer": key, "reference_model": reference_model}
    _conclude(factory, m.id, "memorization", params, data, store, html, as_json)


@app.command("continuation")
def continuation_command(
    model: str = typer.Argument(..., help="A registered model with a boundary."),
    backend: ScoringBackend = typer.Option(ScoringBackend.llamacpp, "--backend", help="What completes the text; ngram is the planted positive control."),
    since: str | None = typer.Option(None, "--since", help="Problems released at or after this UTC date."),
    until: str | None = typer.Option(None, "--until", help="Problems released before this UTC date."),
    per_side: int | None = typer.Option(None, "--per-side", min=2, help="At most this many problems on each side of the boundary (a seeded sample)."),
    ngram_corpus: Path | None = typer.Option(None, "--ngram-corpus", help="--backend ngram: JSONL of {\"text\": ...} the control model is trained on."),
    endpoint: str | None = typer.Option(None, "--endpoint", help="--backend openai: base URL (…/v1); default the model's endpoint."),
    served_model: str | None = typer.Option(None, "--served-model", help="Model name sent to the server, GGUF path or vLLM model (default the model's HF id)."),
    api_key_env: str = typer.Option("OPENAI_API_KEY", "--api-key-env", help="Environment variable holding the server's API key."),
    new_tokens: int = typer.Option(64, "--new-tokens", min=4, help="Tokens each completion may add (words for ngram)."),
    rest_words: int = typer.Option(40, "--rest-words", min=4, help="Compare the first this many words of completion and real rest."),
    max_tokens: int = typer.Option(512, "--max-tokens", min=32, help="--backend llamacpp/vllm: context size (prompt plus completion)."),
    resamples: int = typer.Option(2000, "--resamples", min=100, help="Bootstrap resamples over problems."),
    seed: int = typer.Option(0, "--seed"),
    html: Path | None = typer.Option(None, "--html", help="Also write an HTML page with the ROUGE-L plots."),
    store: bool = typer.Option(True, "--store/--no-store", help="Keep completions (the resume point) and the result in the database."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Guided vs general completion: does naming a problem make the model reproduce the rest of its statement?

    Completions are stored as they are made: re-running the command resumes.
    """
    _need_audit_extra()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from contest_eval.audit.continuation import PROMPT_VERSION, load_items, summarize
    from contest_eval.audit.results import portable, save_score, scorer_key, stored_scores, text_hash
    from contest_eval.audit.scorers import ScoringError
    from contest_eval.cli.output import err_console, parse_day
    from contest_eval.db.engine import open_store
    from contest_eval.generate.backend import GenerationError

    _, factory = open_store(state["db"])
    with factory() as s:
        m, boundary = _bounded_model(s, model)
        items = load_items(s, boundary, parse_day(since, "--since"), parse_day(until, "--until"), per_side, seed)
        s.expunge(m)
    if not items:
        fail("no dated problems with statements to complete in the store")
    try:
        completer = _scorer(backend, m, ngram_corpus, endpoint, served_model, 5, api_key_env, False, max_tokens)
    except (ValueError, ScoringError, GenerationError, ModuleNotFoundError) as exc:
        fail(f"backend {backend.value}: {exc}")
    identity = {**completer.identity(), "audit": "continuation", "new_tokens": new_tokens, "prompts": PROMPT_VERSION}
    key = scorer_key(identity)
    with factory() as s:
        done = stored_scores(s, m.id, key) if store else {}
    completions: dict[tuple[int, str], str] = {}
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err_console, transient=not err_console.is_terminal) as progress:
            task = progress.add_task("completed", total=2 * len(items))
            for item in items:
                for kind, prompt in item.prompts().items():
                    digest = text_hash(prompt)
                    found = done.get((item.problem_id, kind, digest))
                    if found is not None:
                        text = str(found["completion"])
                    else:
                        text = completer.complete(prompt, new_tokens)
                        if store:
                            with factory.begin() as s:
                                save_score(s, m.id, key, item.problem_id, kind, digest, len(text.split()),
                                           {"completion": text})
                    completions[(item.problem_id, kind)] = text
                    progress.advance(task)
    except (ScoringError, GenerationError, ValueError) as exc:
        fail(f"completion failed (completions so far are stored; re-run to resume): {exc}")
    finally:
        completer.close()
    result = summarize(model, boundary.isoformat(), f"{backend.value} {key[:12]}", items, completions, rest_words,
                       resamples, seed)
    result["identity"] = identity
    data = portable(result)
    params = {"backend": backend.value, "since": since, "until": until, "per_side": per_side, "new_tokens": new_tokens,
              "rest_words": rest_words, "resamples": resamples, "seed": seed, "scorer": key}
    _conclude(factory, m.id, "continuation", params, data, store, html, as_json)
