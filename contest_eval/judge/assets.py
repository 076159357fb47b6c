"""Where the non-Python judge assets (``judges/``) live.

The lookup itself lives in :mod:`contest_eval.languages` (generation needs the
language registry without loading the judge); this module adds the runtime
files the harnesses are rendered from.
"""

from __future__ import annotations

from contest_eval.languages import AssetError, judges_dir

__all__ = ["AssetError", "judges_dir", "runtime_file"]


def runtime_file(language: str, name: str) -> str:
    path = judges_dir() / language / "runtime" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AssetError(f"missing runtime file {path}") from exc
