#!/usr/bin/env bash
# Fresh machine to first verdicts: set everything up, then judge the bundled
# example problem in every language and print the verdicts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
for lang in python3 cpp java go rust javascript; do
  ext=$(.venv/bin/python -c "from contest_eval.judge.language import load_language as l; print(l('$lang').extension)")
  echo "== $lang"
  .venv/bin/contest-eval judge submit examples/two_sum/problem.json "examples/two_sum/solution.$ext" --lang "$lang"
done
