"""Report rows loaded from a real SQLite file feed the summary and leaderboard."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy.orm import Session

from contest_eval.db.engine import make_engine
from contest_eval.db.models import Base, Contest, Generation, Model, Problem, Run, Submission, Suite
from contest_eval.db.models import TestResultRow as ResultRow  # a Test* name would be collected by pytest
from contest_eval.report.leaderboard import Flag, build_leaderboard, month_windows
from contest_eval.report.queries import (load_leaderboard, load_leaderboard_entries, load_run_info, load_run_rows)
from contest_eval.report.summary import summarize

T0 = datetime(2025, 3, 1, 14, 30, tzinfo=timezone.utc)


def seed(session: Session) -> dict[str, int]:
    problems = []
    for ci in range(2):
        contest = Contest(platform="leetcode", slug=f"weekly-{ci}", start_time=T0 + timedelta(days=31 * ci))
        session.add(contest)
        for pi, diff in enumerate(["Easy", "Hard"]):
            p = Problem(platform="leetcode", slug=f"w{ci}-q{pi}", contest=contest, contest_index=f"Q{pi + 1}",
                        difficulty=diff, release_time=contest.start_time)
            session.add(p)
            problems.append(p)
    session.add(Problem(platform="leetcode", slug="not-in-any-run", release_time=T0))
    session.flush()
    suites = {p.id: Suite(problem_id=p.id, version=1, content_hash=f"h{p.id}") for p in problems}
    session.add_all(suites.values())
    alpha = Model(name="alpha", cutoff=date(2025, 1, 1), released=date(2025, 3, 15))  # boundary: 15 March
    beta = Model(name="beta", cutoff=date(2025, 6, 1), released=date(2025, 2, 1), boundary=date(2025, 2, 20))
    session.add_all([alpha, beta])
    session.flush()
    run_a = Run(model_id=alpha.id, backend="replay", language="python3", rollouts=2, fingerprint="fa", status="finished")
    run_b = Run(model_id=beta.id, backend="replay", language="python3", rollouts=1, fingerprint="fb", status="finished")
    session.add_all([run_a, run_b])
    session.flush()

    # alpha: 4 problems x 2 rollouts with one failure of each kind the loader must map.
    outcomes = {("w0-q0", 0): "AC", ("w0-q0", 1): "AC", ("w0-q1", 0): "WA", ("w0-q1", 1): "AC",
                ("w1-q0", 0): "AC", ("w1-q0", 1): "no_code_block", ("w1-q1", 0): "IE", ("w1-q1", 1): "pending"}
    for p in problems:
        for r in range(2):
            add_attempt(session, run_a.id, p, suites[p.id].id, r, outcomes[(p.slug, r)])
        add_attempt(session, run_b.id, p, suites[p.id].id, 0, "AC" if p.difficulty == "Easy" else "TLE")
    session.commit()
    return {"run_a": run_a.id, "run_b": run_b.id}


def add_attempt(session: Session, run_id: int, p: Problem, suite_id: int, rollout: int, outcome: str) -> None:
    extract = outcome if outcome == "no_code_block" else None
    g = Generation(run_id=run_id, problem_id=p.id, rollout=rollout, prompt="solve", raw_output="```python\n...\n```",
                   code=None if extract else "print(1)", extract_reason=extract)
    session.add(g)
    session.flush()
    if extract or outcome == "pending":
        return
    s = Submission(generation_id=g.id, suite_id=suite_id, language="python3", verdict=outcome)
    session.add(s)
    session.flush()
    session.add(ResultRow(submission_id=s.id, test_index=0, verdict=outcome))


@pytest.fixture()
def store(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'report.db'}")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        ids = seed(session)
    yield engine, ids
    engine.dispose()


def test_run_rows_feed_summary(store):
    engine, ids = store
    with Session(engine) as session:
        rows = load_run_rows(session, ids["run_a"])
        info = load_run_info(session, ids["run_a"])
    assert len(rows) == 8
    verdicts = {(r.problem, r.rollout): r.verdict for r in rows}
    assert verdicts[("w1-q0", 1)] == "no_code_block" and verdicts[("w1-q1", 1)] is None
    first = next(r for r in rows if r.problem == "w1-q1")
    assert (first.contest, first.difficulty, first.language, first.platform) == ("weekly-1", "Hard", "python3", "leetcode")
    assert first.release_time == T0 + timedelta(days=31)
    assert info.model == "alpha" and info.boundary == date(2025, 3, 15) and info.rollouts == 2

    s = summarize(rows)
    assert s.attempts.fraction() == "4/6"  # IE and pending leave N
    assert s.ie == 1 and s.pending == 1 and not s.headline_valid
    assert s.extraction_reasons == {"no_code_block": 1}
    # w1-q1 has only an IE and a pending attempt: no scored attempt, so not counted as a problem.
    assert s.solved_by_all == 1 and s.solved_by_any == 3 and s.problems == 3 and len(s.per_problem) == 4
    assert {g.label: g.attempts.fraction() for g in s.by_contest} == {"weekly-0": "3/4", "weekly-1": "1/2"}

    # With the model's boundary, contest 0 (1 March) is seen and leaves the headline.
    clean = summarize(rows, boundary=info.boundary)
    assert clean.attempts.fraction() == "1/2" and clean.excluded_before_boundary.fraction() == "3/4"


def test_missing_run(store):
    engine, _ = store
    with Session(engine) as session, pytest.raises(LookupError):
        load_run_info(session, 999)
    with Session(engine) as session:
        assert load_run_rows(session, 999) == []


def test_leaderboard_entries(store):
    engine, _ = store
    with Session(engine) as session:
        entries = load_leaderboard_entries(session)
        assert [e.name for e in load_leaderboard_entries(session, models=["beta"])] == ["beta"]
        assert all(not e.rows for e in load_leaderboard_entries(session, statuses=["running"]))
    assert [(e.name, e.boundary, len(e.rows)) for e in entries] == [("alpha", date(2025, 3, 15), 8),
                                                                   ("beta", date(2025, 2, 20), 4)]
    lb = build_leaderboard(entries, month_windows(date(2025, 3, 1), date(2025, 4, 30)))
    alpha, beta = lb.rows
    assert [c.flag for c in alpha.cells] == [Flag.CONTAMINATED, Flag.CLEAN]
    assert [c.flag for c in beta.cells] == [Flag.CLEAN, Flag.CLEAN]
    assert alpha.cells[1].acceptance.fraction() == "1/2" and beta.cells[1].acceptance.fraction() == "1/2"
    assert alpha.cells[1].rank == beta.cells[1].rank == 1 and beta.cells[0].rank == 1


def test_model_boundary_rule():
    assert Model(name="m", cutoff=date(2024, 5, 1), released=date(2024, 9, 1)).effective_boundary() == date(2024, 9, 1)
    assert Model(name="m", cutoff=date(2024, 5, 1)).effective_boundary() == date(2024, 5, 1)
    assert Model(name="m", cutoff=date(2024, 5, 1), boundary=date(2024, 1, 1)).effective_boundary() == date(2024, 1, 1)
    assert Model(name="m").effective_boundary() is None


def _problems(session: Session) -> dict[str, Problem]:
    return {p.slug: p for p in session.query(Problem).all()}


def test_leaderboard_rows_split_by_protocol_skip_unfinished_and_label_pseudo(store):
    engine, _ = store
    with Session(engine) as session:
        probs = _problems(session)
        suites = {s.problem_id: s.id for s in session.query(Suite).all()}
        alpha = session.query(Model).filter_by(name="alpha").one()
        beta = session.query(Model).filter_by(name="beta").one()
        oracle = Model(name="oracle", cutoff=date(2000, 1, 1))
        session.add(oracle)
        session.flush()
        runs = {
            "alpha_cpp": Run(model_id=alpha.id, backend="replay", language="cpp", rollouts=2, fingerprint="fc", status="finished"),
            "beta_running": Run(model_id=beta.id, backend="replay", language="python3", rollouts=1, fingerprint="fr",
                                status="running"),
            "oracle": Run(model_id=oracle.id, backend="reference", language="python3", rollouts=1, fingerprint="fo",
                          status="finished"),
        }
        session.add_all(runs.values())
        session.flush()
        p = probs["w1-q0"]
        for r in range(2):
            add_attempt(session, runs["alpha_cpp"].id, p, suites[p.id], r, "WA")
        add_attempt(session, runs["beta_running"].id, p, suites[p.id], 0, "AC")
        add_attempt(session, runs["oracle"].id, p, suites[p.id], 0, "AC")
        session.commit()
        ids = {k: v.id for k, v in runs.items()}
        data = load_leaderboard(session)
        only_cpp = load_leaderboard(session, languages=["cpp"])
        only_beta = load_leaderboard(session, models=["beta"])
    rows = [(e.name, e.protocol.split(",")[0], e.pseudo, len(e.rows)) for e in data.entries]
    # alpha's python3 and cpp runs are two rows, never pooled; beta's running run is left out and said so.
    assert rows == [("alpha", "python3", False, 8), ("alpha", "cpp", False, 2), ("beta", "python3", False, 4),
                    ("oracle", "python3", True, 1)]
    assert data.excluded_runs == [ids["beta_running"]] and str(ids["beta_running"]) in data.notes[0]
    assert [(e.name, e.runs) for e in only_cpp.entries] == [("alpha", (ids["alpha_cpp"],))]
    assert [e.name for e in only_beta.entries] == ["beta"] and len(only_beta.entries[0].rows) == 4
    lb = build_leaderboard(data.entries, month_windows(date(2025, 4, 1), date(2025, 4, 30)))
    assert [(r.name, r.pseudo) for r in lb.rows][-1] == ("oracle", True)
    assert lb.rows[-1].cells[0].rank is None and lb.rows[-1].cells[0].flag is Flag.SANITY


def test_missing_attempts_of_an_interrupted_run_get_rows(store):
    engine, _ = store
    with Session(engine) as session:
        probs = _problems(session)
        suites = {s.problem_id: s.id for s in session.query(Suite).all()}
        alpha = session.query(Model).filter_by(name="alpha").one()
        planned = [probs["w0-q0"], probs["w1-q1"]]
        run = Run(model_id=alpha.id, backend="replay", language="python3", rollouts=2, fingerprint="fp", status="interrupted",
                  params={"problems": [p.slug for p in planned], "problem_ids": [p.id for p in planned]})
        session.add(run)
        session.flush()
        add_attempt(session, run.id, planned[0], suites[planned[0].id], 0, "AC")
        add_attempt(session, run.id, planned[0], suites[planned[0].id], 1, "AC")
        add_attempt(session, run.id, planned[1], suites[planned[1].id], 0, "WA")
        session.commit()
        rows = load_run_rows(session, run.id)
        info = load_run_info(session, run.id)
    assert sorted((r.problem, r.rollout, r.verdict) for r in rows) == [
        ("w0-q0", 0, "AC"), ("w0-q0", 1, "AC"), ("w1-q1", 0, "WA"), ("w1-q1", 1, "missing")]
    s = summarize(rows, status=info.status)
    assert s.missing == 1 and s.total_rows == 4 and s.attempts.fraction() == "2/3"
    assert not s.headline_valid and "1 of 4 planned attempt(s) never generated" in s.validity_note
    assert s.extraction_failures == 0 and s.by_verdict["missing"] == 1
    # Every attempt present but the run not finished: still not valid.
    assert not summarize([r for r in rows if r.verdict != "missing"], status="interrupted").headline_valid
