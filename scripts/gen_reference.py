#!/usr/bin/env python
"""Regenerate the committed reference files.

* ``db/schema.sql``  -- the SQLite schema produced by the Alembic migrations
  (a fresh store upgraded to head through ``contest_eval.db.engine.upgrade``).
* ``cli/README.md``  -- the command reference rendered from the Typer app.

Run from the repository root (any cwd works)::

    python scripts/gen_reference.py           # rewrite the files
    python scripts/gen_reference.py --check   # exit 1 if a file is stale

The output does not depend on the terminal width, the environment or the
working directory, so CI and developers get byte-identical files.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SCHEMA_PATH = ROOT / "db" / "schema.sql"
CLI_README_PATH = ROOT / "cli" / "README.md"
REGENERATE = "python scripts/gen_reference.py"
WIDTH = 100  # fixed help width: never the terminal's

_TYPE_ORDER = {"table": 0, "index": 1, "view": 2, "trigger": 3}


# --------------------------------------------------------------------------- schema

def make_store(path: Path) -> str:
    """Create a SQLite store at *path* via the project's own upgrade path; returns the head revision."""
    from contest_eval.db.engine import make_engine, resolve_url, upgrade

    engine = make_engine(resolve_url(str(path)))
    try:
        return upgrade(engine)
    finally:
        engine.dispose()


def render_schema() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "schema.db"
        head = make_store(db)
        conn = sqlite3.connect(db)
        try:
            rows = conn.execute(
                "SELECT type, name, sql FROM sqlite_master "
                "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND tbl_name != 'alembic_version'"
            ).fetchall()
        finally:
            conn.close()
    rows.sort(key=lambda r: (_TYPE_ORDER.get(r[0], 9), r[1]))
    out = [
        "-- SQLite schema of the contest-eval store, generated from the Alembic migrations",
        "-- (contest_eval/db/migrations).  Do not edit: regenerate with",
        f"--     {REGENERATE}",
        f"-- Alembic head: {head}",
        "",
    ]
    for _type, _name, sql in rows:
        sql = "\n".join(line.rstrip() for line in sql.strip().rstrip(";").splitlines())
        out.append(sql + ";")
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- CLI

def _is_group(cmd) -> bool:  # type: ignore[no-untyped-def]
    # Typer vendors its own copy of click (typer._click), so duck-type rather
    # than isinstance-check against the ``click`` package.
    return hasattr(cmd, "list_commands") and hasattr(cmd, "get_command")


def _is_argument(param) -> bool:  # type: ignore[no-untyped-def]
    return getattr(param, "param_type_name", "") == "argument"


def _context(cmd, name, parent=None):  # type: ignore[no-untyped-def]
    return cmd.context_class(cmd, info_name=name, parent=parent, terminal_width=WIDTH, max_content_width=WIDTH)


def _walk(cmd, ctx, path):  # type: ignore[no-untyped-def]
    yield path, cmd, ctx
    if _is_group(cmd):
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            if sub is None or getattr(sub, "hidden", False):
                continue
            sub_ctx = _context(sub, name, ctx)
            yield from _walk(sub, sub_ctx, [*path, name])


def _clean(text: str) -> str:
    import inspect

    text = inspect.cleandoc(text or "")
    # click's \b (no-rewrap) and \f (truncate) markers
    text = text.split("\f", 1)[0]
    return "\n".join(line for line in text.splitlines() if line.strip() != "\b").strip()


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_cli() -> str:
    import typer.main

    from contest_eval.cli.app import app

    root = typer.main.get_command(app)
    prog = "contest-eval"
    root_ctx = _context(root, prog)
    out = [
        "# contest-eval command reference",
        "",
        "<!-- Generated from the Typer app (contest_eval/cli/app.py). Do not edit:",
        f"     regenerate with `{REGENERATE}`. -->",
        "",
    ]
    entries = list(_walk(root, root_ctx, [prog]))
    out.append("## Contents")
    out.append("")
    for path, _cmd, _ctx in entries:
        name = " ".join(path)
        anchor = name.replace(" ", "-")
        indent = "  " * (len(path) - 1)
        out.append(f"{indent}- [`{name}`](#{anchor})")
    out.append("")

    for path, cmd, ctx in entries:
        name = " ".join(path)
        out.append(f"{'#' * min(len(path) + 1, 6)} `{name}`")
        out.append("")
        out.append('<a id="' + name.replace(" ", "-") + '"></a>')
        out.append("")
        help_text = _clean(cmd.help or cmd.short_help or "")
        if help_text:
            out.append(help_text)
            out.append("")
        pieces = cmd.collect_usage_pieces(ctx)
        out.append("```")
        out.append(f"Usage: {name} {' '.join(pieces)}".rstrip())
        out.append("```")
        out.append("")

        args = [p for p in cmd.get_params(ctx) if _is_argument(p)]
        opts = []
        for p in cmd.get_params(ctx):
            if _is_argument(p) or getattr(p, "hidden", False):
                continue
            rec = p.get_help_record(ctx)
            if rec:
                opts.append(rec)
        if args:
            out.append("**Arguments**")
            out.append("")
            out.append("| Argument | Description |")
            out.append("| --- | --- |")
            for a in args:
                rec = a.get_help_record(ctx)
                decl = rec[0] if rec else " ".join(a.get_usage_pieces(ctx)) or str(a.name).upper()
                desc = rec[1] if rec else _clean(getattr(a, "help", None) or "")
                out.append(f"| `{_cell(decl)}` | {_cell(desc)} |")
            out.append("")
        if opts:
            out.append("**Options**")
            out.append("")
            out.append("| Option | Description |")
            out.append("| --- | --- |")
            for decl, desc in opts:
                out.append(f"| `{_cell(decl)}` | {_cell(desc)} |")
            out.append("")
        if _is_group(cmd):
            subs = [(n, cmd.get_command(ctx, n)) for n in cmd.list_commands(ctx)]
            subs = [(n, c) for n, c in subs if c is not None and not getattr(c, "hidden", False)]
            if subs:
                out.append("**Commands**")
                out.append("")
                out.append("| Command | Summary |")
                out.append("| --- | --- |")
                for n, c in subs:
                    summary = c.get_short_help_str(limit=WIDTH)
                    out.append(f"| `{n}` | {_cell(summary)} |")
                out.append("")

    root_opts = {o for p in root.params for o in getattr(p, "opts", [])}
    out.append("## Shell completion")
    out.append("")
    if "--install-completion" in root_opts:
        out += [
            "Completion is enabled in the app. Install it for the current shell with",
            "",
            "```sh",
            "contest-eval --install-completion",
            "```",
            "",
            "or print the script to wire it up yourself with `contest-eval --show-completion`.",
            "Restart the shell afterwards.",
        ]
    else:
        out += [
            "Shell completion is currently **disabled**: the Typer app is created with",
            "`add_completion=False` (contest_eval/cli/app.py), so there is no",
            "`--install-completion` option and the `_CONTEST_EVAL_COMPLETE` environment",
            "variable is not honoured (it answers \"Shell bash not supported.\").",
            "",
            "To enable it, set `add_completion=True` in `contest_eval/cli/app.py` and run",
            f"`{REGENERATE}`; then",
            "",
            "```sh",
            "contest-eval --install-completion        # bash, zsh, fish or PowerShell",
            "contest-eval --show-completion           # print the script instead",
            "# or, by hand (Typer's variable format is <instruction>_<shell>):",
            'eval "$(_CONTEST_EVAL_COMPLETE=source_bash contest-eval)"',
            "```",
        ]
    out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- main

def outputs() -> dict[Path, str]:
    """Path -> expected content.  Rendering must not depend on the caller's
    terminal or environment, so COLUMNS is pinned (and restored afterwards)."""
    saved = {k: os.environ.get(k) for k in ("COLUMNS", "CONTEST_EVAL_DB")}
    os.environ["COLUMNS"] = str(WIDTH)
    os.environ.pop("CONTEST_EVAL_DB", None)
    try:
        return {SCHEMA_PATH: render_schema(), CLI_README_PATH: render_cli()}
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed file is stale; write nothing")
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if args.check and stale:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)} (run `{REGENERATE}`)", file=sys.stderr)
        return 1
    if not stale:
        print("reference files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
