"""`audit time` on a planted cutoff: a real SQLite store filled through the
library's own importer path, runs made by the real CLI with the replay backend
and judged by the real Docker judge.  One model's replayed outputs are correct
before 2025-01-01 and mostly wrong after it; the audit must find that date
(within one month) and an odds ratio whose interval excludes 1.  A second model
whose correctness does not depend on the date must not be said to have a step.
"""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from test_cli import cli

pytestmark = pytest.mark.docker

PLANTED = datetime(2025, 1, 1, tzinfo=timezone.utc)
RIGHT = "import sys\na, b = map(int, sys.stdin.read().split())\nprint(a + b)\n"
WRONG = "import sys\na, b = map(int, sys.stdin.read().split())\nprint(a - b)\n"
LABELS = ("Easy", "Medium", "Hard")


def _problems() -> list[tuple[str, datetime, str]]:
    """Two problems a month from 2024-05 to 2025-08: 16 before the planted date, 16 after."""
    out = []
    for k in range(16):
        year, month = (2024, 5 + k) if k < 8 else (2025, k - 7)
        for day in (3, 18):
            slug = f"planted-sum-{year}-{month:02d}-{day:02d}"
            out.append((slug, datetime(year, month, day, 14, 30, tzinfo=timezone.utc), LABELS[len(out) % 3]))
    return out


def _fill(db: Path) -> None:
    from contest_eval.db.catalog import upsert_problem
    from contest_eval.db.engine import session_scope
    from contest_eval.problems.record import ImportedTest, ProblemRecord
    from contest_eval.suite.imported import store_imported_suite

    with session_scope(str(db)) as s:
        for slug, released, label in _problems():
            text = f"Read two integers a and b from one line and print their sum. Problem {slug}.\n\nExample:\nInput: 1 2\nOutput: 3"
            rec = ProblemRecord(platform="leetcode", slug=slug, title=slug.replace("-", " ").title(), source="test",
                                release_time=released, difficulty=label, statement_html=f"<p>{text}</p>",
                                statement_text=text, kind="stdin", compare="tokens", time_limit_ms=1000,
                                memory_limit_mb=256,
                                tests=[ImportedTest("1 2\n", "3\n"), ImportedTest("-5 9\n", "4\n")])
            upsert_problem(s, rec)
            store_imported_suite(s, rec)


def _completion(code: str) -> str:
    return f"Here is my solution.\n```python\n{code}```\n"


def _replay(path: Path, correct: dict[str, bool]) -> Path:
    path.write_text("".join(json.dumps({"problem": slug, "rollout": 0, "text": _completion(RIGHT if ok else WRONG)}) + "\n"
                            for slug, ok in correct.items()))
    return path


def _stepped() -> dict[str, bool]:
    """Correct before the planted date except the two earliest problems; wrong after it except the three latest."""
    problems = _problems()
    out = {}
    for i, (slug, released, _) in enumerate(problems):
        out[slug] = (i >= 2) if released < PLANTED else (i >= len(problems) - 3)
    return out


def _flat() -> dict[str, bool]:
    rng = random.Random(0)
    return {slug: rng.random() < 0.5 for slug, _, _ in _problems()}


@pytest.fixture(scope="module")
def store(tmp_path_factory, judge) -> Path:
    folder = tmp_path_factory.mktemp("audit-time")
    db = folder / "audit.db"
    _fill(db)
    # A ratings file (the zerotrac layout) for half the problems; the rest fall back to their label.
    ratings = folder / "ratings.txt"
    rows = ["Rating\tID\tTitle\tTitle ZH\tTitle Slug\tContest Slug\tProblem Index"]
    rows += [f"{1200 + 37 * i}\t{i}\tT\tT\t{slug}\tweekly-contest-{i}\tQ1" for i, (slug, _, _) in enumerate(_problems()) if i % 2]
    ratings.write_text("\n".join(rows) + "\n")
    for name, cutoff, correct in (("planted", "2024-11-30", _stepped()), ("flat", "2024-11-30", _flat())):
        assert cli("--db", str(db), "models", "add", name, "--hf-id", "elsewhere", "--cutoff", cutoff).returncode == 0
        replay = _replay(folder / f"{name}.jsonl", correct)
        out = cli("--db", str(db), "run", "--model", name, "--backend", "replay", "--replay-file", str(replay),
                  "--platform", "leetcode", "--include-seen", "--rollouts", "1", "--json")
        assert out.returncode == 0, out.stderr
    con = sqlite3.connect(db)
    verdicts = dict(con.execute("select p.slug || ':' || m.name, s.verdict from submissions s join generations g on g.id = s.generation_id "
                                "join problems p on p.id = g.problem_id join runs r on r.id = g.run_id join models m on m.id = r.model_id"))
    # The judge really judged every replayed output: right code AC, wrong code WA.
    for name, correct in (("planted", _stepped()), ("flat", _flat())):
        assert {slug: verdicts[f"{slug}:{name}"] == "AC" for slug in correct} == correct
    return db


def test_planted_cutoff_is_recovered(store: Path, tmp_path: Path):
    ratings = store.parent / "ratings.txt"
    html = tmp_path / "time.html"
    out = cli("--db", str(store), "audit", "time", "planted", "--ratings", str(ratings), "--json", "--html", str(html))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    cut = data["cutoff"]
    estimate = datetime.fromisoformat(cut["estimate"]).replace(tzinfo=timezone.utc)
    assert abs((estimate - PLANTED).days) <= 31, cut
    assert cut["claimed"] and cut["drop"] and cut["p_value"] < 0.05
    assert cut["low"] <= cut["estimate"] <= cut["high"]
    odds = data["odds_ratio"]
    assert odds["high"] < 1 and odds["low"] < odds["estimate"] < odds["high"], odds
    assert "difficulty (rating z)" in odds["covariates"] and "rating imputed from label" in odds["covariates"]
    assert data["attempts"] == 32 and data["problems"] == 32 and data["boundary"] == "2024-11-30"
    assert [c["month"] for c in data["months"]][:2] == ["2024-05", "2024-06"] and data["months"][0]["n"] == 2
    assert data["verdict"].startswith("evidence of contamination")
    assert "data:image/png;base64," in html.read_text()
    # Stored: the newest report is listed with its verdict.
    con = sqlite3.connect(store)
    (stored,) = con.execute("select verdict from audit_reports where id = ?", (data["report_id"],)).fetchone()
    assert stored == data["verdict"]
    listing = json.loads(cli("--db", str(store), "audit", "list", "--json").stdout)
    assert {"model": "planted", "kind": "time"}.items() <= next(r for r in listing if r["model"] == "planted").items()


def test_no_planted_step_is_not_claimed(store: Path):
    out = cli("--db", str(store), "audit", "time", "flat", "--json", "--no-store")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["cutoff"]["claimed"] is False and data["cutoff"]["p_value"] >= 0.05
    assert data["odds_ratio"]["low"] < 1 < data["odds_ratio"]["high"]
    assert data["verdict"].startswith("no evidence")
    assert "report_id" not in data


def test_terminal_summary_and_bad_input(store: Path, tmp_path: Path):
    out = cli("--db", str(store), "audit", "time", "planted", "--no-store")
    assert out.returncode == 0, out.stderr
    assert "effective cutoff estimate: 2025-01-01" in out.stdout and "declared boundary: 2024-11-30" in out.stdout
    unknown = cli("--db", str(store), "audit", "time", "nobody")
    assert unknown.returncode == 2 and "unknown model 'nobody'" in unknown.stderr
    bad = tmp_path / "bad.txt"
    bad.write_text("just words\n")
    broken = cli("--db", str(store), "audit", "time", "planted", "--ratings", str(bad))
    assert broken.returncode == 2 and "Title Slug" in broken.stderr and len(broken.stderr.strip().splitlines()) == 1
