"""HTML report: one self-contained file with the tables and an inline PNG plot;
plus the Rich and JSON renderings of the same numbers."""

from __future__ import annotations

import base64
import json
import re
from datetime import date, datetime, timedelta, timezone

from rich.console import Console

from contest_eval.report.leaderboard import ModelEntry, build_leaderboard, make_windows
from contest_eval.report.render import (leaderboard_to_json, plot_png, print_leaderboard, print_summary,
                                        summary_to_json, write_html)
from contest_eval.report.summary import AttemptRow, summarize

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FAILURES = {(0, 0, 0): "WA", (0, 0, 1): "TLE", (1, 2, 3): "no_code_block", (3, 3, 2): "RE", (5, 1, 0): "CE"}


def run_rows() -> list[AttemptRow]:
    # 8 weekly contests from 4 Jan 2025, 4 problems, 4 rollouts: 123/128 accepted.
    t0 = datetime(2025, 1, 4, 14, 30, tzinfo=timezone.utc)
    return [AttemptRow(f"c{ci}-p{pi}", f"weekly-{ci}", ["Easy", "Medium", "Medium", "Hard"][pi], "python3", r,
                       FAILURES.get((ci, pi, r), "AC"), t0 + timedelta(days=7 * ci), "leetcode")
            for ci in range(8) for pi in range(4) for r in range(4)]


def board():
    rows = run_rows()
    other = [AttemptRow(r.problem, r.contest, r.difficulty, r.language, r.rollout,
                        "WA" if r.rollout == 0 else r.verdict, r.release_time) for r in rows]
    entries = [ModelEntry("model-<a>", date(2025, 1, 20), rows), ModelEntry("model-b", date(2024, 12, 31), other)]
    return build_leaderboard(entries, make_windows(entries, "month"))


def test_html_report_is_self_contained(tmp_path):
    summary = summarize(run_rows())
    lb = board()
    out = write_html(tmp_path / "report.html", title="Run 7", summary=summary, leaderboard=lb)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>") and text.rstrip().endswith("</html>")
    assert "123/128 96.1% [91.2, 98.3]" in text  # headline with its Wilson interval
    assert "30/32" in text and "62/64" in text and "weekly-0" in text and "no_code_block" in text
    assert "model-&lt;a&gt;" in text and "model-<a>" not in text  # names are escaped
    assert "contaminated window" in text and "#1" in text
    assert "<script" not in text and "http://" not in text and "https://" not in text
    found = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', text)
    assert len(found) == 1
    png = base64.b64decode(found[0], validate=True)
    assert png.startswith(PNG_SIGNATURE) and len(png) > 1000


def test_html_without_leaderboard_has_no_plot(tmp_path):
    text = write_html(tmp_path / "s.html", summary=summarize(run_rows())).read_text(encoding="utf-8")
    assert "123/128" in text and "data:image/png" not in text


def test_plot_png_directly():
    assert plot_png(board()).startswith(PNG_SIGNATURE)


def test_json_roundtrip():
    s = json.loads(json.dumps(summary_to_json(summarize(run_rows(), boundary=date(2024, 12, 1)))))
    assert s["attempts"]["successes"] == 123 and s["attempts"]["n"] == 128
    assert round(s["attempts"]["low"], 3) == 0.912 and s["headline_valid"] is True and s["ie"] == 0
    assert s["pass_at"]["1"] == 123 / 128 and s["boundary"] == "2024-12-01"
    lb = json.loads(json.dumps(leaderboard_to_json(board())))
    assert lb["by"] == "month" and [w["label"] for w in lb["windows"]] == ["2025-01", "2025-02"]
    cell = lb["rows"][0]["cells"][0]
    assert cell["window"] == "2025-01" and cell["flag"] == "contaminated window" and cell["rank"] is None


def test_rich_tables():
    con = Console(record=True, width=240)
    print_summary(summarize(run_rows()), con, title="Run 7", per_problem=True)
    print_leaderboard(board(), con)
    text = con.export_text()
    assert "123/128 96.1% [91.2, 98.3]" in text and "solved by every rollout" in text and "28/32" in text
    assert "contaminated window" in text and "2025-02" in text and "c5-p1" in text


def test_html_leaderboard_labels_the_sanity_row_and_protocols(tmp_path):
    rows = run_rows()
    entries = [ModelEntry("oracle", date(2000, 1, 1), [AttemptRow(r.problem, r.contest, r.difficulty, r.language, r.rollout,
                                                                  "AC", r.release_time) for r in rows],
                          protocol="python3, 4 rollouts", pseudo=True),
               ModelEntry("model-b", date(2024, 12, 31), rows, protocol="python3, 4 rollouts")]
    lb = build_leaderboard(entries, make_windows(entries, "month"))
    text = write_html(tmp_path / "b.html", leaderboard=lb).read_text(encoding="utf-8")
    assert "oracle (sanity check, not ranked)" in text and "sanity check</span>" in text
    assert text.count("<b>#1</b>") == 2  # model-b in January and February; the oracle is never ranked
    assert "python3, 4 rollouts" in text and "a check of the pipeline, not a model" in text
    data = leaderboard_to_json(lb)
    assert [(r["model"], r["sanity"]) for r in data["rows"]] == [("model-b", False), ("oracle", True)]
    assert all(c["rank"] is None for c in data["rows"][1]["cells"])


def test_partial_run_status_in_every_rendering(tmp_path):
    rows = [r if (r.problem, r.rollout) != ("c7-p3", 3) else AttemptRow(r.problem, r.contest, r.difficulty, r.language,
                                                                         r.rollout, "missing", r.release_time, r.platform)
            for r in run_rows()]
    s = summarize(rows, status="interrupted")
    assert not s.headline_valid and s.missing == 1 and s.attempts.n == 127
    con = Console(record=True, width=300)
    print_summary(s, con)
    out = con.export_text()
    assert "interrupted; 1 of 128 planned attempt(s) (problems × rollouts) never generated" in out
    assert "interrupted; 1 of 128 planned" in write_html(tmp_path / "p.html", summary=s).read_text(encoding="utf-8")
    data = summary_to_json(s)
    assert data["status"] == "interrupted" and data["missing"] == 1 and data["planned_attempts"] == 128


def test_every_rendering_shows_whether_a_model_was_audited_and_its_newest_verdicts(tmp_path):
    from contest_eval.report.leaderboard import AuditNote

    rows = run_rows()
    notes = (AuditNote("time", "evidence of contamination [OR 0.31] <script>", "2026-11-30T10:00:00+00:00", 9),)
    entries = [ModelEntry("audited", date(2024, 12, 31), rows, protocol="python3, 4 rollouts", audits=notes),
               ModelEntry("never", date(2024, 12, 31), rows, protocol="python3, 4 rollouts")]
    lb = build_leaderboard(entries, make_windows(entries, "month"))
    data = json.loads(json.dumps(leaderboard_to_json(lb)))
    assert data["rows"][0]["audits"] == [{"kind": "time", "verdict": "evidence of contamination [OR 0.31] <script>",
                                          "created_at": "2026-11-30T10:00:00+00:00", "report_id": 9}]
    assert data["rows"][1]["audits"] == []
    con = Console(record=True, width=400)
    print_leaderboard(lb, con)
    text = con.export_text()
    assert "audits" in text and "none" in text  # the column: which audits exist
    assert "audit time of audited (2026-11-30, report 9): evidence of contamination [OR 0.31] <script>" in text
    page = write_html(tmp_path / "a.html", leaderboard=lb).read_text(encoding="utf-8")
    assert "audit time of audited (2026-11-30, report 9): evidence of contamination [OR 0.31] &lt;script&gt;" in page
    assert "<script" not in page and "<td>none</td>" in page
