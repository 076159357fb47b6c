"""`audit continuation`: guided vs general completion, against controls with a known answer.

ROUGE-L is checked against hand-worked values and a brute-force LCS.  The
planted control is the word n-gram model (``--backend ngram``), which
completes by longest match over its training texts.  It is trained on the
problems released before the boundary, each as a mirror page would show it
(the header naming the problem, then the statement).  The statements come in
families of four that share their opening and differ in their examples and
constraints, as LeetCode's "I/II/III" series do, so the opening alone does not
say which problem it is: only the name does.  Through the real CLI and a real
SQLite store, the audit must find guided ≫ general before the boundary and
call it contaminated; on problems the model never saw it must claim nothing.
"""

from __future__ import annotations

import itertools
import json
import random
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from contest_eval.audit.continuation import (compare, lcs_length, paired_bootstrap, problem_header, rouge_l,
                                             rouge_tokens, split_statement)
from test_cli import cli

FAMILIES = 24  # 12 families (48 problems) before the boundary, 12 after
OPENINGS = ["You are given a 0-indexed integer array nums of length n and an integer k.",
            "You are given a string s consisting of lowercase English letters and an integer k.",
            "There is an undirected tree with n nodes labeled from 0 to n - 1 and an integer k.",
            "You are given a 2D integer matrix grid of size m x n and an integer k."]
TASKS = ["choose an index and increase its value by one", "remove two adjacent equal elements",
         "swap two positions that differ", "split a segment into two non-empty parts",
         "replace a value by the sum of its neighbours", "reverse any prefix of the sequence"]
GOALS = ["the maximum score you can reach", "the minimum number of operations needed", "the number of good indices",
         "the length of the longest valid segment", "the smallest possible total cost"]


def _statement(family: int, member: int) -> str:
    rng = random.Random(family)
    opening = (f"{rng.choice(OPENINGS)} In one operation you may {rng.choice(TASKS)}. Each operation costs "
               f"{rng.randint(1, 9)} coins and you may perform at most {rng.randint(2, 9)} operations. Return "
               f"{rng.choice(GOALS)} after the operations, or -1 if it is impossible. The answer may be large, so "
               f"return it modulo {rng.choice(['10^9 + 7', '998244353'])}.")
    own = random.Random(1000 * family + member)
    values = ",".join(str(own.randint(-40, 99)) for _ in range(own.randint(4, 7)))
    return (f"{opening}\nExample 1:\nInput: nums = [{values}], k = {own.randint(1, 9)}\nOutput: {own.randint(0, 300)}\n"
            f"Explanation: apply the operation {own.randint(1, 5)} times near index {own.randint(0, 6)}.\n"
            f"Example 2:\nInput: nums = [{own.randint(-9, 9)},{own.randint(10, 99)}], k = {own.randint(1, 9)}\n"
            f"Output: {own.randint(-1, 50)}\n"
            f"Constraints:\n1 <= n <= {10 ** own.randint(3, 5)}\n1 <= k <= {own.randint(2, 60)}")


def _release(family: int, member: int) -> datetime:
    start = datetime(2022, 1, 2, tzinfo=timezone.utc) if family < FAMILIES // 2 else datetime(2023, 1, 8, tzinfo=timezone.utc)
    return start + timedelta(days=7 * (4 * (family % (FAMILIES // 2)) + member))


def test_rouge_l_by_hand_and_against_a_brute_force_lcs():
    cand, ref = rouge_tokens("The cat sat on the mat."), rouge_tokens("the cat is on the MAT")
    assert lcs_length(cand, ref) == 5  # the cat on the mat
    assert rouge_l(cand, ref) == pytest.approx(5 / 6)
    assert rouge_l([], ref) == 0.0 and rouge_l(["x"], ["y"]) == 0.0 and rouge_l(ref, ref) == 1.0
    p, r = 2 / 3, 2 / 4  # "a b c" vs "a x b y": LCS "a b"
    assert rouge_l(["a", "b", "c"], ["a", "x", "b", "y"]) == pytest.approx(2 * p * r / (p + r))

    def brute(a: list[str], b: list[str]) -> int:
        for n in range(min(len(a), len(b)), 0, -1):
            subs = {c for c in itertools.combinations(b, n)}
            if any(c in subs for c in itertools.combinations(a, n)):
                return n
        return 0

    rng = random.Random(7)
    for _ in range(150):
        a = [rng.choice("abc") for _ in range(rng.randint(0, 7))]
        b = [rng.choice("abcd") for _ in range(rng.randint(0, 7))]
        assert lcs_length(a, b) == brute(a, b) == lcs_length(b, a)


def test_split_compare_and_bootstrap():
    first, rest = split_statement(_statement(0, 0))
    assert first and rest and _statement(0, 0).startswith(first) and _statement(0, 0).endswith(rest)
    assert first[-1] in ".!?:" or "\n" in _statement(0, 0)[len(first):len(first) + 2]
    assert compare(rest, rest, 20) == {"rouge_l": 1.0, "exact": True, "near_exact": True}
    assert compare("nothing alike here", rest, 20)["exact"] is False
    with pytest.raises(ValueError):
        split_statement("too short")
    header = problem_header("leetcode", "2873", "Maximum Value", "maximum-value", "Weekly Contest 363", "Q3")
    assert header == "LeetCode problem 2873. Maximum Value (Weekly Contest 363, Q3; slug maximum-value)"
    import numpy as np

    strong = paired_bootstrap(np.array([0.5, 0.6, 0.4, 0.7, 0.5, 0.6]), 500, 0)
    assert strong["p_value"] < 0.01 and strong["low"] > 0
    null = paired_bootstrap(np.array([0.1, -0.1, 0.2, -0.2, 0.05, -0.05]), 500, 0)
    assert null["p_value"] > 0.05 and null["low"] < 0 < null["high"]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    from contest_eval.db.catalog import upsert_problem
    from contest_eval.db.engine import session_scope
    from contest_eval.problems.record import ProblemRecord

    folder = tmp_path_factory.mktemp("audit-cont")
    db = folder / "cont.db"
    corpus = []
    with session_scope(str(db)) as s:
        for family in range(FAMILIES):
            for member in range(4):
                number, slug = str(3000 + 4 * family + member), f"family-{family:02d}-{'i' * (member + 1)}"
                title, text = f"Family {family} {'I' * (member + 1)}", _statement(family, member)
                upsert_problem(s, ProblemRecord(platform="leetcode", slug=slug, title=title, frontend_id=number,
                                                source="test", release_time=_release(family, member),
                                                statement_html=f"<p>{text}</p>", statement_text=text))
                if family < FAMILIES // 2:  # the trained half: as a mirror page shows it
                    corpus.append(problem_header("leetcode", number, title, slug, None, None) + "\n\n" + text)
    (folder / "corpus.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in corpus))
    for name, cutoff in (("control", "2022-12-31"), ("control-null", "2023-06-30")):
        assert cli("--db", str(db), "models", "add", name, "--hf-id", "ngram", "--cutoff", cutoff).returncode == 0
    return db


def _audit(db: Path, *args: str) -> dict[str, Any]:
    out = cli("--db", str(db), "audit", "continuation", *args, "--backend", "ngram", "--ngram-corpus",
              str(db.parent / "corpus.jsonl"), "--rest-words", "40", "--new-tokens", "90", "--resamples", "1000", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_planted_control_guided_beats_general_before_the_boundary_only(store: Path, tmp_path: Path):
    page = tmp_path / "cont.html"
    data = _audit(store, "control", "--html", str(page))
    before, after = data["before"], data["after"]
    print(f"planted control: before guided {before['guided_rouge_l']:.3f} general {before['general_rouge_l']:.3f} "
          f"diff {before['difference']['mean']:+.3f} [{before['difference']['low']:+.3f}, {before['difference']['high']:+.3f}] "
          f"p={before['difference']['p_value']:.4f} exact {before['exact']}; after diff {after['difference']['mean']:+.3f} "
          f"p={after['difference']['p_value']:.3f}")
    assert (before["problems"], after["problems"]) == (48, 48)
    assert before["exact"]["guided"] == 48  # named, every trained statement is recalled word for word
    assert before["exact"]["general"] <= 24  # unnamed, the shared opening leads to a sibling as often as not
    assert before["difference"]["low"] > 0.1 and before["guided_better"]
    assert not after["guided_better"] and after["exact"]["guided"] == 0
    assert data["label"] == "contaminated" and "contaminated" in data["verdict"]
    assert "report_id" in data and "<img" in page.read_text()
    con = sqlite3.connect(store)
    rows = con.execute("select count(*) from audit_scores").fetchone()[0]
    assert rows == 2 * 96
    # Resuming completes nothing again and gives the same result.
    again = _audit(store, "control")
    assert con.execute("select count(*) from audit_scores").fetchone()[0] == rows
    assert again["before"] == before and again["problems"] == data["problems"]

    from contest_eval.audit.results import latest_verdicts
    from contest_eval.db.engine import session_scope

    with session_scope(str(store)) as s:
        verdicts = latest_verdicts(s, ["control", "nobody"])
    assert verdicts == {"control": {"continuation": again["verdict"]}}


def test_untrained_problems_give_no_claim(store: Path):
    data = _audit(store, "control-null", "--since", "2023-01-01", "--no-store")
    before, after = data["before"], data["after"]
    print(f"untrained: before diff {before['difference']['mean']:+.3f} [{before['difference']['low']:+.3f}, "
          f"{before['difference']['high']:+.3f}] near-exact {before['near_exact']}; after diff "
          f"{after['difference']['mean']:+.3f} near-exact {after['near_exact']}; {data['verdict']}")
    assert before["problems"] > 10 and after["problems"] > 10
    for side in (before, after):
        assert side["exact"]["guided"] == 0 and not side["guided_better"]
        assert side["difference"]["low"] <= 0 <= side["difference"]["high"]
    assert data["label"] == "no evidence" and "report_id" not in data


def test_bad_input_is_one_line(store: Path):
    out = cli("--db", str(store), "audit", "continuation", "nobody", "--backend", "ngram")
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1 and "unknown model" in out.stderr
    refused = cli("--db", str(store), "audit", "continuation", "control", "--backend", "openai", "--endpoint",
                  "http://127.0.0.1:9/v1", "--per-side", "2")
    assert refused.returncode == 2 and "completion failed" in refused.stderr


def test_completion_requests_sent_by_the_openai_and_vllm_backends():
    """A real local server speaking /v1/completions: the scorer sends a greedy request and returns choices[0].text."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from contest_eval.audit.scorers import OpenAICompletionsScorer, ScoringError, vllm_completion_kwargs

    seen: list[dict[str, Any]] = []

    class Server(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            return None

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append(body)
            reply = {"choices": [{"text": " the rest"}]} if body["prompt"] != "broken" else {"choices": []}
            data = json.dumps(reply).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        scorer = OpenAICompletionsScorer(f"http://127.0.0.1:{server.server_address[1]}/v1", "served")
        assert scorer.complete("First piece.", 12) == " the rest"
        assert seen[0] == {"model": "served", "prompt": "First piece.", "max_tokens": 12, "temperature": 0.0}
        with pytest.raises(ScoringError, match="no choices"):
            scorer.complete("broken", 12)
    finally:
        server.shutdown()
    assert vllm_completion_kwargs(64) == {"max_tokens": 64, "temperature": 0.0}


def test_ngram_completion_recalls_a_training_text_from_its_opening():
    from contest_eval.audit.ngram import NgramModel

    model = NgramModel(["alpha beta gamma delta one two", "alpha beta gamma delta three four", "zeta eta theta"])
    # The opening is shared: the first text wins the tie; a longer context that only one text has decides.
    assert model.complete("alpha beta gamma delta", 2) == "one two"
    assert model.complete("x three four zeta", 2) == "eta theta"
    assert model.complete("gamma delta three", 5) == "four"  # the end of a training text: nothing follows
