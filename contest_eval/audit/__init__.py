"""Contamination audits: did a model see these problems before its boundary?

``attempts`` loads judged first attempts and difficulty covariates from the
store; ``timeline`` is the time audit (monthly acceptance, a difficulty-adjusted
logistic model, the effective-cutoff scan); ``metrics``, ``scorers``, ``ngram``
and ``separation`` make up the memorization audit (``--reference-model``
adds target − reference AUROCs); ``continuation`` is the guided vs general
completion audit; ``dating`` stores release dates estimated from problem
numbers (``contest_eval.problems.release_estimate``); ``results`` stores all.
Store I/O lives in ``attempts``, ``dating``, ``memorization.load_texts``,
``continuation.load_items`` and ``results``;
native code runs in ``llama_scorer``'s child process; the rest is computation.
"""
