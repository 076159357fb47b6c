#!/usr/bin/env bash
# Set up contest-eval on a fresh machine: system packages, a virtualenv with the
# package and its test extras, and every judge image (idempotent: images whose
# recipe did not change are kept).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v debootstrap >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  else
    echo "error: debootstrap is missing; install it (sudo apt-get install debootstrap) and re-run" >&2
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,llamacpp]'

if ! docker info >/dev/null 2>&1; then
  echo "error: no Docker engine (docker info failed); the judge needs one" >&2
  exit 1
fi
.venv/bin/contest-eval judge images build
.venv/bin/contest-eval judge images list
