"""Scoring backends: prompt log-probabilities of a text, one teacher-forced pass.

- ``OpenAICompletionsScorer``: any OpenAI-compatible ``/v1/completions``
  server with ``echo`` and ``logprobs`` (vLLM's server, llama.cpp's server,
  legacy OpenAI).  The server returns the top ``logprobs`` alternatives per
  position, so Min-K%++ is an approximation (``approx``) from those plus one
  lumped tail token.  The API key comes from an environment variable and is
  sent only in the ``Authorization`` header.
- ``VllmScorer``: vLLM's offline engine with ``prompt_logprobs`` (0: the
  token's own log-probability and rank; ``-1``: the whole vocabulary, which
  makes Min-K%++ exact but costs T×V floats).  ``vllm_sampling_kwargs`` and
  ``parse_vllm_prompt_logprobs`` are what it sends and reads.
- ``llamacpp``: see ``llama_scorer`` (a child process, full logits: exact).
- ``ngram``: the planted positive control (``ngram``).
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable
from typing import Any

import requests

from contest_eval.audit.metrics import TokenScores, approx_moments
from contest_eval.retry import RetriesExhausted, RetryAfterTooLong, RetryPolicy

RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})


class ScoringError(RuntimeError):
    """A backend could not score a text (bad response, unreachable server)."""


def completions_payload(model: str, text: str, top: int) -> dict[str, Any]:
    """One echo request: the prompt's own log-probabilities, one generated token that is dropped."""
    return {"model": model, "prompt": text, "max_tokens": 1, "temperature": 1.0, "echo": True, "logprobs": top}


def parse_completions(text: str, data: Any) -> TokenScores:
    """Prompt positions 2..N of an echo response; the generated token(s) at the end are left out."""
    try:
        choice = data["choices"][0]
        lp = choice["logprobs"]
        token_lps: list[float | None] = lp["token_logprobs"]
        tops: list[dict[str, float] | None] = lp.get("top_logprobs") or [None] * len(token_lps)
        offsets: list[int] | None = lp.get("text_offset")
    except (KeyError, IndexError, TypeError) as exc:
        raise ScoringError(f"the server's response has no echoed logprobs ({type(exc).__name__}: {exc}); "
                           "does it support echo with logprobs on /v1/completions?") from None
    usage = data.get("usage") or {}
    if offsets is not None and len(offsets) == len(token_lps):
        n_prompt = sum(1 for o in offsets if o < len(text))
    elif isinstance(usage.get("prompt_tokens"), int):
        n_prompt = usage["prompt_tokens"]
    else:
        raise ScoringError("cannot tell prompt tokens from generated ones: no text_offset and no usage.prompt_tokens")
    logprobs, greedy, mu, sigma = [], [], [], []
    for t in range(1, n_prompt):  # position 0 has no context: its entry is null
        value, top = token_lps[t], tops[t]
        if value is None:
            raise ScoringError(f"prompt token {t} has no log-probability")
        logprobs.append(float(value))
        alternatives = [float(v) for v in (top or {}).values()]
        greedy.append(not alternatives or value >= max(alternatives) - 1e-6)
        m, s = approx_moments(sorted(set(alternatives) | {float(value)}, reverse=True))
        mu.append(m)
        sigma.append(s)
    return TokenScores(logprobs, greedy, mu, sigma, "approx")


class OpenAICompletionsScorer:
    name = "openai"

    def __init__(self, base_url: str, model: str, top_logprobs: int = 5, api_key_env: str = "OPENAI_API_KEY",
                 timeout: float = 300.0, retries: int = 3, backoff: float = 1.0, backoff_max: float = 30.0,
                 max_retry_after: float = 120.0, sleep: Callable[[float], None] = time.sleep) -> None:
        self.url = base_url.rstrip("/") + "/completions"
        self.model, self.top = model, top_logprobs
        self.timeout = timeout
        # The project's one retry policy (contest_eval.retry): Retry-After honoured, jittered backoff.
        self.policy = RetryPolicy(retries, status_forcelist=RETRY_STATUS, backoff_factor=backoff,
                                  backoff_max=backoff_max, max_retry_after=max_retry_after)
        self._sleep = sleep
        self.retried = 0  # retries made so far (for tests and progress)
        self._session = requests.Session()
        key = os.environ.get(api_key_env)
        if key:
            self._session.headers["Authorization"] = f"Bearer {key}"  # never logged or stored

    def identity(self) -> dict[str, Any]:
        return {"backend": "openai", "url": self.url, "model": self.model, "top_logprobs": self.top}

    def post(self, payload: dict[str, Any]) -> Any:
        """POST one completions request, retrying transient failures; the decoded JSON reply."""
        retry, last = self.policy, ""
        while True:
            response: requests.Response | None = None
            error: Exception | None = None
            retry_after: str | None = None
            try:
                response = self._session.post(self.url, json=payload, timeout=(10.0, self.timeout))
            except (requests.ConnectionError, requests.Timeout) as exc:
                error, last = exc, type(exc).__name__
            else:
                retry_after = response.headers.get("Retry-After")
                if not retry.should_retry("POST", response.status_code, retry_after):
                    break
                last = f"HTTP {response.status_code}"
            try:
                retry, delay = retry.failed("POST", self.url, response=response.raw if response is not None else None,
                                            error=error, retry_after=retry_after)
            except RetryAfterTooLong as exc:
                raise ScoringError(f"{self.url}: {last} asks to retry after {exc.seconds:.0f}s, over the "
                                   f"{exc.limit:.0f}s limit") from None
            except RetriesExhausted as exc:
                raise ScoringError(f"{self.url}: gave up after {exc.attempts} attempts ({last})") from None
            self.retried += 1
            self._sleep(delay)
        if response.status_code != 200:
            raise ScoringError(f"{self.url}: HTTP {response.status_code}: {response.text[:200]}")
        try:
            return response.json()
        except ValueError:
            raise ScoringError(f"{self.url}: the response is not JSON") from None

    def score(self, text: str) -> TokenScores:
        return parse_completions(text, self.post(completions_payload(self.model, text, self.top)))

    def complete(self, prompt: str, max_tokens: int) -> str:
        """Greedy continuation of ``prompt`` (the continuation audit)."""
        data = self.post({"model": self.model, "prompt": prompt, "max_tokens": max_tokens, "temperature": 0.0})
        try:
            return str(data["choices"][0]["text"])
        except (KeyError, IndexError, TypeError):
            raise ScoringError(f"{self.url}: the response has no choices[0].text") from None

    def close(self) -> None:
        self._session.close()


def vllm_sampling_kwargs(exact: bool) -> dict[str, Any]:
    """``SamplingParams`` of an audit pass: prompt log-probabilities at temperature 1, one token generated."""
    return {"max_tokens": 1, "temperature": 1.0, "prompt_logprobs": -1 if exact else 0}


def vllm_completion_kwargs(max_tokens: int) -> dict[str, Any]:
    """``SamplingParams`` of a continuation-audit completion: greedy, ``max_tokens`` new tokens."""
    return {"max_tokens": max_tokens, "temperature": 0.0}


def parse_vllm_prompt_logprobs(token_ids: list[int], prompt_logprobs: list[Any], exact: bool) -> TokenScores:
    """``RequestOutput.prompt_logprobs`` (entry 0 is None) → token scores; ranks give greedy hits."""
    import math

    logprobs, greedy, mu, sigma = [], [], [], []
    for tok, entry in zip(token_ids[1:], prompt_logprobs[1:]):
        chosen = entry[tok]
        logprobs.append(float(chosen.logprob))
        greedy.append(int(chosen.rank) == 1)
        if exact:
            values = [float(v.logprob) for v in entry.values()]
            m = sum(math.exp(v) * v for v in values)
            var = sum(math.exp(v) * v * v for v in values) - m * m
            mu.append(m)
            sigma.append(math.sqrt(max(var, 1e-12)))
    if exact:
        return TokenScores(logprobs, greedy, mu, sigma, "exact")
    return TokenScores(logprobs, greedy)


class VllmScorer:
    name = "vllm"

    def __init__(self, model: str, exact: bool = False, max_tokens: int = 2048, **engine: Any) -> None:
        from vllm import LLM  # optional extra: imported only when this backend is chosen

        self.model, self.exact, self.max_tokens = model, exact, max_tokens
        if exact:
            engine.setdefault("max_logprobs", -1)
        self._llm = LLM(model=model, **engine)
        self._tokenizer = self._llm.get_tokenizer()

    def identity(self) -> dict[str, Any]:
        import vllm

        return {"backend": "vllm", "model": self.model, "exact": self.exact, "max_tokens": self.max_tokens, "scores": 2,
                "vllm": vllm.__version__, "logprobs_mode": "raw_logprobs"}

    def score(self, text: str) -> TokenScores:
        from vllm import SamplingParams
        from vllm.inputs import TokensPrompt

        ids = self._tokenizer(text)["input_ids"][: self.max_tokens]
        out = self._llm.generate([TokensPrompt(prompt_token_ids=ids)], SamplingParams(**vllm_sampling_kwargs(self.exact)),
                                 use_tqdm=False)[0]
        scores = parse_vllm_prompt_logprobs(list(out.prompt_token_ids), list(out.prompt_logprobs), self.exact)
        scored = len(self._tokenizer.decode(ids, skip_special_tokens=True).encode("utf-8"))
        return dataclasses.replace(scores, scored_bytes=min(scored, len(text.encode("utf-8"))))

    def complete(self, prompt: str, max_tokens: int) -> str:
        from vllm import SamplingParams

        out = self._llm.generate([prompt], SamplingParams(**vllm_completion_kwargs(max_tokens)), use_tqdm=False)[0]
        return str(out.outputs[0].text)

    def close(self) -> None:
        self._llm = None
