"""Drafting a stdin problem (Codeforces, AtCoder): Input section → model → gen.py.

The folder is the one :func:`.recipe.write_draft` writes for every kind; only
the parsing, the generator and ``problem.toml``'s judging fields differ:
``kind = "stdin"``, no metaData, ``compare = "tokens"`` (``float(…)`` when the
Output section allows an absolute or relative error, ``tokens_nocase`` when it
accepts any letter case), the platform's time and
memory limits.  A statement whose Output section admits several answers
waits for a custom checker.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from contest_eval.problems.answers import comparison_for_stdin
from contest_eval.problems.statement import html_to_text
from contest_eval.suite.draft import expr
from contest_eval.suite.draft.recipe import (MARK, DraftError, DraftInput, DraftResult, Outcome, draft_seed, gen_stub,
                                             problem_toml, sample_inputs, write_draft)
from contest_eval.suite.draft.references import RefSource
from contest_eval.suite.draft.stdin_atcoder import parse_atcoder
from contest_eval.suite.draft.stdin_format import parse_codeforces
from contest_eval.suite.draft.stdin_generator import generate
from contest_eval.suite.draft.stdin_model import StdinModel
from contest_eval.suite.draft.stdin_terms import bound_expr, normalise, number_word
from contest_eval.suite.draft.stdin_validity import violations

# -- statements stored as plain text (imports such as LiveCodeBench keep no HTML) --
# Codeforces' sections sit under "-----Input-----" (or a bare "Input" line), AtCoder's under
# "Input" / "Constraints" with the layout after "in the following format:" and "- 1 \\leq N" items.
# Only the section structure is rebuilt (escaped text in <p>, <pre>, <li>): what the sections
# say is read by the same parsers as a scraped page.

_HEAD = re.compile(r"^\s*-*\s*(input|output|constraints|examples?|sample input(?: \d+)?|sample output(?: \d+)?|note|notes)"
                   r"\s*-*\s*$", re.I)


def _sections(text: str) -> dict[str, list[str]]:
    """Section name (lowercase, first occurrence) → its lines."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.replace("\r\n", "\n").split("\n"):
        m = _HEAD.match(line)
        if m:
            name = m.group(1).lower()
            current = out.setdefault(name, []) if name not in out else None
            continue
        if current is not None:
            current.append(line)
    return out


def _paragraphs(lines: list[str]) -> list[str]:
    paras, cur = [], []
    for line in lines + [""]:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    return paras


def text_to_html(text: str) -> str | None:
    """A statement's text as Codeforces- or AtCoder-shaped HTML; None without an Input section."""
    parts = _sections(text)
    inp = parts.get("input")
    if inp is None:
        return None
    esc = html.escape
    body = "\n".join(inp)
    layout = re.search(r"following format:?\s*\n((?:[^\n]*\S[^\n]*\n?)+)", body)
    if "constraints" in parts and layout:
        pre = "\n".join(line.strip() for line in layout.group(1).strip("\n").split("\n"))
        items = [re.sub(r"^\s*[-*•]\s*", "", x) for x in parts["constraints"] if x.strip()]
        rest = body[layout.end():]
        extra = ""
        if (more := re.search(r"following format:?\s*\n((?:[^\n]*\S[^\n]*\n?)+)", rest)) is not None:
            extra = "<pre>" + esc("\n".join(x.strip() for x in more.group(1).strip("\n").split("\n"))) + "\n</pre>"
        return ("<section><h3>Constraints</h3><ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul></section>"
                "<section><h3>Input</h3><p>The input is given in the following format:</p><pre>" + esc(pre) + "\n</pre>"
                + extra + "</section>")
    paras = "".join(f"<p>{esc(p)}</p>" for p in _paragraphs(inp))
    lines = text.replace("\r\n", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if _HEAD.match(line)), len(lines))
    legend = "".join(f"<p>{esc(p)}</p>" for p in _paragraphs(lines[:first]))
    return (f"<div>{legend}</div><div class=\"input-specification\"><div class=\"section-title\">Input</div>{paras}</div>"
            "<div class=\"output-specification\"><div class=\"section-title\">Output</div>"
            + "".join(f"<p>{esc(p)}</p>" for p in _paragraphs(parts.get("output", []))) + "</div>")


def parse_statement(html: str) -> StdinModel | None:
    """The input-format model of a Codeforces or AtCoder statement (recognised by its
    layout, not its platform label), or None when it has no Input section at all."""
    model = parse_codeforces(html)
    if model is None:
        model = parse_atcoder(html)
    if model is None:
        return None
    check_shape(model)
    return model


def check_shape(model: StdinModel) -> None:
    """Problems the sampler cannot honour are reported, not generated wrongly."""
    if not model.lines:
        model.unparsed.append("no input line was understood")
    if any(ln.scope == "case" for ln in model.lines) and not model.cases:
        model.unparsed.append("per-test-case lines but no count of test cases")
    for a, op, b in model.relations:  # only relations inside one row are sampled and checked
        if not any(ln.kind == "rows" and a in ln.names and b in ln.names for ln in model.lines):
            model.unparsed.append(f"{a} {op} {b}: a relation between values that are not fields of one row")
    for prod in model.products:  # 1 <= n*m <= 2*10^5 with sizes n, m: each is in [1, 2*10^5]
        try:
            positive = not expr.names(prod["lo"]) and expr.evaluate(prod["lo"], {}) >= 1
        except expr.ExprError:
            positive = False
        for name in prod["ids"] if positive else []:
            b = model.bound(name)
            if not b.lo or not b.hi:
                b.lo, b.hi = b.lo or ["1"], b.hi or [prod["hi"]]
                model.parsed.append(f"{name} in [{b.lo[0]}, {b.hi[0]}] (implied by the bound on {'*'.join(prod['ids'])})")
    for ln in model.lines:
        name = ln.names[0]
        for attr in ("count", "width"):  # "n-1", "2N", "two": sizes the sampler can evaluate
            text = getattr(ln, attr)
            if text is not None:
                try:
                    setattr(ln, attr, bound_expr(str(number_word(text) or text), set(model.scalars())))
                except ValueError as exc:
                    what = "row length" if attr == "width" else "length" if ln.kind == "array" else "number of lines"
                    model.unparsed.append(f"{name}: its {what} {text!r}: {exc}")
        props = set(model.props.get(name, []))
        no_loops = "simple" in props or any(r[0] in ln.names and r[2] in ln.names and r[1] in ("<", "!=") for r in model.relations)
        b = model.bounds.get(name)
        if ln.kind == "rows" and props & {"simple", "distinct_edges"} and no_loops and ln.count in model.bounds and b and b.hi:
            # m distinct edges without loops fit only if m <= V(V-1)/2: implied, and it keeps the sampler from dead ends.
            v = b.hi[0] if not b.lo or b.lo[0] == "1" else f"({b.hi[0]}) - ({b.lo[0]}) + 1"
            model.bound(ln.count).hi.append(f"({v}) * (({v}) - 1) // 2")
            model.parsed.append(f"{ln.count} <= {v}*({v}-1)/2 (implied by distinct edges)")
        if ln.kind in ("string", "words", "grid") and name not in model.alphabet and not any(name in u for u in model.unparsed):
            model.unparsed.append(f"{name}: which characters it holds is not said")
        needed = ln.names if ln.kind in ("ints", "array", "rows") else [f"len_{name}"] if ln.kind in ("string", "words") else []
        for n in needed:
            b = model.bounds.get(n)
            if b is None or not b.lo or not b.hi:
                if ln.kind == "array" and "permutation" in model.props.get(n, []):
                    continue
                model.unparsed.append(f"{n}: no {'lower' if b and b.hi else 'upper' if b and b.lo else ''} bound given".replace("  ", " "))


def check_examples(model: StdinModel, examples: list[dict[str, str]]) -> None:
    """The statement's own examples must fit the parsed format: one that does not means the
    model misread something (a wrong generator would follow), so it counts as not understood."""
    if model.unparsed:
        return
    for i, ex in enumerate(examples, 1):
        text = "\n".join(" ".join(line.split()) for line in ex["input"].strip("\n").split("\n")) + "\n"
        bad = violations(model, text)
        if bad:
            model.unparsed.append(f"example {i} does not fit the parsed input format: {bad[0]}")
        else:
            model.parsed.append(f"example {i} fits the parsed input format")


def stdin_compare(statement_html: str) -> tuple[str | None, str]:
    """The comparison policy for a stdin problem, and a note on why."""
    text = normalise(html_to_text(statement_html))
    found = comparison_for_stdin(text)
    if found.compare is None:
        return None, found.flag
    m = re.search(r"(?:absolute|relative)(?: or | and |/)(?:relative|absolute) error[^.]*?(?:<=|not exceed|at most|within|"
                  r"less than|doesn't exceed)\s*10\s*\^\s*\(?-\s*(\d+)", text, re.I)
    if m:
        tol = f"1e-{int(m.group(1))}"
        return f"float(abs={tol},rel={tol})", "the Output section allows an absolute or relative error"
    if re.search(r"\bin any (?:letter )?case\b|any (?:letter )?case \(|upper or lower case|lowercase or uppercase|"
                 r"uppercase or lowercase|case[- ]insensitive", text, re.I):
        # "YES"/"yes"/"Yes" are all accepted: words compare in any letter case, numbers stay exact.
        return "tokens_nocase", "the Output section accepts any letter case"
    if re.search(r"absolute or relative error|relative or absolute error", text, re.I):
        return None, "floating-point answers with a tolerance the statement does not state plainly"
    return "tokens", ""


def stdin_gen_py(model: StdinModel) -> str:
    return (f"# {MARK}: generated from the statement's Input section (see draft.json)\n"
            "import random\n\n"
            "from contest_eval.suite.draft.stdin_generator import generate as _generate\n"
            "from contest_eval.suite.draft.stdin_model import StdinModel\n\n"
            f"MODEL = StdinModel.from_json({json.dumps(model.to_json())})\n\n\n"
            "def generate(rng: random.Random) -> list[dict]:\n"
            "    return _generate(MODEL, rng).cases\n")


def draft_stdin(d: DraftInput, out_dir: Path, refs: list[RefSource], self_contained: bool = True) -> DraftResult:
    """``draft_problem`` for ``kind == "stdin"``."""
    statement = d.statement_html if d.statement_html.strip() else text_to_html(d.statement_text) or ""
    if not statement.strip():
        if not (d.statement_html.strip() or d.statement_text.strip()):
            raise DraftError(f"{d.slug}: no statement stored (the page was not scraped): nothing to draft from")
        raise DraftError(f"{d.slug}: the statement has no Input section")
    try:
        model = parse_statement(statement)
    except (ValueError, KeyError, IndexError) as exc:  # an odd statement costs a stub, not the weekly run
        model = StdinModel(unparsed=[f"the Input section could not be read: {type(exc).__name__}: {exc}"])
    if model is None:
        raise DraftError(f"{d.slug}: the statement has no Input section")
    check_examples(model, d.examples)
    compare, why_compare = stdin_compare(d.statement_html or f"<p>{html.escape(d.statement_text)}</p>")
    seed = draft_seed(d.slug)
    tests, dropped, reasons = sample_inputs(generate, model, seed, "input line(s) or constraint(s)")
    if compare is None:
        reasons.append(f"the output cannot be compared token by token ({why_compare}): needs a checker")
    notes = [f"reference: {r.label}" for r in refs] + ([f"compare: {why_compare}"] if compare and why_compare else [])
    text = problem_toml(d, compare or "tokens", seed, notes, self_contained)
    gen = gen_stub(model) if model.unparsed else stdin_gen_py(model)  # type: ignore[arg-type]
    return write_draft(d, out_dir, refs, text, gen, Outcome(model.parsed, model.unparsed, reasons, tests, dropped))
