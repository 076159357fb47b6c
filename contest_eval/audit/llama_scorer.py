"""Scoring with llama.cpp: every position's full logits, in a child process.

Like generation (``contest_eval.generate.isolated``), the native library runs
in a spawned interpreter, so a crash (a CPU the build does not support, a bad
model file, the OOM killer) becomes one :class:`NativeCrashError` instead of
taking the audit down; every score already received is stored.  Messages are
JSON lines over two private pipes, never pickle.

The child tokenizes the text as the model expects (with BOS when the model
adds one), evaluates it once with ``logits_all=True`` and computes, per
position, the log-softmax over the whole vocabulary: the token's
log-probability, μ and σ (so Min-K%++ is exact) and whether the token is the
argmax (greedy).  Texts longer than ``max_tokens`` are cut there; the context
is sized to that cap because ``logits_all`` keeps ``n_ctx × vocab`` floats.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import IO, Any

from contest_eval.audit.metrics import TokenScores
from contest_eval.audit.scorers import ScoringError
from contest_eval.generate.isolated import NativeCrashError, send_message, spawn_child, stop_child


def score_tokens(llm: Any, text: str, max_tokens: int) -> dict[str, Any]:
    """Child side: one text → per-position arrays (plain lists, for JSON)."""
    import numpy as np

    tokens = llm.tokenize(text.encode("utf-8"), add_bos=True, special=False)[:max_tokens]
    if len(tokens) < 2:
        raise ValueError("a text needs at least two tokens to be scored")
    llm.reset()
    llm.eval(tokens)
    # Row i predicts token i+1.  Work on x = logits - max in float32 without
    # materialising log p or p: log p = x - log Z, and the variance of log p
    # under p equals the variance of x (a shift does not change it).
    x = llm.scores[: len(tokens) - 1] - llm.scores[: len(tokens) - 1].max(axis=1, keepdims=True)
    e = np.exp(x)
    z = e.sum(axis=1, dtype=np.float64)
    m1 = np.einsum("ij,ij->i", e, x, dtype=np.float64) / z
    m2 = np.einsum("ij,ij->i", e, x * x, dtype=np.float64) / z
    log_z = np.log(z)
    targets = np.array(tokens[1:])
    rows = np.arange(len(targets))
    picked = x[rows, targets].astype(np.float64) - log_z
    mu = m1 - log_z
    sigma = np.sqrt(np.maximum(m2 - m1 * m1, 1e-12))
    greedy = x.argmax(axis=1) == targets
    # The bytes of text the scored tokens cover (the whole text unless the cap cut it).
    scored = min(len(llm.detokenize(tokens)), len(text.encode("utf-8")))
    return {"logprobs": picked.tolist(), "greedy": greedy.tolist(), "mu": mu.tolist(), "sigma": sigma.tolist(),
            "scored_bytes": scored}


def complete_tokens(llm: Any, prompt: str, max_new: int, max_tokens: int) -> str:
    """Child side: greedy continuation of ``prompt`` by up to ``max_new`` tokens (argmax of the logits)."""
    import numpy as np

    tokens = llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=False)
    if len(tokens) + max_new > max_tokens:
        raise ValueError(f"prompt of {len(tokens)} tokens plus {max_new} new ones exceeds the context of {max_tokens}")
    llm.reset()
    llm.eval(tokens)
    new: list[int] = []
    eos = llm.token_eos()
    for _ in range(max_new):
        token = int(np.argmax(llm.scores[llm.n_tokens - 1]))
        if token == eos:
            break
        new.append(token)
        llm.eval([token])
    return llm.detokenize(new).decode("utf-8", errors="replace")


def _child(inbox: IO[str], outbox: IO[str], options: dict[str, Any]) -> None:
    try:
        import llama_cpp  # the llamacpp extra

        from contest_eval.generate.llamacpp_backend import llama_kwargs

        kwargs = llama_kwargs(options["model_path"], options["max_tokens"], None, options.get("n_threads"))
        llm = llama_cpp.Llama(**kwargs, logits_all=True)
    except Exception as exc:  # reported to the parent as one clean error
        send_message(outbox, "error", f"{type(exc).__name__}: {exc}")
        return
    send_message(outbox, "ready", {"llama_cpp_python": getattr(llama_cpp, "__version__", "?"), "n_vocab": llm.n_vocab()})
    for line in inbox:
        message = json.loads(line)
        if message["kind"] == "stop":
            return
        try:
            if message["kind"] == "complete":
                job = message["payload"]
                send_message(outbox, "text", complete_tokens(llm, job["prompt"], job["max_new"], options["max_tokens"]))
                continue
            send_message(outbox, "scores", score_tokens(llm, message["payload"], options["max_tokens"]))
        except Exception as exc:
            send_message(outbox, "error", f"{type(exc).__name__}: {exc}")


class LlamaCppScorer:
    name = "llamacpp"

    def __init__(self, model_path: str, max_tokens: int = 512, n_threads: int | None = None) -> None:
        from contest_eval.generate.llamacpp_backend import default_threads, file_sha256

        self.model_path, self.max_tokens = str(model_path), max_tokens
        self.sha256 = file_sha256(model_path)
        threads = n_threads or default_threads()
        self._process, self._to_child, self._from_child = spawn_child(
            "contest_eval.audit.llama_scorer",
            {"options": {"model_path": self.model_path, "max_tokens": max_tokens, "n_threads": threads}})
        ready = self._receive()
        if ready["kind"] == "error":
            self.close()
            raise ScoringError(ready["payload"])
        self.engine_info: dict[str, Any] = ready["payload"]

    @property
    def pid(self) -> int:
        return self._process.pid

    def identity(self) -> dict[str, Any]:
        # scores: 2 = zlib over the scored prefix (1 compressed the whole text).
        return {"backend": "llamacpp", "model_sha256": self.sha256, "max_tokens": self.max_tokens, "scores": 2,
                "llama_cpp_python": self.engine_info.get("llama_cpp_python")}

    def _receive(self) -> dict[str, Any]:
        line = self._from_child.readline()
        if not line:
            try:
                code = self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                code = self._process.wait()
            raise NativeCrashError("llamacpp scorer", code)
        return json.loads(line)

    def score(self, text: str) -> TokenScores:
        try:
            send_message(self._to_child, "score", text)
        except OSError:
            return self._dead()
        message = self._receive()
        if message["kind"] == "error":
            raise ScoringError(message["payload"])
        p = message["payload"]
        return TokenScores(p["logprobs"], p["greedy"], p["mu"], p["sigma"], "exact", p["scored_bytes"])

    def complete(self, prompt: str, max_tokens: int) -> str:
        """Greedy continuation of ``prompt`` (the continuation audit), computed in the child."""
        try:
            send_message(self._to_child, "complete", {"prompt": prompt, "max_new": max_tokens})
        except OSError:
            self._dead()
        message = self._receive()
        if message["kind"] == "error":
            raise ScoringError(message["payload"])
        return str(message["payload"])

    def _dead(self) -> TokenScores:
        self._receive()  # raises NativeCrashError with the exit status
        raise AssertionError("unreachable")

    def close(self) -> None:
        stop_child(self._process, self._to_child, self._from_child)


def _main(argv: list[str]) -> None:
    spec = json.loads(argv[0])
    with os.fdopen(spec["inbox"], "r", encoding="utf-8") as inbox, os.fdopen(spec["outbox"], "w", encoding="utf-8") as outbox:
        _child(inbox, outbox, spec["options"])


if __name__ == "__main__":
    _main(sys.argv[1:])
