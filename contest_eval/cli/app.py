"""Root of the ``contest-eval`` command line."""

from __future__ import annotations

import typer

from contest_eval import __version__
from contest_eval.cli import audit as audit_cli
from contest_eval.cli import judge as judge_cli
from contest_eval.cli import models as models_cli
from contest_eval.cli import report as report_cli
from contest_eval.cli import run as run_cli
from contest_eval.cli import scrape as scrape_cli
from contest_eval.cli import store as store_cli
from contest_eval.cli import suite as suite_cli
from contest_eval.cli import weekly as weekly_cli
from contest_eval.cli.output import state

app = typer.Typer(
    name="contest-eval",
    help="Contamination-aware live contest evaluator for code LLMs.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(judge_cli.app, name="judge")
app.command("import")(store_cli.import_command)
app.add_typer(store_cli.problems_app, name="problems")
app.add_typer(suite_cli.app, name="suite")
app.add_typer(store_cli.db_app, name="db")
app.add_typer(scrape_cli.app, name="scrape")
app.add_typer(models_cli.models_app, name="models")
app.command("run")(run_cli.run)
app.command("weekly")(weekly_cli.weekly)
app.command("report")(report_cli.report)
app.command("leaderboard")(report_cli.leaderboard)
app.add_typer(audit_cli.app, name="audit")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"contest-eval {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: str | None = typer.Option(None, "--db", envvar="CONTEST_EVAL_DB",
                                  help="Database: a SQLite path or any SQLAlchemy URL (default ./contest-eval.db)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Contamination-aware live contest evaluator for code LLMs."""
    state["db"] = db


def main() -> None:
    from sqlalchemy.exc import OperationalError

    from contest_eval.db.engine import StoreError
    from contest_eval.judge.images import ImageError
    from contest_eval.judge.sandbox import SandboxError

    try:
        app()
    except (SandboxError, ImageError, StoreError) as exc:
        # No engine, no image or no reachable store is the machine's state,
        # not a bug: one line, like `judge submit`.
        from contest_eval.cli.output import print_error

        print_error(str(exc))
        raise SystemExit(2) from None
    except OperationalError as exc:
        from contest_eval.cli.output import print_error

        # The driver's first line says what went wrong (refused, no such database, locked).
        print_error(f"database error: {str(exc.orig or exc).strip().splitlines()[0]}")
        raise SystemExit(2) from None
