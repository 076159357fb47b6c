"""Run reports and time-sliced leaderboards.

Pure logic lives in ``stats``, ``summary`` and ``leaderboard``; ``queries`` is
the only module that touches the database and ``render`` the only one that
formats (Rich, JSON, HTML with a lazily imported matplotlib).
"""

from __future__ import annotations

from contest_eval.report.leaderboard import (Cell, Flag, Leaderboard, ModelEntry, ModelRow, Window, build_leaderboard,
                                             classify, edge_windows, make_windows, month_windows, week_windows)
from contest_eval.report.stats import MeanInterval, Proportion, bootstrap_mean, pass_at_k, proportion, wilson
from contest_eval.report.summary import AttemptRow, Group, ProblemStat, RunSummary, summarize

__all__ = [
    "AttemptRow", "Cell", "Flag", "Group", "Leaderboard", "MeanInterval", "ModelEntry", "ModelRow", "ProblemStat",
    "Proportion", "RunSummary", "Window", "bootstrap_mean", "build_leaderboard", "classify", "edge_windows",
    "make_windows", "month_windows", "pass_at_k", "proportion", "summarize", "week_windows", "wilson",
]
