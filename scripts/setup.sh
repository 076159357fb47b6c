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

# PostgreSQL's server binaries let the store tests run on both engines (a
# private throwaway cluster per test process; nothing is installed as a service).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null || echo "warning: could not install postgresql; its tests will skip" >&2
fi

# Debian's chromium and its WebDriver: the leaderboard page is tested in a real headless browser.
if ! command -v chromedriver >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null || echo "warning: could not install chromium; the page test will skip" >&2
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
# llama.cpp is compiled here, from source. Never with native CPU detection: a VM
# can advertise instructions (AMX, some AVX-512) that it then traps as illegal.
# The flags live in one file so the run's provenance can record them.
# shellcheck source=scripts/llamacpp-build.env
. scripts/llamacpp-build.env
if ! .venv/bin/python -c "import llama_cpp, sys; sys.exit(llama_cpp.__version__ != '$LLAMA_CPP_PYTHON_VERSION')" 2>/dev/null \
   || [ "$(cat .venv/.llamacpp-cmake-args 2>/dev/null)" != "$LLAMA_CPP_CMAKE_ARGS" ]; then
  CMAKE_ARGS="$LLAMA_CPP_CMAKE_ARGS" FORCE_CMAKE=1 .venv/bin/python -m pip install -q --no-cache-dir --force-reinstall --no-deps \
    "llama-cpp-python==$LLAMA_CPP_PYTHON_VERSION"
  printf '%s' "$LLAMA_CPP_CMAKE_ARGS" > .venv/.llamacpp-cmake-args
fi
.venv/bin/python -m pip install -q -e '.[test,llamacpp,postgres]'

if ! docker info >/dev/null 2>&1; then
  echo "error: no Docker engine (docker info failed); the judge needs one" >&2
  exit 1
fi
.venv/bin/contest-eval judge images build
.venv/bin/contest-eval judge images list
