"""``suite draft``: a recipe for a fresh problem without hand work.

:func:`draft_recipe` parses the statement's constraints into a model
(:mod:`.constraints`), writes a generator that samples from it with every
input checked against the model (:mod:`.generator`, :mod:`.validity`), and
gathers references from every source there is (:mod:`.references`).  The
agreement rule of ``suite build`` then decides the tests.  stdin problems
(Codeforces, AtCoder) are drafted from their Input section instead
(:mod:`.stdin_recipe`: the format model of :mod:`.stdin_format` and
:mod:`.stdin_atcoder`, sampled by :mod:`.stdin_generator`, re-read by
:mod:`.stdin_validity`; plain-text statements are rebuilt by :func:`.stdin_recipe.text_to_html`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from contest_eval.suite.draft.recipe import DraftError, DraftInput, DraftResult, draft_problem
from contest_eval.suite.draft.references import RefSource, from_doocs, from_store, merge, only_languages

__all__ = ["DraftError", "DraftInput", "DraftResult", "RefSource", "draft_problem", "draft_recipe"]


def draft_recipe(session: Any, problem: Any, out_dir: Path, doocs_dir: Path | None = None,
                 extra_references: list[RefSource] | None = None, *,
                 languages: tuple[str, ...] | None = None) -> DraftResult:
    """Draft ``out_dir/<slug>/`` for a stored problem (an ORM ``Problem`` row).

    References: the store's own (imports; ``suite build`` judges them from the
    store), doocs from ``doocs_dir`` when given, and ``extra_references`` (e.g.
    accepted contest submissions, or model outputs marked ``candidate``).
    ``languages`` keeps only references in these judge languages.  Raises
    :class:`DraftError` (one line, nothing written) when the problem cannot be
    drafted at all.  ``session`` is accepted for symmetry with the other
    library calls; the problem row's relationships are read through it.
    """
    del session  # the row carries its references; nothing else is queried
    refs = merge(from_store(problem), from_doocs(Path(doocs_dir), problem.slug) if doocs_dir else [],
                 list(extra_references or []))
    return draft_problem(DraftInput.from_problem(problem), Path(out_dir), only_languages(refs, languages),
                         self_contained=False)
