"""The store through the real CLI on real SQLite files: imports, idempotence,
release times, upgrades, and bad input that leaves the database untouched."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from test_cli import cli, one_line_error

from conftest import SHARED_DATA as DATA, missing_shared_data
needs_data = pytest.mark.skipif(not (DATA / "leetcode").is_dir(), reason=missing_shared_data(DATA / "leetcode", "doocs LeetCode problems and contest schedule"))


def db_cli(db: Path | str, *args: str):
    return cli("--db", str(db), *args)


def row_counts(db: Path | str) -> dict[str, int]:
    """Rows per table, on a SQLite path or any store URL."""
    from sqlalchemy import create_engine, func, inspect, select, table

    engine = create_engine(db if isinstance(db, str) else f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return {t: int(conn.scalar(select(func.count()).select_from(table(t))) or 0) for t in inspect(engine).get_table_names()}
    finally:
        engine.dispose()


@needs_data
def test_doocs_and_contests_give_release_times(store_url: str):
    db = store_url  # on SQLite and on PostgreSQL
    first = json.loads(db_cli(db, "import", "doocs", str(DATA / "leetcode" / "problems"), "--json").stdout)
    assert (first["new"], first["skipped"]) == (36, 0)
    contests = json.loads(db_cli(db, "import", "contests", str(DATA / "leetcode" / "contests.json"), "--json").stdout)
    assert contests["new"] + contests["updated"] == 622 and contests["skipped"] == 0
    again = json.loads(db_cli(db, "import", "doocs", str(DATA / "leetcode" / "problems"), "--json").stdout)
    assert (again["new"], again["unchanged"]) == (0, 36)  # idempotent: no duplicates
    rows = json.loads(db_cli(db, "problems", "list", "--since", "2026-04-25", "--until", "2026-06-01", "--json").stdout)
    assert len(rows) == 36 and all(r["release_time"] for r in rows)
    by_slug = {r["slug"]: r for r in rows}
    assert by_slug["password-strength"]["release_time"] == "2026-05-24T02:30:00+00:00"
    assert (by_slug["password-strength"]["contest"], by_slug["password-strength"]["index"]) == ("weekly-contest-503", "Q2")
    weekly_499 = json.loads(db_cli(db, "problems", "list", "--contest", "weekly-contest-499", "--json").stdout)
    assert [r["index"] for r in weekly_499] == ["Q1", "Q2", "Q3", "Q4"]
    shown = json.loads(db_cli(db, "problems", "show", "password-strength", "--json").stdout)
    assert shown["metadata"]["name"] == "passwordStrength" and len(shown["examples"]) >= 2
    assert {r["language"] for r in shown["references"]} >= {"python3", "cpp", "java", "go"}


@needs_data
def test_bad_dataset_lines_are_skipped_and_nothing_is_lost(tmp_path: Path, store_url: str):
    db = store_url  # on SQLite and on PostgreSQL
    sample = (DATA / "samples" / "deepseek_leetcode_5.jsonl").read_text().splitlines()
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(sample[:3]) + "\n")
    assert json.loads(db_cli(db, "import", "deepseek", str(good), "--json").stdout)["new"] == 3
    before = row_counts(db)
    hostile = tmp_path / "hostile.jsonl"
    hostile.write_text(sample[3][: len(sample[3]) // 2] + "\n" + '{"task_id": 5}\n' + sample[4] + "\n")
    summary = json.loads(db_cli(db, "import", "deepseek", str(hostile), "--json").stdout)
    assert summary["new"] == 1 and summary["skipped"] == 2
    assert {r["where"] for r in summary["rejected"]} == {"line 1", "line 2"}
    after = row_counts(db)
    assert after["problems"] == before["problems"] + 1


def test_all_rejected_is_an_error_and_missing_path_is_one_line(tmp_path: Path):
    db = tmp_path / "store.db"
    junk = tmp_path / "junk.jsonl"
    junk.write_text("{not json\n")
    proc = db_cli(db, "import", "deepseek", str(junk))
    assert proc.returncode != 0 and "skipped line 1" in proc.stdout
    one_line_error(db_cli(db, "import", "deepseek", str(tmp_path / "missing.jsonl")), "does not exist")
    bad = db_cli(db, "import", "kaggle", str(junk))  # a usage error: FORMAT is a choice
    assert bad.returncode == 2 and "kaggle" in bad.stderr and "Traceback" not in bad.stderr
    one_line_error(db_cli(db, "problems", "show", "no-such-problem"), "no problem")
    one_line_error(db_cli(db, "problems", "list", "--since", "yesterday"), "--since")


def test_db_upgrade_keeps_data_and_is_repeatable(tmp_path: Path):
    db = tmp_path / "store.db"
    proc = db_cli(db, "db", "upgrade")
    assert proc.returncode == 0 and "schema empty -> " in proc.stdout
    head = proc.stdout.split("-> ")[-1].strip()
    con = sqlite3.connect(db)
    con.execute("insert into contests (platform, slug, title, source, updated_at) values ('leetcode', 'x', 'X', 't', '2026-01-01 00:00:00')")
    con.commit()
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"
    con.close()
    proc = db_cli(db, "db", "upgrade")
    assert proc.returncode == 0 and f"{head} -> {head}" in proc.stdout
    assert row_counts(db)["contests"] == 1


def test_timestamps_are_utc_aware(tmp_path: Path):
    from datetime import datetime, timezone

    from contest_eval.db.engine import make_engine, upgrade
    from contest_eval.db.models import Contest
    from sqlalchemy.orm import Session

    engine = make_engine(f"sqlite:///{tmp_path / 'tz.db'}")
    upgrade(engine)
    with Session(engine) as s:
        s.add(Contest(platform="p", slug="naive", start_time=datetime(2026, 1, 1)))
        with pytest.raises(Exception, match="naive datetime"):
            s.flush()
        s.rollback()
        s.add(Contest(platform="p", slug="aware", start_time=datetime(2026, 1, 1, 3, tzinfo=timezone.utc)))
        s.commit()
        assert s.query(Contest).one().start_time.tzinfo is not None


@needs_data
def test_vibethinker_preset_selects_the_32_problems(tmp_path: Path):
    db = tmp_path / "store.db"
    db_cli(db, "import", "doocs", str(DATA / "leetcode" / "problems"))
    db_cli(db, "import", "contests", str(DATA / "leetcode" / "contests.json"))
    assert db_cli(db, "models", "add", "m", "--hf-id", "x/y", "--cutoff", "2026-01-01").returncode == 0
    proc = db_cli(db, "run", "--model", "m", "--preset", "vibethinker-leetcode", "--backend", "reference")
    # No suites are built in this store: the selection is reported, then refused.
    one_line_error(proc, "32 matched; 0 on or before the boundary, 32 without a suite")
    models = json.loads(db_cli(db, "models", "list", "--json").stdout)
    assert models == [{"name": "m", "hf_id": "x/y", "endpoint": None, "revision": None, "cutoff": "2026-01-01",
                       "released": None, "boundary": "2026-01-01"}]
