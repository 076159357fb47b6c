"""The ``reference`` pseudo-model: submits each problem's trusted reference.

A sanity check of the whole pipeline (prompting aside): extraction, judging,
storage and reporting must give 100% when the answers are known to be right.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from contest_eval.generate.backend import Completion, GenerationRequest, GenerationError, Sampling
from contest_eval.generate.prompts import fence_tag
from contest_eval.languages import load_language

# Our own suite references first: they were judged when the suite was built.
_ORIGIN_ORDER = ("suite", "ours", "doocs")


def pick_reference(references: list[Any], language: str) -> str | None:
    candidates = [r for r in references if r.language == language]
    candidates.sort(key=lambda r: next((i for i, o in enumerate(_ORIGIN_ORDER) if r.origin.startswith(o)), 99))
    return candidates[0].code if candidates else None


class ReferenceBackend:
    name = "reference"

    def __init__(self, codes: dict[str, str], language: str) -> None:
        self.codes = codes  # problem slug -> reference source
        self.tag = fence_tag(load_language(language))

    def generate(self, requests: list[GenerationRequest], sampling: Sampling,
                 on_done: Callable[[Completion], None] | None = None) -> list[Completion]:
        out = []
        for req in requests:
            slug = req.key
            if slug not in self.codes:
                raise GenerationError(f"no reference solution for {slug}")
            for i in req.indices:
                started = time.monotonic()
                text = f"```{self.tag}\n{self.codes[slug].rstrip()}\n```\n"
                c = Completion(req.key, i, text, None, None, "stop", (time.monotonic() - started) * 1000)
                if on_done:
                    on_done(c)
                out.append(c)
        return out
