"""AtCoder's Input ``<pre>`` layout and Constraints list → :class:`~.stdin_model.StdinModel`.

The layout gives the lines (``N M`` / ``A_1 A_2 \\ldots A_N`` / ``u_1 v_1``
``\\vdots`` ``u_M v_M`` / ``S`` / a grid ``C_{1,1}C_{1,2}\\ldots C_{1,W}``);
the Constraints list gives the bounds, and says which names are strings.
A multi-test layout (``T`` then ``\\mathrm{case}_1`` … ``\\mathrm{case}_T``)
takes its per-case lines from the next ``<pre>``.
"""

from __future__ import annotations

import re

from contest_eval.problems.statement import Element, iter_elements, parse_html, text_of
from contest_eval.suite.draft.stdin_format import apply_constraint
from contest_eval.suite.draft.stdin_model import Line, StdinModel
from contest_eval.suite.draft.stdin_terms import NAME, bound_expr, charset, normalise

_STRING = re.compile(rf"^(?:each )?({NAME})(?:_i)? (?:is|are) (?:a )?strings? (?:of length (?:between (\S+) and (\S+)(?: \(inclusive\))?"
                     rf"|(\S+)|at most (\S+)|at least (\S+))? ?)?(?:consisting (?:only )?of (.+)|of (.+))$", re.I)
_CONSISTS = re.compile(rf"^({NAME})(?:_i)? consists (?:only )?of (.+)$")
_CELL = re.compile(rf"^({NAME})_(?:i,j|ij|\{{i,j\}}) is (.+)$")
_INT_BETWEEN = re.compile(rf"^((?:{NAME}(?:_i)?(?:, | and ))*{NAME}(?:_i)?) (?:is an|are) integers? between (.+?) and (.+?)(?: \(inclusive\))?$")
_ALL_INTEGERS = re.compile(rf"^(?:all (?:values|numbers|input values|values in (?:the )?input|numbers in (?:the )?input)"
                           rf"(?: in (?:the )?input)?(?: except (?:for )?\S+)?|(?:{NAME}(?:_i)?(?:, | and ))*{NAME}(?:_i)?) "
                           rf"(?:are integers|is an integer)$", re.I)


def _layout(lines: list[str], scope: str, model: StdinModel) -> str | None:
    i = 0
    while i < len(lines):
        cur = lines[i]
        if i + 2 < len(lines) and lines[i + 2] == "VDOTS" and lines[i + 1] == re.sub(r"_1\b", "_2", cur):
            i += 1  # "u_1 v_1" / "u_2 v_2" / vdots / "u_M v_M": the second line only repeats the first
            cur = lines[i - 1]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt == "VDOTS" and i + 2 < len(lines):
            why = _block(cur, lines[i + 2], scope, model)
            if why:
                return why
            i += 3
            continue
        tokens = cur.split()
        if m := re.fullmatch(rf"({NAME})_1 (?:\1_2 )?(?:\1_3 )?\.\.\. \1_(\S+)", cur):
            model.lines.append(Line("array", [m.group(1)], m.group(2), scope=scope))
        elif m := re.fullmatch(rf"({NAME})_1,1(?:\1_1,2)? ?\.\.\. ?\1_1,(\S+)", cur):
            model.lines.append(Line("grid", [m.group(1)], "1", m.group(2), scope=scope))
        elif m := re.fullmatch(rf"({NAME})_1,1 (?:\1_1,2 )?\.\.\. \1_1,(\S+)", cur):
            model.lines.append(Line("matrix", [m.group(1)], "1", m.group(2), scope=scope))
        elif all(re.fullmatch(NAME, t) for t in tokens) and tokens:
            model.lines.append(Line("ints", tokens, scope=scope))
        else:
            return f"input line {cur!r} is not understood"
        i += 1
    return None


def _block(first: str, last: str, scope: str, model: StdinModel) -> str | None:
    """``first`` ``\\vdots`` ``last``: rows (``u_1 v_1`` … ``u_M v_M``), one value per line, or a grid."""
    if m := re.fullmatch(rf"({NAME})_1,1(?:\1_1,2)? ?\.\.\. ?\1_1,(\S+)", first):
        end = re.fullmatch(rf"{m.group(1)}_(\S+?),1(?:{m.group(1)}_\1,2)? ?\.\.\. ?{m.group(1)}_\1,{re.escape(m.group(2))}", last)
        if end is None:
            return f"grid rows {first!r} … {last!r} do not match"
        model.lines.append(Line("grid", [m.group(1)], end.group(1), m.group(2), scope=scope))
        return None
    if m := re.fullmatch(rf"({NAME})_1,1 (?:\1_1,2 )?\.\.\. \1_1,(\S+)", first):
        end = re.fullmatch(rf"{m.group(1)}_(\S+?),1 (?:{m.group(1)}_\1,2 )?\.\.\. {m.group(1)}_\1,{re.escape(m.group(2))}", last)
        if end is None:
            return f"matrix rows {first!r} … {last!r} do not match"
        model.lines.append(Line("matrix", [m.group(1)], end.group(1), m.group(2), scope=scope))
        return None
    heads, tails = first.split(), last.split()
    names = [re.fullmatch(rf"({NAME})_1", t) for t in heads]
    ends = [re.fullmatch(rf"({NAME})_(\S+)", t) for t in tails]
    if not heads or len(heads) != len(tails) or not all(names) or not all(ends):
        return f"repeated lines {first!r} … {last!r} are not understood"
    counts = {e.group(2) for e in ends if e}
    if len(counts) != 1 or [n.group(1) for n in names if n] != [e.group(1) for e in ends if e]:
        return f"repeated lines {first!r} … {last!r} do not match"
    model.lines.append(Line("rows", [n.group(1) for n in names if n], counts.pop(), scope=scope))
    return None


def _item(text: str, model: StdinModel) -> str | None:
    """One Constraints item: None when understood, else why not."""
    t = text.strip().rstrip(".")
    if _ALL_INTEGERS.match(t):
        return None
    if m := _CONSISTS.match(t):  # "S consists of lowercase English letters": S is a string, its length bounded elsewhere
        t = f"{m.group(1)} is a string consisting of {m.group(2)}"
    if m := _STRING.match(t):
        name = m.group(1)
        ln = model.line_of(name)
        if ln is None:
            return f"{name} is not in the input format"
        if ln.kind == "ints" and ln.names == [name]:
            ln.kind = "string"
        elif ln.kind == "rows" and ln.names == [name]:
            ln.kind = "words"
        elif ln.kind not in ("string", "words"):
            return f"{name} is a string on a line with other values"
        chars = charset(m.group(7) or m.group(8) or "")
        if chars is None:
            return f"characters {m.group(7) or m.group(8)!r} not understood"
        model.alphabet[name] = chars
        lo, hi = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(4)) if m.group(4) else (m.group(6), m.group(5))
        for side, value in (("lo", lo), ("hi", hi)):
            if value:
                try:
                    getattr(model.bound(f"len_{name}"), side).append(bound_expr(value, set(model.scalars())))
                except ValueError as exc:
                    return str(exc)
        return None
    if m := _CELL.match(t):
        chars = charset(re.sub(r"^(?:either |one of )", "", m.group(2)))
        ln = model.line_of(m.group(1))
        if chars is None or ln is None or ln.kind not in ("grid", "words"):
            return f"cells of {m.group(1)}: {m.group(2)!r} not understood"
        model.alphabet[m.group(1)] = chars
        if ln.kind == "words":
            ln.kind = "grid"
        return None
    if m := _INT_BETWEEN.match(t):
        names = re.split(r", | and ", m.group(1))
        return apply_constraint(f"{m.group(2)} <= {', '.join(names)} <= {m.group(3)}", model)
    return apply_constraint(t, model)


def parse_atcoder(html: str) -> StdinModel | None:
    """The model of an AtCoder statement (the ``lang-en`` part), or None without an Input section."""
    # A character in <code> ("S_{i,j} is <code>.</code> or <code>#</code>") reads as a quoted character.
    root = parse_html(re.sub(r"<code>([^<\s]{1,3})</code>", r"'\1'", html))
    heads = {" ".join(text_of(h).split()).lower(): h for h in iter_elements(root) if h.name in ("h3", "h4")}
    inp = heads.get("input")
    if inp is None or not isinstance(inp.parent, Element):
        return None
    pres = [p for p in iter_elements(inp.parent) if p.name == "pre"]
    model = StdinModel()
    if not pres:
        model.unparsed.append("the Input section has no format block")
        return model
    first = [normalise(x) for x in text_of(pres[0]).splitlines() if x.strip()]
    if len(first) >= 3 and re.fullmatch(rf"({NAME})", first[0]) and re.fullmatch(r"(?:case|test)_1", first[1]):
        model.cases = first[0]
        model.lines.append(Line("ints", [first[0]], scope="head"))
        if len(pres) < 2:
            model.unparsed.append("multi-test layout without the per-case format")
            return model
        why = _layout([normalise(x) for x in text_of(pres[1]).splitlines() if x.strip()], "case", model)
    else:
        why = _layout(first, "head", model)
    if why:
        model.unparsed.append(why)
        return model
    model.parsed.append("input format: " + " / ".join(first))
    cons = heads.get("constraints")
    items = [text_of(li) for li in iter_elements(cons.parent) if li.name == "li"] if cons is not None and cons.parent else []
    if not items:
        model.unparsed.append("no Constraints list")
    for raw in items:
        text = normalise(raw)
        why = _item(text, model)
        (model.unparsed.append(f"{text!r}: {why}") if why else model.parsed.append(text))
    return model
