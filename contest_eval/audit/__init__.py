"""Contamination audits: did a model see these problems before its boundary?

``attempts`` loads judged first attempts and difficulty covariates from the
store; ``timeline`` is the time audit (monthly acceptance, a difficulty-adjusted
logistic model, the effective-cutoff scan); ``metrics``, ``scorers``, ``ngram``
and ``separation`` make up the memorization audit; ``results`` stores both.
Store I/O lives in ``attempts``, ``memorization.load_texts`` and ``results``;
native code runs in ``llama_scorer``'s child process; the rest is computation.
"""
