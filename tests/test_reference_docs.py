"""The generated reference files (db/schema.sql, cli/README.md) are current,
and every Datasette canned query in db/datasette.yml runs on a real store."""

from __future__ import annotations

import importlib.util
import re
import sqlite3
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = "python scripts/gen_reference.py"


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_reference", ROOT / "scripts" / "gen_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_reference", module)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


@pytest.fixture(scope="module")
def expected() -> dict[Path, str]:
    return gen.outputs()


@pytest.mark.parametrize("rel", ["db/schema.sql", "cli/README.md"])
def test_reference_file_is_current(expected: dict[Path, str], rel: str) -> None:
    path = ROOT / rel
    assert path.exists(), f"{rel} is missing: run `{REGENERATE}`"
    current = path.read_text(encoding="utf-8")
    if current != expected[path]:
        import difflib

        diff = "".join(list(difflib.unified_diff(current.splitlines(True), expected[path].splitlines(True),
                                                 f"{rel} (committed)", f"{rel} (generated)"))[:60])
        pytest.fail(f"{rel} is stale: run `{REGENERATE}` and commit the result.\n{diff}")


def test_cli_reference_is_width_independent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    narrow = gen.render_cli()
    monkeypatch.setenv("COLUMNS", "250")
    assert gen.render_cli() == narrow


# --------------------------------------------------------------------------- Datasette

def _metadata() -> dict:
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((ROOT / "db" / "datasette.yml").read_text(encoding="utf-8"))


def _queries() -> list[tuple[str, str]]:
    meta = _metadata()
    out = []
    for db in meta["databases"].values():
        for name, query in (db.get("queries") or {}).items():
            out.append((name, query["sql"] if isinstance(query, dict) else query))
    return out


DUMMY = {"run": 1, "slug": "two-sum"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store created by the migrations, with one judged run in it."""
    from sqlalchemy.orm import Session

    from contest_eval.db import models as m
    from contest_eval.db.engine import make_engine, resolve_url

    path = tmp_path_factory.mktemp("datasette") / "contest-eval.db"
    gen.make_store(path)
    engine = make_engine(resolve_url(str(path)))
    t = datetime(2025, 3, 2, 14, 30, tzinfo=timezone.utc)
    with Session(engine) as s:
        problem = m.Problem(platform="leetcode", slug="two-sum", title="Two Sum", release_time=t, difficulty="Easy")
        suite = m.Suite(problem=problem, version=1, content_hash="h" * 64)
        model = m.Model(name="tiny", cutoff=date(2024, 12, 1), released=date(2025, 1, 15))
        s.add_all([problem, suite, model])
        s.flush()
        run = m.Run(model_id=model.id, backend="replay", language="python3", rollouts=2, params={}, fingerprint="f" * 64,
                    status="finished")
        s.add(run)
        s.flush()
        for rollout, verdict in enumerate(["AC", "IE"]):
            g = m.Generation(run_id=run.id, problem_id=problem.id, rollout=rollout, prompt="p", raw_output="o", code="c")
            s.add(g)
            s.flush()
            sub = m.Submission(generation_id=g.id, suite_id=suite.id, language="python3", verdict=verdict)
            s.add(sub)
            s.flush()
            s.add(m.TestResultRow(submission_id=sub.id, test_index=0, verdict=verdict))
        s.commit()
    engine.dispose()
    DUMMY["run"] = 1
    return path


def test_datasette_metadata_shape() -> None:
    meta = _metadata()
    assert meta.get("title") and meta.get("description")
    names = {n for n, _ in _queries()}
    assert {"leaderboard_by_month", "run_results", "ie_submissions", "problem_history"} <= names
    assert "contest-eval" in meta["databases"], "the database key must match contest-eval.db's stem"


@pytest.mark.parametrize("name,sql", _queries() if importlib.util.find_spec("yaml") else [],
                         ids=lambda v: v if isinstance(v, str) and "\n" not in v else "")
def test_canned_query_runs(store: Path, name: str, sql: str) -> None:
    params = set(re.findall(r"(?<![:\w]):([A-Za-z_]\w*)", sql))
    unknown = params - DUMMY.keys()
    assert not unknown, f"{name}: add dummy values for parameters {sorted(unknown)}"
    conn = sqlite3.connect(store)
    try:
        rows = conn.execute(sql, {k: DUMMY[k] for k in params}).fetchall()
    except sqlite3.Error as exc:
        pytest.fail(f"canned query {name!r} fails on a migrated store: {exc}")
    finally:
        conn.close()
    assert rows, f"canned query {name!r} returned nothing on a store with one judged run"
