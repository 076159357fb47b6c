r"""Statement math → plain text, and constraint chains / sentences → the model.

Codeforces writes math as ``$$$1 \le n \le 2 \cdot 10^5$$$`` (or with Unicode
``≤``, ``·``); AtCoder as ``<var>1 \leq N \leq 2\times 10^5</var>``.  Both are
brought to one spelling (``1 <= n <= 2*10^5``) before anything is read.  A
chain or sentence that names something the input format does not declare,
or uses a word we do not know, is reported, never half-read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from contest_eval.suite.draft import expr
from contest_eval.suite.draft.sentences import alphabet

if TYPE_CHECKING:
    from contest_eval.suite.draft.stdin_model import StdinModel

_TEX = [(r"\\leqq?|\\leqslant|≤|⩽|≦", " <= "), (r"\\geqq?|\\geqslant|≥|⩾|≧", " >= "), (r"\\neq?|≠", " != "),
        (r"\\lt\b", " < "), (r"\\gt\b", " > "), (r"\\le\b", " <= "), (r"\\ge\b", " >= "),
        (r"\\times|\\cdot(?!s)|×|·|⋅|∙|\\ast", "*"), (r"\\ldots|\\cdots|\\dots|…|\\dotsc|\.\s*\.\s*\.", " ... "),
        (r"\\vdots|⋮", " VDOTS "), (r"−|–", "-"), (r"\\[,;:! ]|\\quad|\\qquad|~", " "), (r"\\left|\\right", ""),
        (r"\\(?:mathrm|text|texttt|mathtt|mathit|operatorname|textrm|mathbf)\s*\{([^{}]*)\}", r"\1"),
        (r"\\lvert|\\rvert|\\vert|\\mid", "|"), (r"\\(min|max)\b", r"\1"), (r"\\\{", "{"), (r"\\\}", "}"), (r"\\%", "%")]
NAME = r"[A-Za-z][A-Za-z0-9']*"
_OPS = re.compile(r"(<=|>=|!=|==|<|>|=)")
WORDS = {"one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def normalise(text: str) -> str:
    """Math in any of the platforms' spellings → ``1 <= n <= 2*10^5``, ``a_i``, ``10^9``."""
    t = text.replace("$$$", " ").replace("$", " ").replace("\u00a0", " ")
    for pattern, repl in _TEX:
        t = re.sub(pattern, repl, t)
    t = re.sub(r"\^\s*\{\s*([^{}]*?)\s*\}", r"^(\1)", t)
    t = re.sub(r"\^\((-?\d+)\)", r"^\1", t)
    t = re.sub(r"_\s*\{\s*([^{}]*?)\s*\}", lambda m: "_" + m.group(1).replace(" ", ""), t)
    t = re.sub(r"_([ijk]),([jkl])\b", r"_\1\2", t)  # a_{i,j} is one element: a_ij (a_{i,1} keeps its comma)
    t = re.sub(r"\b([a-zA-Z])\s+-(th|st|nd|rd)\b", r"\1-\2", t)
    t = re.sub(r"(?<=\d)\s*\*\s*(?=\d)", "*", t)
    t = re.sub(r"(?<=\d)(?:\\,|\s|,)(?=\d{3}\b)", "", t)  # 250\,000 / 250 000 / 250,000
    t = re.sub(r"\s+([,;:)]|\.(?!\.))", r"\1", " ".join(t.split()))
    return re.sub(r"\(\s+", "(", t)


def bound_expr(term: str, known: set[str]) -> str:
    """A bound as :mod:`.expr` text; raises ExprError when it is not one over ``known`` names."""
    t = term.strip().strip(",.;")
    t = re.sub(r"(?<=\d)(?=[A-Za-z(])", "*", t)  # 2n, 2(n+1)
    t = re.sub(r"\|\s*(" + NAME + r")\s*\|", r"len_\1", t)  # |s|
    t = expr.normalise(t)
    # 2^60 and the like: folded here (the evaluator caps exponents at what sizes need).
    t = re.sub(r"\b(\d{1,4})\s*\*\*\s*\(?(\d{1,2})\)?(?![\d(])", lambda m: str(int(m.group(1)) ** int(m.group(2)))
               if int(m.group(2)) > 30 and int(m.group(2)) <= 64 else m.group(0), t)
    for name in expr.names(t) if _parses(t) else set():
        if name not in known:
            raise expr.ExprError(f"{name!r} is not a number of the input")
    expr.parse(t)
    return t


def _parses(text: str) -> bool:
    try:
        expr.parse(text)
    except expr.ExprError:
        return False
    return True


def subject(term: str, model: "StdinModel") -> str | None:
    """The model name one constraint term stands for: ``n``, ``a_i`` → ``a``, ``|s|`` → ``len_s``."""
    t = term.strip().strip(",.;")
    if m := re.fullmatch(r"\|\s*(" + NAME + r")(?:_i)?\s*\|", t):
        return f"len_{m.group(1)}" if model.line_of(m.group(1)) else None
    if m := re.fullmatch(r"(?:the )?length of (" + NAME + r")", t):
        return f"len_{m.group(1)}" if model.line_of(m.group(1)) else None
    if m := re.fullmatch(r"(" + NAME + r")_(?:[ijk]|\{?[ijk],[jk]\}?|[ijk][jk])", t):
        ln = model.line_of(m.group(1))
        return m.group(1) if ln and ln.kind in ("array", "rows", "grid", "words", "matrix") else None
    if re.fullmatch(NAME, t):
        ln = model.line_of(t)
        if ln is None and (m := re.fullmatch(r"([a-z])[ij]", t)):  # old pages write a_i as "ai"
            old = model.line_of(m.group(1))
            return m.group(1) if old and old.kind in ("array", "rows", "matrix") else None
        return t if ln and ln.kind == "ints" else None
    return None


def _top_commas(text: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return parts + [cur]


def chains(text: str, model: "StdinModel") -> list[str]:
    """``1 <= n <= 2*10^5, 0 <= k <= n`` → two chains; ``1 <= u_i, v_i <= n`` stays one."""
    out: list[str] = []
    for piece in (p.strip() for p in _top_commas(text)):
        if out and piece:
            prev_terms, terms = _OPS.split(out[-1]), _OPS.split(piece)
            # "1 <= u_i" + "v_i <= n" is one chain over two subjects; "1 <= u_i, v_i <= n" + "u_i != v_i" is two.
            lower_only = len(prev_terms) == 3 and not subject(prev_terms[0].split(",")[-1], model) \
                and bool(subject(prev_terms[-1].split(",")[-1], model))
            bare = len(terms) == 1 and bool(subject(piece, model))  # "1 <= a, b, c <= 10": the "b"
            if (len(prev_terms) == 1 and subject(out[-1].split(",")[-1], model)) or bare or (lower_only and subject(terms[0], model)):
                out[-1] = f"{out[-1]}, {piece}"
                continue
        if piece:
            out.append(piece)
    return out


def product_chain(text: str, model: "StdinModel") -> bool:
    """``1 <= n*m <= 2*10^5`` (n, m scalars): a bound on the product; False when not that shape."""
    m = re.fullmatch(rf"(?:(\S+) (<=|<) )?({NAME}) ?\* ?({NAME}) (<=|<) (\S+)", text.strip())
    scalars = set(model.scalars())
    if m is None or m.group(3) not in scalars or m.group(4) not in scalars:
        return False
    try:
        lo = bound_expr(m.group(1), set()) if m.group(1) else "0"
        hi = bound_expr(m.group(6), set())
    except expr.ExprError:
        return False
    model.products.append({"ids": [m.group(3), m.group(4)], "lo": f"({lo}) + 1" if m.group(2) == "<" else lo,
                           "hi": f"({hi}) - 1" if m.group(5) == "<" else hi})
    return True


def chain(text: str, model: "StdinModel") -> str | None:
    """Apply one inequality chain (``1 <= u_i, v_i <= n``, ``u_i != v_i``) to the model.
    Returns None when applied, else why not."""
    pieces = _OPS.split(text)
    terms, ops = [p.strip() for p in pieces[0::2]], pieces[1::2]
    if len(terms) < 2 or not all(terms):
        return "not an inequality chain"
    if any(o in (">", ">=") for o in ops):
        if any(o in ("<", "<=") for o in ops):
            return "mixes < and >"
        terms, ops = terms[::-1], [{">": "<", ">=": "<="}.get(o, o) for o in ops[::-1]]
    scalars = set(model.scalars())
    sides: list[tuple[list[str], str | None]] = []  # (subjects, bound expression): exactly one is set
    for t in terms:
        group = [subject(p, model) for p in t.split(",")]
        if all(group):
            sides.append(([g for g in group if g], group[0] if len(group) == 1 and group[0] in scalars else None))
            continue
        try:
            sides.append(([], bound_expr(t, scalars)))
        except expr.ExprError as exc:
            return f"{t!r}: {exc}"
    for k, op in enumerate(ops):
        (left, left_e), (right, right_e) = sides[k], sides[k + 1]
        if op == "!=":
            if len(left) != 1 or len(right) != 1:
                return f"'!=' between {terms[k]!r} and {terms[k + 1]!r} is not a relation between two values"
            model.relations.append([left[0], "!=", right[0]])
            continue
        if op in ("=", "=="):
            names, e = (left, right_e) if left and right_e is not None else (right, left_e)
            if not names or e is None:
                return f"'=' between {terms[k]!r} and {terms[k + 1]!r}"
            for name in names:  # |s| = n: the length follows n (never both ways: n would wait for |s|)
                model.bound(name).lo.append(e)
                model.bound(name).hi.append(e)
        elif left and right_e is not None:  # n <= 2*10^5, a_i <= n, k <= n (k is sampled after n)
            for name in left:
                model.bound(name).hi.append(f"({right_e}) - 1" if op == "<" else right_e)
        elif right and left_e is not None:  # 1 <= n
            for name in right:
                model.bound(name).lo.append(f"({left_e}) + 1" if op == "<" else left_e)
        elif left and right:  # two fields of a row (u_i < v_i): checked together, not bounded
            if len(left) != 1 or len(right) != 1:
                return f"relation {terms[k]!r} {op} {terms[k + 1]!r} between lists"
            model.relations.append([left[0], op, right[0]])
        else:
            return f"{terms[k]!r} {op} {terms[k + 1]!r} compares two numbers"
    # 1 <= n <= m <= 10: m is at least 1 too; 1 <= u_i < v_i <= n: u_i is at most n, v_i at least 1.
    scalars_in = set(scalars)
    for i, (group, _) in enumerate(sides):
        for name in group:
            usable = [(j, e) for j, (g, e) in enumerate(sides) if e is not None and j != i
                      and (not g or name not in scalars_in) and name not in expr.names(e)]
            b = model.bound(name)
            if not b.lo and (before := [e for j, e in usable if j < i]):
                b.lo.append(before[-1])
            if not b.hi and (after := [e for j, e in usable if j > i]):
                b.hi.append(after[0])
    return None


_ALPHA_NAMES = [(r"lowercase (?:latin|english) letters", "lowercase English letters"),
                (r"uppercase (?:latin|english) letters", "uppercase English letters"),
                (r"(?:latin|english) letters", "English letters"),
                (r"uppercase and lowercase (?:latin|english) letters", "uppercase and lowercase English letters"),
                (r"lowercase and uppercase (?:latin|english) letters", "lowercase and uppercase English letters")]


def charset(text: str) -> str | None:
    """``lowercase Latin letters`` / ``'.' or '#'`` / ``characters 0 and 1`` → the characters, else None."""
    t = text.strip().rstrip(".")
    t = re.sub(r"`([^`]+)`|«\s*([^»\s]+)\s*»|“([^”]+)”", lambda m: "'" + next(g for g in m.groups() if g) + "'", t)
    low = t.lower()
    if re.fullmatch(r"(?:the )?(?:characters|digits) ?'?0'?,? (?:and|or) '?1'?", low) or low in ("zeros and ones", "0 and 1"):
        return "01"
    for pattern, name in sorted(_ALPHA_NAMES, key=lambda p: -len(p[0])):
        t = re.sub(pattern, name, t, flags=re.I)
    t = re.sub(r"^(?:only )?(?:the )?(?:characters|symbols) ", "", t)
    return alphabet(t)


_CAP = re.compile(r"\s*(?:(?:does|do|will) not exceed|(?:doesn't|don't|won't) exceed|not exceeds?|(?:is|are) at most|"
                  r"(?:is|are) not (?:greater|more|larger) than|(?:is|are) (?:less than or equal to|no more than)|<=)\s+(.+)$")
_OVER = r"(?:\s+(?:over|for|in|across|among) (?:all|the) (?:test cases|cases|tests|input data sets)" \
        r"(?: in (?:a single|one|the) (?:input|test))?)?"


def sum_sentence(text: str, model: "StdinModel") -> str | None:
    """``the sum of n over all test cases does not exceed 2*10^5`` (also ``… of n and the sum of m …
    do not exceed``, two capped sums joined by "and", ``sum n <= …``) → per-input caps.
    None when it is not such a sentence; "" when applied; else why not."""
    t = re.sub(r"\\sum(?:olimits)?\s*", "sum of ", text.strip().rstrip("."))
    if not re.search(r"\b(?:sum|total) of\b", t):
        return None
    parts = [p for p in re.split(r",? and (?=(?:the |also )?(?:sum|total) of\b)", t) if p.strip()]
    found: list[tuple[str, str | None]] = []
    for part in parts:
        cap = _CAP.search(part)
        head = part[:cap.start()] if cap else part
        m = re.fullmatch(r"(?:.*?\b)?(?:sum|total) of (?:the )?(?:values of )?(.+?)" + _OVER, head.strip())
        if m is None:
            return f"sum sentence {part!r} not understood"
        found.append((m.group(1).strip(), cap.group(1) if cap else None))
    if found[-1][1] is None:
        return "sum sentence without a cap"
    known = set(model.scalars())
    for k, (what, cap_text) in enumerate(found):
        cap_text = cap_text or found[-1][1]
        assert cap_text is not None
        what = re.sub(r"^(?:the )?(?:lengths? of (?:the )?(?:strings? )?)(" + NAME + ")$", r"len_\1", what)
        what = re.sub(r"^\|(" + NAME + r")\|$", r"len_\1", what)
        names = [w.strip() for w in re.split(r"\s*\*\s*|\s+by\s+", what)]
        if not names or any(n not in known for n in names):
            return f"sum of {what!r}: not a size the input declares"
        try:
            cap = bound_expr(re.split(r" \(|,? and\b|;", cap_text.strip())[0].rstrip("."), set())
        except expr.ExprError as exc:
            return f"sum cap {cap_text!r}: {exc}"
        model.sums.append({"ids": names, "cap": cap})
    return ""


def property_sentence(text: str, model: "StdinModel") -> str | None:
    """Distinctness, permutations, trees, graphs: None when not such a sentence, "" when applied, else why not."""
    t = text.strip().rstrip(".")
    low = t.lower()
    rows = [ln for ln in model.lines if ln.kind == "rows" and len(ln.names) >= 2]
    graph = _graph_words(low)
    if graph is not None:
        if len(rows) != 1:
            return f"graph sentence, but the input has {len(rows)} edge lists"
        model.props.setdefault(rows[0].names[0], []).extend(p for p in graph if p != "noloop")
        if "noloop" in graph:
            model.relations.append([rows[0].names[0], "!=", rows[0].names[1]])
        return ""
    m = re.fullmatch(rf"(?:the )?(?:array |sequence )?\(?({NAME})(?:_[a-z]|_1, .*?_\S+?)?\)? is a permutation"
                     rf"(?: of (?:length|size) \S+| of \(?1, .*\)?| of (?:the )?(?:integers|numbers) (?:from )?1 to \S+)?", t)
    if m:
        name = m.group(1)
        ln = model.line_of(name)
        if ln is None or ln.kind != "array":
            return f"{name} is not an array of the input"
        model.props.setdefault(name, []).append("permutation")
        b = model.bound(name)
        b.lo, b.hi = ["1"], [ln.count or "0"]
        return ""
    t = re.sub(rf"^i != j (?:\\Rightarrow|\\implies|=>) ({NAME})_i != \1_j$", r"\1_i != \1_j", t)  # i≠j ⇒ A_i≠A_j
    m = re.fullmatch(rf"(?:all )?(?:the )?(?:numbers |values |elements |integers |strings )?(?:of )?\(?({NAME})"
                     rf"(?:_[a-z]|_1, .*?_\S+?)?\)? (?:are|is) (?:all )?(?:pairwise )?(?:distinct|different)"
                     rf"(?: \(?(?:for (?:all )?|if )?i != j\)?)?", t, flags=re.I)
    m = m or re.fullmatch(r"(" + NAME + r")_i != \1_j(?: \((?:for )?(?:all )?i != j\)| for (?:all )?i != j| if i != j)?", t)
    if m:
        ln = model.line_of(m.group(1))
        if ln is None or ln.kind not in ("array", "words"):
            return f"{m.group(1)} is not an array of the input"
        model.props.setdefault(m.group(1), []).append("distinct")
        return ""
    m = re.fullmatch(r"\((" + NAME + r")_i, (" + NAME + r")_i\) != \(\1_j, \2_j\)(?: \(i != j\)| if i != j| for i != j)?", t)
    if m:
        ln = model.line_of(m.group(1))
        if ln is None or ln.kind != "rows" or ln.names[:2] != [m.group(1), m.group(2)]:
            return "distinct pairs of fields that are not one row"
        model.props.setdefault(ln.names[0], []).append("distinct_edges")
        return ""
    return None


_GRAPH_PHRASES = [
    (r"(?:the )?(?:given )?(?:edges|graph|roads|input) (?:forms?|is|describes?|represents?) a tree|(?:it is )?a tree", "tree"),
    (r"(?:the )?(?:given )?graph is connected|connected|it is possible to reach any (?:vertex|city) from any other", "connected"),
    (r"(?:the )?(?:given )?graph is simple|simple", "simple"),
    (r"(?:no |does not contain |doesn't contain |without )?(?:self-loops|loops)(?: (?:and|or|nor) (?:no )?multiple edges)?", "simple"),
    (r"(?:no |does not contain |without )?multiple edges(?: (?:and|or|nor) (?:no )?(?:self-loops|loops))?", "simple"),
]
_GRAPH_GLUE = {"it", "is", "guaranteed", "that", "the", "given", "graph", "and", "has", "contains", "there", "are", "no",
               "doesn't", "does", "not", "contain", "edges", "form", "forms", "a", "input", "in", "between", "any", "pair",
               "of", "vertices", "or", "nor"}


def _graph_words(low: str) -> list[str] | None:
    """The graph properties a sentence states (tree, connected, simple), or None when it is not
    wholly such a sentence ("no self-loops" alone: loops forbidden, repeated edges allowed)."""
    if not re.search(r"\btree\b|connected|self-loops|\bloops\b|multiple edges|\bsimple\b", low):
        return None
    found: list[str] = []
    rest = low
    if re.search(r"(?:no |without )(?:self-loops|loops)\b", low) and not re.search(r"multiple edges", low):
        found.append("noloop")
        rest = re.sub(r"(?:no |without )(?:self-loops|loops)\b", " ", rest)
    for pattern, prop in _GRAPH_PHRASES:
        if re.search(pattern, rest):
            found.append(prop)
            rest = re.sub(pattern, " ", rest)
    if any(w not in _GRAPH_GLUE for w in re.split(r"[\s,]+", rest) if w):
        return None
    return list(dict.fromkeys(found)) or None


def number_word(text: str) -> int | None:
    return WORDS.get(text.lower()) if not text.isdigit() else int(text)
