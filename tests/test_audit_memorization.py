"""`audit memorization` against controls with a known answer.

The planted positive control: a word trigram model trained on a chosen half of
200 statements (tests/audit_texts.py), exposed as the ``ngram`` scoring
backend.  Through the real CLI and a real SQLite store, the audit must tell
the trained half (released before the boundary) from the untrained half with
AUROC >= 0.95 and call it contaminated; on two untrained halves its intervals
must cover 0.5.  The same model is then served by a real local HTTP server
speaking the OpenAI completions protocol (echo + logprobs), and the openai
backend must reach the same conclusion.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from audit_texts import statements
from test_cli import cli

TRAINED = 100  # statements 0..99 are the training half
START = datetime(2022, 1, 3, 12, 0, tzinfo=timezone.utc)


def _release(i: int) -> datetime:
    # Trained half through 2022, untrained half through 2023: the boundary 2022-12-31 splits them,
    # and 2023-06-30 splits the untrained half in two.
    return START + timedelta(days=int(i * 3.6)) if i < TRAINED else datetime(2023, 1, 2, tzinfo=timezone.utc) + timedelta(days=int((i - TRAINED) * 3.6))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    from contest_eval.db.catalog import upsert_problem
    from contest_eval.db.engine import session_scope
    from contest_eval.problems.record import ProblemRecord

    folder = tmp_path_factory.mktemp("audit-mem")
    db = folder / "mem.db"
    texts = statements()
    with session_scope(str(db)) as s:
        for i, text in enumerate(texts):
            upsert_problem(s, ProblemRecord(platform="leetcode", slug=f"synthetic-{i:03d}", title=f"Synthetic {i}", source="test",
                                            release_time=_release(i), difficulty="Medium", statement_html=f"<p>{text}</p>",
                                            statement_text=text))
    (folder / "corpus.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts[:TRAINED]))
    assert cli("--db", str(db), "models", "add", "control", "--hf-id", "ngram", "--cutoff", "2022-12-31").returncode == 0
    assert cli("--db", str(db), "models", "add", "control-null", "--hf-id", "ngram", "--cutoff", "2023-06-30").returncode == 0
    return db


def _audit(db: Path, *args: str) -> dict[str, Any]:
    out = cli("--db", str(db), "audit", "memorization", *args, "--json", "--resamples", "500")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_planted_positive_control_is_called_contaminated(store: Path, tmp_path: Path):
    corpus = store.parent / "corpus.jsonl"
    html = tmp_path / "mem.html"
    data = _audit(store, "control", "--backend", "ngram", "--ngram-corpus", str(corpus), "--html", str(html))
    assert (data["n_before"], data["n_after"]) == (100, 100)
    by = {r["score"]: r for r in data["scores"]}
    assert set(by) == {"loglik", "zlib", "mink", "minkpp (exact)", "nga5", "nga10"}
    for name in ("loglik", "mink", "minkpp (exact)"):
        assert by[name]["auroc"] >= 0.95 and by[name]["low"] > 0.5, by[name]
        assert by[name]["minus_blind_low"] > 0
    assert data["label"] == "contaminated" and data["verdict"].startswith("contaminated")
    # The blind baseline cannot tell the halves apart: they come from one generator.
    assert data["blind"]["low"] < 0.5 < data["blind"]["high"]
    assert "data:image/png;base64," in html.read_text()
    con = sqlite3.connect(store)
    assert con.execute("select count(*) from audit_scores").fetchone()[0] == 200
    # Resuming scores nothing again: every text's score is read back from the store.
    again = _audit(store, "control", "--backend", "ngram", "--ngram-corpus", str(corpus))
    assert con.execute("select count(*) from audit_scores").fetchone()[0] == 200
    assert [r["auroc"] for r in again["scores"]] == [r["auroc"] for r in data["scores"]]


def test_two_untrained_halves_cover_one_half(store: Path):
    corpus = store.parent / "corpus.jsonl"
    data = _audit(store, "control-null", "--backend", "ngram", "--ngram-corpus", str(corpus), "--since", "2023-01-01", "--no-store")
    assert (data["n_before"], data["n_after"]) == (50, 50)
    by = {r["score"]: r for r in data["scores"]}
    for name in ("loglik", "zlib", "mink", "minkpp (exact)"):
        assert by[name]["low"] < 0.5 < by[name]["high"], by[name]
    assert data["label"] != "contaminated"
    assert "report_id" not in data


class _CompletionsServer(BaseHTTPRequestHandler):
    """POST /v1/completions with echo: the trigram model's logprobs for the prompt's words."""

    model: Any = None
    seen: list[dict[str, Any]] = []

    def log_message(self, *args: Any) -> None:
        return None

    def do_POST(self) -> None:
        from contest_eval.audit.ngram import BOS, TOKEN, UNK

        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append({"path": self.path, "auth": self.headers.get("Authorization"), **body})
        text, top = body["prompt"], int(body["logprobs"])
        found = list(TOKEN.finditer(text))
        words = [m.group() for m in found]
        tokens, token_lps, tops, offsets = [], [], [], []
        vocab = self.model.vocab
        for i, m in enumerate(found):
            tokens.append(m.group())
            offsets.append(m.start())
            if i == 0:
                token_lps.append(None)
                tops.append(None)
                continue
            context = ([BOS, BOS] + words)[i:i + 2]
            logp = np.log(self.model.distribution(*context))
            chosen = self.model.index.get(m.group(), self.model.index[UNK])
            token_lps.append(float(logp[chosen]))
            best = np.argsort(-logp)[:top]
            tops.append({vocab[j]: float(logp[j]) for j in best})
        # The one generated token the request asked for: the scorer must drop it.
        tokens.append(" the")
        token_lps.append(-1.0)
        tops.append({" the": -1.0})
        offsets.append(len(text))
        reply = {"choices": [{"text": text + " the", "logprobs": {"tokens": tokens, "token_logprobs": token_lps,
                                                                 "top_logprobs": tops, "text_offset": offsets}}],
                 "usage": {"prompt_tokens": len(found), "completion_tokens": 1}}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_openai_compatible_server_with_echo_logprobs(store: Path):
    from contest_eval.audit.ngram import NgramModel

    _CompletionsServer.model = NgramModel(statements()[:TRAINED])
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CompletionsServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        out = cli("--db", str(store), "audit", "memorization", "control", "--backend", "openai", "--endpoint", url,
                  "--served-model", "trigram", "--api-key-env", "AUDIT_TEST_KEY", "--json", "--resamples", "300",
                  "--no-store", env={"AUDIT_TEST_KEY": "sk-test-secret"})
    finally:
        server.shutdown()
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    first = _CompletionsServer.seen[0]
    assert first["path"] == "/v1/completions" and first["auth"] == "Bearer sk-test-secret"
    assert {k: first[k] for k in ("model", "max_tokens", "temperature", "echo", "logprobs")} == {
        "model": "trigram", "max_tokens": 1, "temperature": 1.0, "echo": True, "logprobs": 5}
    assert len(_CompletionsServer.seen) == 200
    by = {r["score"]: r for r in data["scores"]}
    assert by["loglik"]["auroc"] >= 0.95 and "minkpp (approx)" in by
    assert data["label"] == "contaminated"
    assert "sk-test-secret" not in out.stdout + out.stderr


def test_reference_model_makes_the_headline_target_minus_reference(store: Path, tmp_path: Path):
    """Two n-gram models: the target trained on the "before" half, the reference on neither half."""
    corpus = store.parent / "corpus.jsonl"
    unseen = tmp_path / "reference.jsonl"  # 60 further statements of the same generator, none of them audited
    unseen.write_text("".join(json.dumps({"text": t}) + "\n" for t in statements(260)[200:]))
    other = tmp_path / "other.jsonl"
    other.write_text("".join(json.dumps({"text": t}) + "\n" for t in statements(320)[260:]))
    for name in ("old-reference", "plain"):
        assert cli("--db", str(store), "models", "add", name, "--hf-id", "ngram",
                   "--cutoff", "2021-06-30" if name == "old-reference" else "2022-12-31").returncode == 0
    page = tmp_path / "ref.html"
    data = _audit(store, "control", "--backend", "ngram", "--ngram-corpus", str(corpus), "--reference-model",
                  "old-reference", "--reference-ngram-corpus", str(unseen), "--html", str(page))
    head = data["headline"]
    print(f"reference-model control: {head['score']} target {head['target_auroc']:.3f} reference "
          f"{head['reference_auroc']:.3f} target−reference {head['target_minus_reference']:+.3f} "
          f"[{head['low']:+.3f}, {head['high']:+.3f}]; {data['verdict']}")
    assert data["reference_model"] == "old-reference" and head["low"] > 0.3
    by = {r["score"]: r for r in data["scores"]}
    assert by["loglik"]["reference_auroc"] < 0.75 and by["loglik"]["minus_reference_low"] > 0.2
    assert data["label"] == "contaminated" and "more than under the reference model old-reference" in data["verdict"]
    assert "target − reference" in page.read_text()
    # A target that saw neither half: no more separation than the reference, and the words say so.
    null = _audit(store, "plain", "--backend", "ngram", "--ngram-corpus", str(other), "--reference-model",
                  "old-reference", "--reference-ngram-corpus", str(unseen), "--no-store")
    head = null["headline"]
    print(f"reference-model null: {head['score']} target−reference {head['target_minus_reference']:+.3f} "
          f"[{head['low']:+.3f}, {head['high']:+.3f}]; {null['verdict']}")
    assert null["label"] != "contaminated"
    assert all(r["minus_reference_low"] < 0 < r["minus_reference_high"] for r in null["scores"]
               if r["minus_reference"] is not None and r["score"] in ("loglik", "mink", "zlib"))
    # A "reference" whose boundary does not precede both sets is refused in one line.
    bad = cli("--db", str(store), "audit", "memorization", "control", "--backend", "ngram", "--ngram-corpus", str(corpus),
              "--reference-model", "plain", "--reference-ngram-corpus", str(other))
    assert bad.returncode == 2 and "does not precede both sets" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
