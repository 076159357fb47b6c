"""Root of the ``contest-eval`` command line."""

from __future__ import annotations

import typer

from contest_eval import __version__
from contest_eval.cli import judge as judge_cli

app = typer.Typer(
    name="contest-eval",
    help="Contamination-aware live contest evaluator for code LLMs.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(judge_cli.app, name="judge")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"contest-eval {__version__}")
        raise typer.Exit()


@app.callback()
def root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit.")) -> None:
    """Contamination-aware live contest evaluator for code LLMs."""


def main() -> None:
    app()
