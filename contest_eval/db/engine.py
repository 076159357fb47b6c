"""Engine, sessions and schema upgrades.

The database is a SQLAlchemy URL; a bare path means SQLite.  It defaults to
``contest-eval.db`` in the working directory, or ``CONTEST_EVAL_DB``, or
``--db``.  SQLite gets WAL, foreign keys and a busy timeout; the schema is
managed by Alembic migrations and brought up to date on open, so an old file is
upgraded in place and nothing is lost.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB = "contest-eval.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(RuntimeError):
    """The store cannot be opened or upgraded."""


def resolve_url(db: str | None = None) -> str:
    value = db or os.environ.get("CONTEST_EVAL_DB") or DEFAULT_DB
    for plain in ("postgresql://", "postgres://"):
        # The driver this project installs (the `postgres` extra) is psycopg 3;
        # SQLAlchemy's default for a bare postgresql:// URL is psycopg2.
        if value.startswith(plain):
            return "postgresql+psycopg://" + value[len(plain):]
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    try:
        engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    except ModuleNotFoundError as exc:
        hint = " (pip install 'contest-eval[postgres]')" if url.startswith("postgres") else ""
        raise StoreError(f"no database driver for {url.split('://', 1)[0]}: {exc.name} is not installed{hint}") from exc
    except Exception as exc:  # ArgumentError and friends for a malformed URL
        raise StoreError(f"bad database URL: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> str:
    """Bring the schema to the newest revision; returns that revision."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    cfg = _alembic_config(engine)
    try:
        command.upgrade(cfg, "head")
    except Exception as exc:  # alembic and the driver raise many kinds
        where = engine.url.render_as_string(hide_password=True)
        orig = getattr(exc, "orig", None)
        if orig is not None:  # a driver error: its own first line says it best (refused, no such database, ...)
            first = " ".join(str(orig).strip().split("\n")[0].split())
            raise StoreError(f"cannot open the store {where}: {first}") from exc
        raise StoreError(f"cannot upgrade {where}: {exc}") from exc
    with engine.connect() as conn:
        return str(MigrationContext.configure(conn).get_current_revision())


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    if "alembic_version" not in inspect(engine).get_table_names():
        return None
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@lru_cache(maxsize=8)
def _opened(url: str) -> tuple[Engine, sessionmaker[Session]]:
    engine = make_engine(url)
    upgrade(engine)
    return engine, sessionmaker(engine, expire_on_commit=False)


def open_store(db: str | None = None) -> tuple[Engine, sessionmaker[Session]]:
    return _opened(resolve_url(db))


@contextmanager
def session_scope(db: str | None = None) -> Iterator[Session]:
    """One transaction: committed on success, rolled back on any error, so a
    failed import or run never leaves half a record behind."""
    _, factory = open_store(db)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
