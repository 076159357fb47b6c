#!/usr/bin/env bash
# Fresh machine to a first report: set everything up (packages, virtualenv, judge
# images), load the shipped sample contest and build its hidden suite, run the
# `reference` pseudo-model and the embedded CPU model (SmolLM2-135M-Instruct via
# llama.cpp) on it, and print both reports and the leaderboard.
# The store is ./contest-eval.db (override with CONTEST_EVAL_DB).
# A failing step prints which step, the command and the tail of its error output.
set -uo pipefail
cd "$(dirname "$0")/.."
ce=.venv/bin/contest-eval
log=$(mktemp -d)/quickstart
trap 'rm -rf "$(dirname "$log")"' EXIT

# step NAME CMD...: run CMD, show its stdout; on failure name the step and quote its stderr.
step() {
  local name=$1; shift
  echo "== $name" >&2
  local code=0
  "$@" > "$log.out" 2> "$log.err" || code=$?
  if [ "$code" -ne 0 ]; then
    cat "$log.out"
    echo "quickstart: step '$name' failed (exit $code): $*" >&2
    echo "--- last lines of its error output:" >&2
    tail -n 20 "$log.err" >&2
    exit 1
  fi
  cat "$log.out"
  # progress bars and notes go to stderr: keep only the last lines so the log stays readable
  tail -n 5 "$log.err" >&2
}

# run_id: the run number from `run --json`, without a Python traceback if the output is not JSON.
run_id() { sed -n 's/^ *"run": \([0-9][0-9]*\),\{0,1\}$/\1/p' "$log.out" | head -n 1; }

step "setup (packages, virtualenv, judge images)" bash scripts/setup.sh
step "judge the two-sum example" $ce judge submit examples/two_sum/problem.json examples/two_sum/solution.py --lang python3
step "build the sample contest's hidden suite" $ce suite build suites/sample-contest
step "validate the suite" $ce suite validate suites/sample-contest
step "register the reference pseudo-model" $ce models add reference --hf-id reference --cutoff 2000-01-01
step "register SmolLM2-135M" $ce models add smollm2-135m --hf-id HuggingFaceTB/SmolLM2-135M-Instruct --cutoff 2024-10-31 --released 2024-11-01
step "run the reference pseudo-model" $ce run --model reference --backend reference --platform sample --rollouts 2 --json
ref=$(run_id)
step "run SmolLM2-135M on the CPU (llama.cpp)" $ce run --model smollm2-135m --backend llamacpp --platform sample --rollouts 2 --max-tokens 512 --json
cpu=$(run_id)
if [ -z "$ref" ] || [ -z "$cpu" ]; then
  echo "quickstart: could not read the run ids from 'run --json' (got '$ref' and '$cpu')" >&2
  exit 1
fi
step "report: reference" $ce report "$ref"
step "report: SmolLM2-135M" $ce report "$cpu" --html report-smollm2.html
step "leaderboard" $ce leaderboard --html leaderboard.html
echo "quickstart: done (store: ${CONTEST_EVAL_DB:-./contest-eval.db}; report-smollm2.html, leaderboard.html)" >&2
