"""Build a suite: generate inputs, let every reference answer, keep agreement.

A test enters the suite only when every reference (ours and imported, every
judge language) produced the same answer under the problem's comparison
policy, and example answers must also match the statement.  Disagreements are
reported and fail the build; nothing is stored for a problem that failed.

A recipe's brute-force solutions (``brute.*``) then vote on the agreed tests
whose input is small (``brute_max_input``): a brute that answers differently
fails the build, one that runs out of time on a test does not vote on it.

An imported reference whose own signature is a different signature from the
recipe's (LeetCode revised the problem after the source captured it) is set
aside before judging and recorded as a revision mismatch: its CE or WA says
nothing about the tests.  The recipe's own references are never set aside.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from contest_eval.judge.checker import Check, check, parse_policy
from contest_eval.judge.engine import Judge, Options
from contest_eval.judge.spec import ProblemSpec, parse_spec
from contest_eval.judge.verdict import Verdict
from contest_eval.suite.recipe import ProblemRecipe, Solution

# References get this much more time while we learn the answers, so a slow
# but correct reference still answers; the real limit is checked by validate.
BUILD_TIME_FACTOR = 5
Progress = Callable[[str], None]


@dataclass
class TestCase:
    input: str
    origin: str  # example | generated | imported
    expected: str | None = None  # known answer (examples, imported tests)


@dataclass
class BuiltSuite:
    slug: str
    tests: list[tuple[str, str, str]]  # (input, output, origin)
    compare: str
    content_hash: str
    references: dict[str, dict[str, Any]]  # name -> {language, verdict, cpu_ms}
    problems: list[str] = field(default_factory=list)  # disagreements, failures

    @property
    def ok(self) -> bool:
        return not self.problems


def content_hash(compare: str, tests: list[tuple[str, str, str]], limits: tuple[int, int] = (0, 0)) -> str:
    """Identity of a suite: what is judged and how (policy and limits)."""
    h = hashlib.sha256(f"{compare}\x00{limits[0]}\x00{limits[1]}".encode())
    for inp, out, _ in tests:
        h.update(b"\x00" + inp.encode("utf-8", "surrogateescape") + b"\x01" + out.encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def make_spec(recipe: ProblemRecipe, inputs: list[str], outputs: list[str | None], time_factor: int = 1) -> ProblemSpec:
    """A spec over these inputs; tests without an output return what the program printed (learning mode)."""
    spec = parse_spec({
        "kind": recipe.kind, "metadata": recipe.metadata, "compare": recipe.compare,
        "time_limit_ms": min(recipe.time_limit_ms * time_factor, 60_000), "memory_limit_mb": recipe.memory_limit_mb,
        "tests": [{"input": i, "output": o} for i, o in zip(inputs, outputs)],
    })
    return replace(spec, learn_outputs=True) if spec.missing_outputs else spec


def _agree(recipe: ProblemRecipe, a: str, b: str, test_input: str) -> Check:
    return check(parse_policy(recipe.compare), recipe.kind, a, b, test_input, recipe.folder)


def build_problem(judge: Judge, recipe: ProblemRecipe, cases: list[TestCase], references: list[Solution],
                  progress: Progress = lambda _: None, workers: int = 2) -> BuiltSuite:
    """Judge every reference on every case and keep the agreed tests."""
    inputs = [c.input for c in cases]
    spec = make_spec(recipe, inputs, [None] * len(inputs), BUILD_TIME_FACTOR)
    built = BuiltSuite(recipe.slug, [], recipe.compare, "", {})
    references = _set_aside_revisions(recipe, references, built, progress)
    if not references:
        built.problems.append("no reference solution to learn the answers from")
        return built

    # Smallest first: a brute that runs out of its shared time budget loses
    # the votes of the largest tests only.
    small = sorted((i for i, c in enumerate(cases) if len(c.input) <= recipe.brute_max_input), key=lambda i: len(cases[i].input))
    brute_spec = make_spec(recipe, [cases[i].input for i in small], [None] * len(small), BUILD_TIME_FACTOR) if small else None

    def run(job: tuple[Solution, ProblemSpec, Options]) -> tuple[Solution, Any, float]:
        sol, job_spec, options = job
        started = time.monotonic()
        result = judge.judge(job_spec, sol.language, sol.code, options)
        return sol, result, time.monotonic() - started

    jobs = [(ref, spec, Options()) for ref in references]
    if brute_spec is not None:  # a brute's speed is not measured: never judged again near the limit
        jobs += [(brute, brute_spec, Options(rejudges=0)) for brute in recipe.brutes]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(run, jobs))
    brute_results = results[len(references):]
    results = results[:len(references)]
    answers: dict[str, list[str | None]] = {}
    for ref, result, seconds in results:
        progress(f"{recipe.slug}: {ref.name} ({ref.language}) {result.verdict.value} in {seconds:.1f}s")
        built.references[ref.name] = {"language": ref.language, "verdict": result.verdict.value, "cpu_ms": result.cpu_ms}
        if result.verdict is Verdict.CE:
            built.problems.append(f"reference {ref.name} does not compile: {result.compile_output.strip().splitlines()[-1:]}")
            continue
        if result.verdict is Verdict.IE:
            built.problems.append(f"reference {ref.name}: infrastructure error: {result.message}")
            continue
        outs: list[str | None] = [None] * len(cases)
        for t in result.tests:
            if t.verdict is Verdict.AC and t.output is not None:
                outs[t.index] = t.output
            else:
                built.problems.append(f"reference {ref.name} got {t.verdict.value} on test {t.index} ({cases[t.index].origin})")
        answers[ref.name] = outs
    names = list(answers)
    kept: set[int] = set()
    for i, case in enumerate(cases):
        outs = [answers[n][i] for n in names]
        if not names or any(o is None for o in outs):
            continue
        first = outs[0]
        assert first is not None
        bad = [n for n, o in zip(names[1:], outs[1:]) if o is not None and not _agree(recipe, first, o, case.input).ok]
        if bad:
            built.problems.append(f"test {i} ({case.origin}): {names[0]} and {', '.join(bad)} disagree")
            continue
        if case.expected is not None and not _agree(recipe, case.expected, first, case.input).ok:
            built.problems.append(f"test {i} ({case.origin}): references answer {first[:60]!r}, the source says {case.expected[:60]!r}")
            continue
        built.tests.append((case.input, _canonical(first, recipe.kind), case.origin))
        kept.add(i)
    agreed = {i: answers[names[0]][i] for i in kept}
    for brute, result, seconds in brute_results:
        built.problems += cross_check(recipe, brute, result, [cases[i] for i in small], [agreed.get(i) for i in small], progress)
    if len(built.tests) < recipe.min_tests and not built.problems:
        built.problems.append(f"only {len(built.tests)} tests, the recipe asks for at least {recipe.min_tests}")
    built.content_hash = content_hash(recipe.compare, built.tests, (recipe.time_limit_ms, recipe.memory_limit_mb))
    return built


def _set_aside_revisions(recipe: ProblemRecipe, references: list[Solution], built: BuiltSuite,
                         progress: Progress) -> list[Solution]:
    """The references that take part: imported ones written for another revision are left out."""
    from contest_eval.problems.metadata import signature_disagreement
    from contest_eval.problems.signature import metadata_from_code

    if not recipe.metadata or recipe.kind == "stdin":
        return references
    name = recipe.metadata.get("name")
    own_files = {(r.path, r.language) for r in recipe.references}
    kept = []
    for ref in references:
        theirs = None if (ref.path, ref.language) in own_files else metadata_from_code(ref.language, ref.code, name)
        why = signature_disagreement(recipe.metadata, theirs) if theirs is not None else None
        if why is None:
            kept.append(ref)
            continue
        built.references[ref.name] = {"language": ref.language, "verdict": "revision mismatch", "why": why}
        progress(f"{recipe.slug}: {ref.name} ({ref.language}) left out: written for another revision ({why})")
    return kept


# Verdicts that mean "too slow or too big for a brute": it does not vote.
NO_VOTE = (Verdict.TLE, Verdict.MLE, Verdict.SKIPPED)


def cross_check(recipe: ProblemRecipe, brute: Solution, result: Any, cases: list[TestCase], agreed: list[str | None],
                progress: Progress = lambda _: None) -> list[str]:
    """The brute's disagreements with the agreed answers (``agreed[i]`` is
    None where the references did not agree: nothing to check there)."""
    where = f"{brute.path.name} ({brute.path})"
    if result.verdict in (Verdict.CE, Verdict.IE):
        return [f"brute {where}: {result.verdict.value} {(result.compile_output or result.message).strip()[-200:]}"]
    problems, votes, silent = [], 0, 0
    for t in result.tests:
        expected = agreed[t.index]
        if expected is None:
            continue
        if t.verdict in NO_VOTE:
            silent += 1
            continue
        case = cases[t.index]
        if t.verdict is not Verdict.AC or t.output is None:
            problems.append(f"brute {where} got {t.verdict.value} on an agreed {case.origin} test {case.input[:60]!r}")
            continue
        votes += 1
        if not _agree(recipe, expected, t.output, case.input).ok:
            problems.append(f"brute {where} disagrees with the references on {case.origin} test {case.input[:60]!r}: "
                            f"brute {t.output[:60]!r}, references {expected[:60]!r}")
    progress(f"{recipe.slug}: {brute.name} checked {votes} small tests"
             + (f" ({silent} too slow for it, not voting)" if silent else ""))
    return problems


def _canonical(output: str, kind: str) -> str:
    if kind == "stdin":
        return output
    try:
        return json.dumps(json.loads(output), ensure_ascii=False, separators=(",", ":"))
    except json.JSONDecodeError:
        return output


@dataclass
class Strength:
    slug: str
    references_ok: dict[str, str]
    wrong: dict[str, str]

    @property
    def rejected(self) -> int:
        return sum(v != "AC" for v in self.wrong.values())

    @property
    def fraction(self) -> float:
        return self.rejected / len(self.wrong) if self.wrong else 1.0


def validate_problem(judge: Judge, recipe: ProblemRecipe, spec: ProblemSpec, references: list[Solution],
                     workers: int = 2) -> Strength:
    """Every reference must be AC at the real limits; every wrong one rejected."""
    def run(sol: Solution) -> tuple[Solution, str]:
        return sol, judge.judge(spec, sol.language, sol.code, Options(fail_fast=True)).verdict.value

    with ThreadPoolExecutor(max_workers=workers) as pool:
        refs = dict((s.name, v) for s, v in pool.map(run, references))
        wrong = dict((s.name, v) for s, v in pool.map(run, recipe.wrong))
    return Strength(recipe.slug, refs, wrong)
