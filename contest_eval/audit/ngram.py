"""A small deterministic word trigram language model: the planted positive control.

A memorization audit that cannot tell texts a model was trained on from texts
it was not is worth nothing, and nobody knows what real models saw.  This model
is trained on exactly the texts the user chooses (``--ngram-corpus``), so an
audit of it has a known answer.  It is exposed as a scoring backend like any
other; because its whole distribution is at hand, Min-K%++ is exact.

Tokens are words and punctuation marks.  Probabilities are interpolated
absolute discounting (D = 0.75) from trigrams to bigrams to an add-one unigram
over the training vocabulary plus one unknown-word token, so every text,
seen or not, gets a finite log-likelihood.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from contest_eval.audit.metrics import TokenScores, moments

TOKEN = re.compile(r"\w+|[^\w\s]")
DISCOUNT = 0.75
BOS, UNK = "<s>", "<unk>"
MATCH_LIMIT = 2000  # words of context the longest-match continuation looks back (a whole statement and its header)


def words(text: str) -> list[str]:
    return TOKEN.findall(text)


def load_corpus(path: str | Path) -> list[str]:
    """Texts from a JSONL file of ``{"text": ...}`` lines; errors name the line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ValueError(f"cannot read corpus {path}: {exc.strerror}") from exc
    texts = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not valid JSON: {exc.msg}") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise ValueError(f"{path}:{number}: expected an object with a string 'text'")
        texts.append(obj["text"])
    if not texts:
        raise ValueError(f"{path}: no texts to train on")
    return texts


class NgramModel:
    name = "ngram"

    def __init__(self, texts: list[str]) -> None:
        self.digest = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()
        # The training texts as one word sequence with None between texts, for ``complete``.
        self._corpus: list[str | None] = []
        for text in texts:
            self._corpus.extend(words(text))
            self._corpus.append(None)
        self._positions: dict[str, list[int]] = defaultdict(list)
        for i, w in enumerate(self._corpus):
            if w is not None:
                self._positions[w].append(i)
        unigrams: Counter[str] = Counter()
        self._bi: dict[str, Counter[str]] = defaultdict(Counter)
        self._tri: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for text in texts:
            seq = [BOS, BOS] + words(text)
            unigrams.update(seq[2:])
            for a, b, c in zip(seq, seq[1:], seq[2:]):
                self._bi[b][c] += 1
                self._tri[(a, b)][c] += 1
        self.vocab = sorted(unigrams) + [UNK]
        self.index = {w: i for i, w in enumerate(self.vocab)}
        counts = np.array([unigrams.get(w, 0) for w in self.vocab], dtype=float)
        self._uni = (counts + 1.0) / (counts.sum() + len(self.vocab))
        # Each context's counts as (indices, counts) arrays, built once.
        self._bi_arrays = {k: self._arrays(v) for k, v in self._bi.items()}
        self._tri_arrays = {k: self._arrays(v) for k, v in self._tri.items()}

    def _arrays(self, counter: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        keys = sorted(counter)
        return np.array([self.index[k] for k in keys]), np.array([counter[k] for k in keys], dtype=float)

    def identity(self) -> dict[str, Any]:
        return {"backend": "ngram", "order": 3, "discount": DISCOUNT, "corpus_sha256": self.digest}

    @staticmethod
    def _interpolate(lower: np.ndarray, found: tuple[np.ndarray, np.ndarray] | None) -> np.ndarray:
        if found is None:
            return lower
        idx, cnt = found
        total = cnt.sum()
        out = lower * (DISCOUNT * len(cnt) / total)
        out[idx] += np.maximum(cnt - DISCOUNT, 0.0) / total
        return out

    def distribution(self, a: str, b: str) -> np.ndarray:
        """p(· | a b) over the vocabulary (unknown words share the UNK slot)."""
        bigram = self._interpolate(self._uni.copy(), self._bi_arrays.get(b))
        return self._interpolate(bigram, self._tri_arrays.get((a, b)))

    def score(self, text: str) -> TokenScores:
        seq = [BOS, BOS] + words(text)
        if len(seq) < 4:
            raise ValueError("a text needs at least two words to be scored")
        unk = self.index[UNK]
        rows, targets = [], []
        # Position t predicts word t from the two before it; the first word is
        # the "x_1" every scorer conditions on and is not itself scored.
        for i in range(3, len(seq)):
            rows.append(np.log(self.distribution(seq[i - 2], seq[i - 1])))
            targets.append(self.index.get(seq[i], unk))
        logp = np.stack(rows)
        picked = logp[np.arange(len(targets)), targets]
        mu, sigma = moments(logp)
        greedy = np.argmax(logp, axis=1) == np.array(targets)
        return TokenScores([float(x) for x in picked], [bool(g) for g in greedy], [float(x) for x in mu],
                           [float(x) for x in sigma], "exact")

    def complete(self, prompt: str, max_tokens: int) -> str:
        """Greedy continuation by longest match over the training texts, like infini-gram.

        The next word is the one that most often follows the longest suffix of
        the context (up to ``MATCH_LIMIT`` words) found in the training texts;
        ties go to the earliest occurrence.  So a prompt that reproduces the
        opening of a training text recalls the rest of it, and one that matches
        several texts equally well continues like the first of them: what a
        model that memorized documents, not sentences, would do.  Scoring stays
        with the trigram probabilities.  Words are joined by spaces.
        """
        seq = words(prompt)
        out: list[str] = []
        for _ in range(max_tokens):
            word = self._next_by_match(seq)
            if word is None:
                break
            out.append(word)
            seq.append(word)
        return " ".join(out)

    def _next_by_match(self, context: list[str]) -> str | None:
        corpus, positions = self._corpus, self._positions.get(context[-1] if context else "", [])
        best_len, votes, first_at = 0, Counter[str](), {}
        for i in positions:
            if i + 1 >= len(corpus) or corpus[i + 1] is None:
                continue  # the end of a training text: nothing follows
            length = 1
            while (length < MATCH_LIMIT and length < len(context) and i - length >= 0
                   and corpus[i - length] is not None and corpus[i - length] == context[-1 - length]):
                length += 1
            if length > best_len:
                best_len, votes, first_at = length, Counter(), {}
            if length == best_len:
                nxt = corpus[i + 1]
                assert nxt is not None
                votes[nxt] += 1
                first_at.setdefault(nxt, i)
        if not votes:
            return None
        return min(votes, key=lambda w: (-votes[w], first_at[w]))

    def close(self) -> None:
        return None
