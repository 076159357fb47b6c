"""The store on both engines: SQLite files and a real PostgreSQL server.

Every test here runs twice, once on a SQLite file and once on a throwaway
PostgreSQL cluster (tests/pgserver.py), through the real CLI and the real
Docker judge: schema upgrades, suite build, run and resume after SIGKILL, two
`run`s of the same plan at once with a `report` reading meanwhile, and
`db copy` between the engines.  Rows are counted with SQLAlchemy, the same
way on both.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timezone
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from conftest import ROOT
from test_cli import EXE, cli, one_line_error

SAMPLE = ROOT / "suites" / "sample-contest"
STAMP = re.compile(r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d")
RUN = ["run", "--model", "oracle", "--backend", "reference", "--platform", "sample", "--json"]


def _rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def _count(url: str, table: str) -> int:
    return int(_rows(url, f'select count(*) from "{table}"')[0][0])


def _ce(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return cli("--db", url, *args)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def template(request: Any, tmp_path_factory: Any, judge: Any) -> Iterator[tuple[str, Any]]:
    """A store with the sample suite built and the oracle registered, per engine."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('pg') / 'template.db'}"
    else:
        url = request.getfixturevalue("pg_server").url("template_" + os.urandom(4).hex())
    built = _ce(url, "suite", "build", str(SAMPLE))
    assert built.returncode == 0, built.stderr
    assert _ce(url, "models", "add", "oracle", "--hf-id", "reference", "--cutoff", "2025-01-01").returncode == 0
    yield request.param, url


@pytest.fixture
def store(template: tuple[str, Any], tmp_path: Path, request: Any) -> str:
    """A private copy of the template store."""
    kind, url = template
    if kind == "sqlite":
        copy = tmp_path / "store.db"
        shutil.copy(url.removeprefix("sqlite:///"), copy)
        return f"sqlite:///{copy}"
    server = request.getfixturevalue("pg_server")
    name = "t_" + os.urandom(6).hex()
    template_db = url.rsplit("/", 1)[1]
    engine = create_engine(server.admin_url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"'))
    finally:
        engine.dispose()
    return url.rsplit("/", 1)[0] + "/" + name


def test_schema_upgrade_is_repeatable_on_both_engines(store_url: str) -> None:
    first = _ce(store_url, "db", "upgrade")
    assert first.returncode == 0 and re.search(r"schema empty -> \w+", first.stdout), first.stdout + first.stderr
    head = first.stdout.split("-> ")[-1].strip()
    again = _ce(store_url, "db", "upgrade")
    assert again.returncode == 0 and f"{head} -> {head}" in again.stdout
    assert _rows(store_url, "select version_num from alembic_version") == [(head,)]


def test_run_kill_and_resume_on_both_engines(store: str) -> None:
    args = [EXE, "--db", store, *RUN, "--rollouts", "4"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline, judged = time.monotonic() + 300, 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        judged = _count(store, "submissions")
        if judged >= 2:
            break
    assert proc.poll() is None and judged >= 2, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    before = dict(_rows(store, "select generation_id, judged_at from submissions"))
    # A killed writer leaves whole submissions only: each has all its test rows.
    partial = _rows(store, "select s.id from submissions s left join test_results t on t.submission_id = s.id "
                           "group by s.id having count(t.id) = 0")
    assert partial == [] and 2 <= len(before) < 12
    again = cli(*args[1:])
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["judged"] == 12 - len(before)
    assert _rows(store, "select count(*), count(distinct generation_id) from submissions") == [(12, 12)]
    after = dict(_rows(store, "select generation_id, judged_at from submissions"))
    assert all(after[g] == t for g, t in before.items())  # nothing judged twice
    assert {v for (v,) in _rows(store, "select verdict from submissions")} == {"AC"}
    assert _count(store, "runs") == 1 and _count(store, "generations") == 12


def test_two_runs_at_once_and_a_reader_lose_and_duplicate_nothing(store: str) -> None:
    args = [EXE, "--db", store, *RUN, "--rollouts", "3"]
    runs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    reads = 0
    while any(p.poll() is None for p in runs):
        board = _ce(store, "leaderboard", "--json")
        # A reader never fails while writers work: it sees a leaderboard, or none yet.
        assert board.returncode == 0 or (board.returncode == 2 and "no finished runs" in board.stderr), board.stderr
        reads += 1
    outs = [p.communicate() for p in runs]
    for p, (out, err) in zip(runs, outs):
        assert p.returncode == 0, err
    assert {json.loads(out)["run"] for out, _ in outs} == {_rows(store, "select id from runs")[0][0]}
    assert _count(store, "runs") == 1
    assert _rows(store, "select count(*), count(distinct generation_id) from submissions") == [(9, 9)]
    assert _rows(store, "select count(*) from (select distinct run_id, problem_id, rollout from generations) g") == [(9,)]
    assert _count(store, "generations") == 9
    assert {v for (v,) in _rows(store, "select verdict from submissions")} == {"AC"}
    assert reads >= 1


def test_db_copy_between_engines_keeps_every_row(store: str, pg_server: Any, tmp_path: Path) -> None:
    assert _ce(store, *RUN, "--rollouts", "2").returncode == 0
    middle = pg_server.url() if store.startswith("sqlite") else f"sqlite:///{tmp_path / 'middle.db'}"
    back = f"sqlite:///{tmp_path / 'back.db'}"
    for src, dst in ((store, middle), (middle, back)):
        out = _ce(src, "db", "copy", src, dst, "--json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["tables"]["submissions"] == 6
    tables = [t for (t,) in _rows(back, "select name from sqlite_master where type='table' and name != 'alembic_version'")]
    assert {"problems", "runs", "submissions", "test_results"} <= set(tables)
    for table in tables:
        cols = ", ".join(f'"{c}"' for (_, c, *_r) in _rows(back, f'pragma table_info("{table}")'))
        original, copied = _rows(store, f'select {cols} from "{table}" order by 1'), _rows(back, f'select {cols} from "{table}" order by 1')
        assert len(original) == len(copied), table
        names = [c.strip('"') for c in cols.split(", ")]
        for a, b in zip(original, copied):
            diff = [(n, x, y) for n, x, y in zip(names, map(_norm, a), map(_norm, b)) if x != y]
            assert not diff, (table, diff)
    # The copy is a working store: its report gives the same figures.
    report = json.loads(_ce(back, "report", "1", "--json").stdout)
    assert report["attempts"]["successes"] == 6 and report["attempts"]["n"] == 6
    # New rows after a copy to PostgreSQL get fresh ids (the sequences moved past the copied ones).
    assert _ce(middle, "models", "add", "another", "--hf-id", "x/y", "--cutoff", "2025-01-01").returncode == 0


def _norm(value: Any) -> Any:
    """SQLite returns timestamps and JSON as text, PostgreSQL as objects: compare them as text."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, datetime):
        value = value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    s = str(value)
    if STAMP.match(s):
        return s.replace("T", " ").removesuffix("+00:00").ljust(26, "0")[:26] if "." in s else s.replace("T", " ")[:19] + ".000000"
    if s[:1] in "{[":
        try:
            return json.dumps(json.loads(s), sort_keys=True)
        except ValueError:
            return s
    return s


def test_db_copy_refuses_a_busy_target_and_a_bad_source(store: str, tmp_path: Path) -> None:
    target = f"sqlite:///{tmp_path / 'busy.db'}"
    assert _ce(target, "models", "add", "someone", "--hf-id", "a/b", "--cutoff", "2025-01-01").returncode == 0
    one_line_error(_ce(store, "db", "copy", store, target), "target is not empty")
    assert _count(target, "models") == 1 and _count(target, "runs") == 0
    one_line_error(_ce(store, "db", "copy", f"sqlite:///{tmp_path / 'nothing.db'}", f"sqlite:///{tmp_path / 'new.db'}"),
                   "not a contest-eval store")
    one_line_error(_ce(store, "db", "copy", store, store), "same store")


def test_unreachable_postgres_is_a_one_line_error(tmp_path: Path) -> None:
    one_line_error(cli("--db", "postgresql://nobody@127.0.0.1:1/none", "problems", "list"), "Connection refused")
