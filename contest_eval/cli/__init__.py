"""The ``contest-eval`` command line (Typer + Rich)."""
