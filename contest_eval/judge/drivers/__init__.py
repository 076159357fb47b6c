"""Per-language harness drivers, generated from LeetCode ``metaData``.

Each module ``drivers/<language>.py`` exposes
``render(meta, source) -> {file name: content}``: the files that, compiled and
run with the language's ``compile_harness``/``run`` commands, implement the
harness side of ``judges/PROTOCOL.md``.  Modules load lazily so one broken
driver cannot stop the others.
"""

from __future__ import annotations

import importlib

from contest_eval.problems.metadata import Metadata


def render(language: str, meta: Metadata, source: str) -> dict[str, str]:
    module = importlib.import_module(f"contest_eval.judge.drivers.{language}")
    files: dict[str, str] = module.render(meta, source)
    return files
