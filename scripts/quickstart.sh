#!/usr/bin/env bash
# Fresh machine to a first report: set everything up (packages, virtualenv, judge
# images), load the shipped sample contest and build its hidden suite, run the
# `reference` pseudo-model and the embedded CPU model (SmolLM2-135M-Instruct via
# llama.cpp) on it, and print both reports and the leaderboard.
# The store is ./contest-eval.db (override with CONTEST_EVAL_DB).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ce=.venv/bin/contest-eval
run_id() { .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["run"])'; }

$ce judge submit examples/two_sum/problem.json examples/two_sum/solution.py --lang python3
$ce suite build suites/sample-contest
$ce suite validate suites/sample-contest
$ce models add reference --hf-id reference --cutoff 2000-01-01
$ce models add smollm2-135m --hf-id HuggingFaceTB/SmolLM2-135M-Instruct --cutoff 2024-10-31 --released 2024-11-01
ref=$($ce run --model reference --backend reference --platform sample --rollouts 2 --json | run_id)
cpu=$($ce run --model smollm2-135m --backend llamacpp --platform sample --rollouts 2 --max-tokens 512 --json | run_id)
$ce report "$ref"
$ce report "$cpu" --html report-smollm2.html
$ce leaderboard --html leaderboard.html
