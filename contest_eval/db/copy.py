"""Copy a whole store from one database to another (SQLite <-> PostgreSQL).

The way to move a team's results from the single SQLite file to a shared
PostgreSQL server, or to take a snapshot back.  Rows keep their ids, so run ids
printed in old reports stay valid.  The source is only read; it must already be
at the newest schema (``db upgrade`` first), so a copy never migrates data
behind the user's back.  The target is brought to the newest schema and must
be empty: a copy never merges into, or overwrites, a store in use.  Everything
is written in one transaction, so a failed copy leaves the target as empty as
it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import JSON, Connection, Engine, Table, func, null, select, text

from contest_eval.db.engine import MIGRATIONS, StoreError, current_revision, make_engine, resolve_url, upgrade
from contest_eval.db.models import Base

BATCH = 2000


def _tables() -> list[Table]:
    """Every table of the store, parents before children: the ORM's, then the
    audits' (Core tables on their own MetaData that point at models/problems)."""
    from contest_eval.audit.results import metadata as audit_metadata

    # The audit tables refer only to ORM tables, never to each other.
    return [*Base.metadata.sorted_tables, *sorted(audit_metadata.tables.values(), key=lambda t: t.name)]


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    return str(head)


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in _tables()}


def _reset_sequences(engine: Engine) -> None:
    """PostgreSQL hands out ids from a sequence that explicit ids do not move."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in _tables():
            if "id" not in table.c:
                continue
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                              f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"))


def _copy_table(read: Connection, write: Connection, table: Table, progress: Callable[[str, int], None]) -> int:
    """Copy one table in batches; rows copied.

    A JSON column reads back None both for SQL NULL and for a JSON ``null``,
    and SQLAlchemy writes None as JSON ``null``: each such value's SQL
    NULLness is read alongside and written back as SQL NULL, so the copy is
    exact, not merely equivalent.
    """
    json_cols = [c.name for c in table.columns if isinstance(c.type, JSON)]
    flags = [table.c[name].is_(None).label(f"_null_{name}") for name in json_cols]
    query = select(table, *flags).order_by(*table.primary_key.columns)
    result = read.execution_options(stream_results=True).execute(query)
    n = 0
    while batch := result.fetchmany(BATCH):
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for row in batch:
            values = {c.name: row._mapping[c.name] for c in table.columns}
            nulls = tuple(name for name in json_cols if row._mapping[f"_null_{name}"])
            for name in nulls:
                del values[name]
            groups[nulls].append(values)
        for nulls, rows in groups.items():
            write.execute(table.insert().values({name: null() for name in nulls}), rows)
        n += len(batch)
        progress(table.name, len(batch))
    return n


def copy_store(source: str, target: str, progress: Callable[[str, int], None] = lambda table, n: None) -> dict[str, int]:
    """Copy every row of ``source`` into the empty store ``target``; rows copied per table."""
    src_url, dst_url = resolve_url(source), resolve_url(target)
    if src_url == dst_url:
        raise StoreError("source and target are the same store")
    src, dst = make_engine(src_url), make_engine(dst_url)
    try:
        head = _head()
        try:
            revision = current_revision(src)
        except Exception as exc:  # unreachable server, not a database, ...
            raise StoreError(f"cannot read {src.url.render_as_string(hide_password=True)}: {exc}") from exc
        if revision is None:
            raise StoreError(f"{src.url.render_as_string(hide_password=True)} is not a contest-eval store (no schema)")
        if revision != head:
            raise StoreError(f"source is at schema {revision}, not {head}: run `contest-eval --db SOURCE db upgrade` first")
        upgrade(dst)
        busy = {name: n for name, n in _counts(dst).items() if n}
        if busy:
            listed = ", ".join(f"{name} ({n})" for name, n in sorted(busy.items()))
            raise StoreError(f"target is not empty: {listed}; copy only into a new, empty store")
        copied: dict[str, int] = {}
        # One snapshot of the source, so rows written meanwhile by a running
        # `run` are either all in the copy or all out of it.
        snapshot = {"isolation_level": "REPEATABLE READ"} if src.dialect.name == "postgresql" else {}
        with src.connect().execution_options(**snapshot) as read, dst.begin() as write:
            for table in _tables():  # parents before children
                copied[table.name] = _copy_table(read, write, table, progress)
        _reset_sequences(dst)
        if _counts(dst) != copied:
            raise StoreError("the target changed while it was written: copy again into a new, empty store")
        return copied
    finally:
        src.dispose()
        dst.dispose()
