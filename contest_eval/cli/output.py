"""Shared CLI output helpers: one-line errors, JSON, Rich consoles."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from datetime import datetime

console = Console()
# Set by the root callback (--db); None means CONTEST_EVAL_DB or ./contest-eval.db.
state: dict[str, str | None] = {"db": None}
err_console = Console(stderr=True)


def print_error(message: str) -> None:
    """Print ``message`` as one ``error:`` line on stderr."""
    first = " ".join(str(message).split())
    # The message may quote anything (paths, model output): never parse it as markup.
    err_console.print(f"[bold red]error:[/] {escape(first)}", highlight=False, markup=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error and exit non-zero."""
    print_error(message)
    raise typer.Exit(code)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def parse_day(value: str | None, option: str) -> "datetime | None":
    """A UTC date or datetime from the command line (YYYY-MM-DD[THH:MM])."""
    from datetime import datetime, timezone

    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date like 2026-04-25, got {value!r}")
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed.astimezone(timezone.utc)
