"""Scoring backends and score definitions of the memorization audit.

llama.cpp runs the real embedded SmolLM2 GGUF in its child process; vLLM is
not installed here, so what it would send (SamplingParams keyword arguments)
and how it reads ``prompt_logprobs`` are checked exactly, with entries shaped
like vLLM's ``Logprob`` records.
"""

from __future__ import annotations

import json
import math
import os
import signal
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from test_cli import cli


@dataclass
class Logprob:  # vllm.logprobs.Logprob's fields
    logprob: float
    rank: int
    decoded_token: str | None = None


def test_vllm_sends_prompt_logprobs_at_temperature_one():
    from contest_eval.audit.scorers import vllm_sampling_kwargs

    assert vllm_sampling_kwargs(exact=False) == {"max_tokens": 1, "temperature": 1.0, "prompt_logprobs": 0}
    assert vllm_sampling_kwargs(exact=True) == {"max_tokens": 1, "temperature": 1.0, "prompt_logprobs": -1}


def test_vllm_prompt_logprobs_are_read_with_ranks_and_full_vocabulary():
    from contest_eval.audit.scorers import parse_vllm_prompt_logprobs

    ids = [1, 7, 8]
    vocab = {7: math.log(0.5), 8: math.log(0.3), 9: math.log(0.2)}
    full = [None,
            {t: Logprob(v, r) for r, (t, v) in enumerate(sorted(vocab.items(), key=lambda kv: -kv[1]), start=1)},
            {7: Logprob(math.log(0.6), 1), 8: Logprob(math.log(0.4), 2)}]
    got = parse_vllm_prompt_logprobs(ids, full, exact=True)
    assert got.logprobs == pytest.approx([math.log(0.5), math.log(0.4)])
    assert got.greedy == [True, False] and got.distribution == "exact"
    p = np.array([0.5, 0.3, 0.2])
    mu = float((p * np.log(p)).sum())
    assert got.mu[0] == pytest.approx(mu)
    assert got.sigma[0] == pytest.approx(math.sqrt((p * np.log(p) ** 2).sum() - mu * mu))
    # prompt_logprobs=0: only the chosen token (and its rank) per position; no Min-K%++.
    lean = parse_vllm_prompt_logprobs(ids, [None, {7: Logprob(-0.7, 1)}, {8: Logprob(-2.0, 3)}], exact=False)
    assert lean.greedy == [True, False] and lean.mu is None and lean.distribution == "none"


def test_score_definitions():
    from contest_eval.audit.metrics import TokenScores, approx_moments, ngram_accuracy, text_metrics

    lp = [-0.1, -3.0, -0.2, -5.0, -0.3, -0.4, -0.5, -0.6, -0.7, -0.8]
    m = text_metrics("some text here", TokenScores(lp, [True] * 10, [-1.0] * 10, [2.0] * 10, "exact"))
    assert m["loglik"] == pytest.approx(np.mean(lp))
    assert m["mink"] == pytest.approx(-4.0)  # the lowest 20% of 10 positions: -5.0 and -3.0
    assert m["minkpp"] == pytest.approx(((-5.0 + 1) / 2 + (-3.0 + 1) / 2) / 2)
    assert m["nga5"] == 1.0 and m["minkpp_mode"] == "exact"
    # 11 tokens (greedy[i] is about token i+2), n = 5: the spans start at tokens 2..6 and end by token 10.
    greedy = [True] * 10
    greedy[9] = False  # token 11 is in no span
    assert ngram_accuracy(greedy, 5) == 1.0
    greedy = [True] * 10
    greedy[0] = False  # token 2 missed: only the span starting at 2 fails
    assert ngram_accuracy(greedy, 5) == pytest.approx(0.8)
    assert ngram_accuracy([True] * 5, 10) is None
    # A text cut at the token cap: zlib compresses only the scored bytes.
    import zlib

    cut = text_metrics("abc " * 50, TokenScores(lp, [True] * 10, scored_bytes=20))
    assert cut["zlib"] == pytest.approx(np.mean(lp) / len(zlib.compress(b"abc " * 5)))
    assert cut["minkpp"] is None and cut["minkpp_mode"] == "none"
    mu, sigma = approx_moments([math.log(0.5), math.log(0.25)])  # tail 0.25 lumped into one token
    p = np.array([0.5, 0.25, 0.25])
    assert mu == pytest.approx(float((p * np.log(p)).sum())) and sigma > 0


def test_auroc_matches_scikit_learn():
    from sklearn.metrics import roc_auc_score

    from contest_eval.audit.separation import auroc

    rng = np.random.default_rng(3)
    pos, neg = np.round(rng.normal(0.3, 1, 40), 1), np.round(rng.normal(0, 1, 55), 1)  # rounding makes ties
    expected = roc_auc_score(np.r_[np.ones(40), np.zeros(55)], np.r_[pos, neg])
    assert auroc(pos, neg) == pytest.approx(expected)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    from contest_eval.db.catalog import upsert_problem
    from contest_eval.db.engine import session_scope
    from contest_eval.problems.record import ProblemRecord

    from audit_texts import statements

    db = tmp_path_factory.mktemp("audit-llama") / "small.db"
    with session_scope(str(db)) as s:
        for i, text in enumerate(statements(6)):
            released = datetime(2023 + (i >= 3), 3, 1 + i, tzinfo=timezone.utc)
            upsert_problem(s, ProblemRecord(platform="leetcode", slug=f"small-{i}", title=f"Small {i}", source="test",
                                            release_time=released, statement_html=f"<p>{text}</p>", statement_text=text))
    assert cli("--db", str(db), "models", "add", "smol", "--hf-id", "HuggingFaceTB/SmolLM2-135M-Instruct",
               "--cutoff", "2023-12-31").returncode == 0
    return db


def test_llamacpp_scores_exactly_in_a_child_and_resumes(small_store: Path):
    args = ("--db", str(small_store), "audit", "memorization", "smol", "--backend", "llamacpp", "--max-tokens", "48",
            "--resamples", "200", "--json")
    out = cli(*args)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert (data["n_before"], data["n_after"]) == (3, 3)
    assert "minkpp (exact)" in {r["score"] for r in data["scores"]}
    assert all(t["n_tokens"] == 48 for t in data["texts"])  # each statement is longer than the cap
    assert all(t["loglik"] < 0 and 0 <= t["nga5"] <= 1 for t in data["texts"])
    # zlib covers the 48 scored tokens, not the whole statement: far fewer compressed bytes.
    import zlib

    from audit_texts import statements

    full = {f"small-{i}": len(zlib.compress(text.encode())) for i, text in enumerate(statements(6))}
    assert all(t["loglik"] / t["zlib"] < 0.8 * full[t["problem"]] for t in data["texts"])
    assert data["identity"]["backend"] == "llamacpp" and len(data["identity"]["model_sha256"]) == 64
    con = sqlite3.connect(small_store)
    stored = con.execute("select problem_id, metrics from audit_scores order by problem_id").fetchall()
    assert len(stored) == 6
    again = cli(*args)
    assert again.returncode == 0, again.stderr
    assert con.execute("select problem_id, metrics from audit_scores order by problem_id").fetchall() == stored
    assert json.loads(again.stdout)["texts"] == data["texts"]


def test_llamacpp_child_crash_is_one_clean_error():
    from contest_eval.audit.llama_scorer import LlamaCppScorer
    from contest_eval.generate.isolated import NativeCrashError
    from contest_eval.generate.llamacpp_backend import default_model_path

    scorer = LlamaCppScorer(str(default_model_path()), max_tokens=32)
    try:
        os.kill(scorer.pid, signal.SIGKILL)
        with pytest.raises(NativeCrashError, match="SIGKILL"):
            scorer.score("Return the sum of two integers a and b.")
    finally:
        scorer.close()


def test_bad_backend_input_is_one_line(small_store: Path, tmp_path: Path):
    base = ("--db", str(small_store), "audit", "memorization", "smol")
    reports = "select count(*) from audit_reports"
    before = sqlite3.connect(small_store).execute(reports).fetchone()[0]
    missing = cli(*base, "--backend", "vllm")
    assert missing.returncode == 2 and "backend vllm" in missing.stderr and "vllm" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    no_corpus = cli(*base, "--backend", "ngram")
    assert no_corpus.returncode == 2 and "--ngram-corpus" in no_corpus.stderr
    bad = tmp_path / "corpus.jsonl"
    bad.write_text('{"text": "ok text here"}\nnot json\n')
    broken = cli(*base, "--backend", "ngram", "--ngram-corpus", str(bad))
    assert broken.returncode == 2 and f"{bad}:2" in broken.stderr
    refused = cli(*base, "--backend", "openai", "--endpoint", "http://127.0.0.1:9/v1")
    assert refused.returncode == 2 and "scoring failed" in refused.stderr
    assert sqlite3.connect(small_store).execute(reports).fetchone()[0] == before  # a failed audit stores no report


def test_openai_scorer_retries_through_the_shared_policy_honouring_retry_after():
    """A real local server answers 429 (Retry-After: 2), then 503, then 200; the scorer waits 2 s, then backs off."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from contest_eval.audit.scorers import OpenAICompletionsScorer, ScoringError

    replies = [(429, {"Retry-After": "2"}), (503, {})]
    hits: list[str] = []
    body = json.dumps({"choices": [{"text": "a b c", "logprobs": {
        "tokens": ["a", " b", " c"], "token_logprobs": [None, -0.5, -0.25],
        "top_logprobs": [None, {" b": -0.5}, {" x": -0.1, " c": -0.25}], "text_offset": [0, 1, 3]}}]}).encode()

    class Flaky(BaseHTTPRequestHandler):
        def log_message(self, *args):
            return None

        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            hits.append(self.path)
            status, headers = replies.pop(0) if replies else (200, {})
            data = body if status == 200 else b'{"error": "busy"}'
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Flaky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    waits: list[float] = []
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        scorer = OpenAICompletionsScorer(url, "m", top_logprobs=2, retries=3, backoff=0.5, sleep=waits.append)
        scores = scorer.score("a b c")
        assert scores.logprobs == [-0.5, -0.25] and scores.greedy == [True, False]
        assert hits == ["/v1/completions"] * 3 and scorer.retried == 2
        assert waits[0] == 2.0  # the server's Retry-After, not the backoff
        assert 1.0 <= waits[1] <= 1.5  # the second retry: 0.5 s × 2, stretched by up to half again
        # A budget of one retry is spent by two failures: one clean error naming the status.
        replies.extend([(503, {}), (503, {})])
        short = OpenAICompletionsScorer(url, "m", retries=1, backoff=0.0, sleep=waits.append)
        with pytest.raises(ScoringError, match=r"gave up after 2 attempts \(HTTP 503\)"):
            short.score("a b c")
        # A Retry-After beyond the limit is refused at once rather than waited out.
        replies.append((429, {"Retry-After": "3600"}))
        with pytest.raises(ScoringError, match="retry after 3600s"):
            OpenAICompletionsScorer(url, "m", max_retry_after=60, sleep=waits.append).score("a b c")
    finally:
        server.shutdown()


def test_llamacpp_greedy_completion_in_the_child_matches_llama_cpp_itself():
    """The continuation audit's greedy loop (argmax of the logits) gives what llama.cpp's own greedy sampler gives."""
    import llama_cpp

    from contest_eval.audit.llama_scorer import LlamaCppScorer
    from contest_eval.audit.scorers import ScoringError
    from contest_eval.generate.llamacpp_backend import default_model_path, llama_kwargs

    prompt = "Given an array of integers nums and an integer target, return"
    scorer = LlamaCppScorer(str(default_model_path()), max_tokens=96, n_threads=1)
    try:
        ours = scorer.complete(prompt, 16)
        assert scorer.complete(prompt, 16) == ours and ours.strip()
        with pytest.raises(ScoringError, match="exceeds the context"):
            scorer.complete("word " * 200, 16)
    finally:
        scorer.close()
    llm = llama_cpp.Llama(**llama_kwargs(default_model_path(), 96, None, 1))
    theirs = llm.create_completion(prompt, max_tokens=16, temperature=0.0)["choices"][0]["text"]
    assert ours == theirs
