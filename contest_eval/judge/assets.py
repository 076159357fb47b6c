"""Where the non-Python judge assets (``judges/``) live.

In a source checkout or an editable install they sit beside the package; a
wheel ships them as ``contest_eval/_judges``.  ``CONTEST_EVAL_JUDGES`` overrides
both, for a site that keeps its own recipes.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


class AssetError(RuntimeError):
    """A judge asset is missing from this installation."""


@lru_cache(maxsize=1)
def judges_dir() -> Path:
    override = os.environ.get("CONTEST_EVAL_JUDGES")
    candidates = [Path(override)] if override else []
    here = Path(__file__).resolve()
    candidates += [here.parents[2] / "judges", here.parents[1] / "_judges"]
    for path in candidates:
        if (path / "supervisor.py").is_file():
            return path
    raise AssetError("judge assets not found (looked in: " + ", ".join(str(p) for p in candidates) + ")")


def runtime_file(language: str, name: str) -> str:
    path = judges_dir() / language / "runtime" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AssetError(f"missing runtime file {path}") from exc
