"""Where judge work runs: ``--executor local|ray`` and ``--ray-address``, shared by
``run``, ``suite build`` and ``suite validate``.

Ray is imported only when ``--executor ray`` is chosen, so ``--help`` and local
runs never load it.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import typer


class Executor(str, Enum):
    local = "local"
    ray = "ray"


EXECUTOR_OPTION: Any = typer.Option(
    Executor.local, "--executor",
    help="Where submissions are judged: this machine's Docker (local) or a Ray cluster's judge nodes (ray).")
RAY_ADDRESS_OPTION: Any = typer.Option(
    None, "--ray-address",
    help="Ray cluster to judge on with --executor ray, e.g. 10.0.0.5:6379 (default: RAY_ADDRESS or the local cluster).")


def make_judge(executor: Executor | str, address: str | None = None) -> Any:
    """A judge for the chosen executor, or a one-line error and exit 2.

    Both kinds have ``judge(spec, language, source, options=None, base_dir=None)``
    and are shared between threads; results come back to this process, which
    alone writes the store.
    """
    from contest_eval.cli.output import fail

    if Executor(executor) is Executor.local:
        if address is not None:
            fail("--ray-address needs --executor ray")
        from contest_eval.judge.engine import Judge

        return Judge()
    from contest_eval.judge.remote import RayJudge, RayJudgeError

    try:
        # Nodes without the images (GPU nodes serving vLLM, say) are named in a logged warning.
        return RayJudge(address)
    except RayJudgeError as exc:
        fail(str(exc))


def workers_for(judge: Any, requested: int) -> int:
    """Submissions judged at once: a Ray cluster is kept busy on all its slots."""
    return max(requested, int(getattr(judge, "slots", 0)))
