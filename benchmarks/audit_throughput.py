"""Memorization-audit throughput on llama.cpp: tokens scored per second, and the
audit's cost relative to a plain forward pass over the same tokens.

The audit pass (``contest_eval.audit.llama_scorer``) runs in a child process,
keeps every position's logits (``logits_all=True``), computes a full-vocabulary
log-softmax, μ, σ and the argmax per position, and ships the arrays back as JSON.
Two baselines, both ``Llama.eval`` in this process: with ``logits_all=True``
(a forward pass that yields every position's distribution: what any
perplexity evaluation runs, and the ratio that measures the audit's own
overhead), and with ``logits_all=False`` (only the last position's logits: the
cheapest pass over the tokens; with a 49k vocabulary and 135M parameters the
output layer alone makes all-position logits noticeably dearer).  All three
use the same thread count and context size and alternate text by text, so load
changes hit them alike.

Usage: ``python benchmarks/audit_throughput.py [--texts N] [--max-tokens T] [--json]``.
Needs the llamacpp extra (the embedded SmolLM2-135M GGUF).  Target: ≤ 1.2×.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

TARGET_RATIO = 1.2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=12)
    parser.add_argument("--max-tokens", type=int, default=256)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import llama_cpp

    from audit_texts import statements
    from contest_eval.audit.llama_scorer import LlamaCppScorer
    from contest_eval.audit.metrics import text_metrics
    from contest_eval.generate.llamacpp_backend import default_model_path, default_threads, llama_kwargs

    model = default_model_path()
    threads = default_threads()
    texts = [t * 2 for t in statements(args.texts)]  # doubled: every text fills the token cap
    scorer = LlamaCppScorer(str(model), max_tokens=args.max_tokens, n_threads=threads)
    plain = llama_cpp.Llama(**llama_kwargs(model, args.max_tokens, None, threads))
    full = llama_cpp.Llama(**llama_kwargs(model, args.max_tokens, None, threads), logits_all=True)
    audit_s, plain_s, full_s, tokens = [], [], [], 0
    load_start = os.getloadavg()[0]
    try:
        for text in texts:
            ids = plain.tokenize(text.encode("utf-8"), add_bos=True, special=False)[: args.max_tokens]
            started = time.perf_counter()
            plain.reset()
            plain.eval(ids)
            plain_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            full.reset()
            full.eval(ids)
            full_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            text_metrics(text, scorer.score(text))
            audit_s.append(time.perf_counter() - started)
            tokens += len(ids)
            print(f"  {len(audit_s)}/{len(texts)} scored", file=sys.stderr)
    finally:
        scorer.close()
    ratio = sum(audit_s) / sum(full_s)
    result = {
        "model": model.name, "threads": threads, "texts": len(texts), "tokens": tokens, "max_tokens": args.max_tokens,
        "audit_tokens_per_s": tokens / sum(audit_s), "plain_tokens_per_s": tokens / sum(plain_s),
        "all_logits_tokens_per_s": tokens / sum(full_s),
        "ratio": ratio, "median_ratio": statistics.median(a / p for a, p in zip(audit_s, full_s)),
        "ratio_vs_last_logits": sum(audit_s) / sum(plain_s),
        "target_ratio": TARGET_RATIO, "load_avg_start": load_start, "load_avg_end": os.getloadavg()[0],
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"model {result['model']}, {threads} thread(s), {len(texts)} texts, {tokens} tokens "
              f"(load {load_start:.1f} -> {result['load_avg_end']:.1f})")
        print(f"audit pass : {result['audit_tokens_per_s']:8.1f} tokens/s (all logits, full-vocabulary scores, child process)")
        print(f"forward    : {result['all_logits_tokens_per_s']:8.1f} tokens/s (Llama.eval, all logits, in process)")
        print(f"forward    : {result['plain_tokens_per_s']:8.1f} tokens/s (Llama.eval, last logits only, in process)")
        print(f"cost ratio : {ratio:.2f}x total, {result['median_ratio']:.2f}x median per text vs the all-logits pass "
              f"(target <= {TARGET_RATIO}x); {result['ratio_vs_last_logits']:.2f}x vs the last-logits pass")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
