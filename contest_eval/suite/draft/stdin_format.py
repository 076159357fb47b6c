"""A stdin problem's Input section → :class:`~.stdin_model.StdinModel`.

Codeforces describes the input in prose ("The first line of each test case
contains two integers n and k (1 ≤ n ≤ 2·10^5, 0 ≤ k ≤ n) — …"); AtCoder
gives a ``<pre>`` layout (``N M`` / ``A_1 A_2 \\ldots A_N``) and a separate
Constraints list (:mod:`.stdin_atcoder`).  Each sentence is either a line
declaration (with its parenthesised bounds), a guarantee ("It is guaranteed
that the sum of n over all test cases does not exceed 2·10^5"), or plain
description.  A sentence that looks like a constraint but is not understood
is listed in ``unparsed`` with the reason: the draft then falls back to a
hand-written generator rather than guess.
"""

from __future__ import annotations

import re

from contest_eval.problems.statement import Element, classes, iter_elements, parse_html, text_of
from contest_eval.suite.draft.stdin_model import Line, StdinModel
from contest_eval.suite.draft.stdin_terms import (NAME, chain, chains, charset, normalise, number_word, product_chain,
                                                  property_sentence, sum_sentence)

_ORD = "first and (?:the )?only|first|second|third|fourth|fifth|sixth|seventh|next|last|only|following"
_SCOPE = r"(?: of (?:the )?(?:input|input data|each test case|the test case|each test|each set of input data|" \
         r"the description of (?:each|the) test case|each test case description))?"
_WHERE = [
    re.compile(rf"^(?:the |in the |then,? the )?(?P<ord>{_ORD}) line{_SCOPE},? (?:contains?|consists of|has|gives?|is)\s+", re.I),
    re.compile(r"^each test case (?:consists of|contains|is given (?:in|on)) (?:a single|one|exactly one|the only) line"
               r"(?:,)? (?:containing|with|that contains)\s+", re.I),
    re.compile(r"^(?:then |the )?(?:each|the i-th|the j-th) of the (?:next|following) (?P<count>.+?) lines"
               r"(?: of (?:each test case|the test case))? contains?\s+", re.I),
    re.compile(r"^(?:then |the )?(?:next|following) (?P<count>.+?) lines (?:contains?|describes?)(?: the \w+)?(?:\. each (?:of them|line) contains|, each (?:containing|contains|of which contains))?\s+", re.I),
    re.compile(r"^then (?P<count>.+?) lines follow,? (?:each (?:of them )?(?:containing|contains)|the i-th of them contains)\s+", re.I),
    # after "Then m lines follow." / "The next m lines describe the edges.": the pending count
    re.compile(r"^(?:the i-th|the j-th|each) (?:of them|line|of these lines|such line)(?: of them)? contains?\s+", re.I),
]
_FOLLOW = re.compile(r"^(?:then |the )?(?:next |following )?(?P<count>\S+) lines (?:follow|describe [\w ]+)\.?$", re.I)
# Sentences that only describe (no constraint): safe to pass over.
_NOISE = re.compile(r"(?:descriptions? of (?:the )?test cases? follows?|test cases? follows?|^each test case consists of"
                    r"|^each test (?:contains|consists of) (?:several|multiple|one or more) test cases"
                    r"|^the description of (?:each|the) test case|^input$)", re.I)
# Descriptions that name an input value without constraining it.
_HARMLESS = re.compile(r"(?:vertices|nodes|cities|cells|positions|elements|rows|columns|people|players) are (?:numbered|indexed)"
                       r"|^(?:here|note that)?,? ?(?:the )?\w+(?:_i)? (?:is|are|denotes?) the (?:number|length|size|height|width|"
                       r"weight|value|cost|index) of\b", re.I)
# Words that mean a sentence constrains the input: never passed over unread.
_CONSTRAINT_WORDS = re.compile(r"guarantee|distinct|permutation|at most|at least|not exceed|sorted|between|no two|"
                               r"connected|\btree\b|unique|different|<=|>=|!=|<|>|=|must|only|consist|\bis not\b", re.I)


def sentences(text: str) -> list[str]:
    out = []
    for para in text.split("\n"):
        para = normalise(para)
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", para) if s.strip()]
    return out


def _parens(text: str) -> tuple[str, list[str]]:
    """The text without its top-level parenthesised groups, and the groups."""
    out, groups, depth, cur = "", [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
            if depth == 1:
                cur = ""
                continue
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append(cur)
                out += " "
                continue
        if depth:
            cur += ch
        else:
            out += ch
    return re.sub(r"\s+([,;]|\.(?!\.))", r"\1", " ".join(out.split())), groups


class _Prose:
    """Codeforces' Input section, sentence by sentence."""

    def __init__(self) -> None:
        self.model = StdinModel()
        self.scope = "head"
        self.later: list[tuple[str, str]] = []  # (where, constraint text): applied once every line is declared
        self.pending: str | None = None  # "Then m lines follow.": the count of the lines the next sentence describes
        self.maybe: list[str] = []  # sentences without a constraint word: description unless they speak of the input

    def add(self, line: Line) -> None:
        taken = {n for ln in self.model.lines for n in ln.names}
        if taken & set(line.names):
            raise ValueError(f"{sorted(taken & set(line.names))} declared twice")
        self.model.lines.append(line)

    def sentence(self, s: str) -> None:
        if f := _FOLLOW.match(s):
            self.pending = f.group("count")
            self.model.parsed.append(s)
            return
        m = next((m for w in _WHERE[:-1] if (m := w.match(s))), None)
        if m is None and self.pending is not None:
            m = _WHERE[-1].match(s)
        if m is None:
            return self.other(s)
        if re.search(r"test case|each test\b", m.group(0), re.I):
            self.scope = "case"
        body, groups = _parens(s[m.end():])
        body = re.split(r"\s+[—–-]{1,2}\s+|, where\b|; |,? (?:denoting|representing|meaning)\b|, which (?:is|are|denotes?)\b|, the\b",
                        body)[0].rstrip(". ").strip()
        count = m.groupdict().get("count") or (self.pending if m.re is _WHERE[-1] else None)
        self.pending = None
        try:
            line = self.content(body, count, s)
            if line is None:
                raise ValueError("what the line holds is not understood")
            if self.scope == "head" and not self.model.cases and line.kind == "ints" and len(line.names) == 1 \
                    and re.search(r"number of (?:test ?cases|tests|input data sets|sets of input data)", s, re.I):
                self.model.cases = line.names[0]
                self.scope = "case"
            self.add(line)
        except ValueError as exc:
            self.model.unparsed.append(f"{s!r}: {exc}")
            return
        self.model.parsed.append(s)
        self.later += [(s, g) for g in groups]

    def content(self, body: str, count: str | None, s: str) -> Line | None:
        scope = self.scope
        body = re.sub(r"^(?:exactly |only )", "", body)
        props: list[str] = []
        if re.search(r"\bdistinct\b", body):
            props.append("distinct")
            body = re.sub(r"\s*\b(?:pairwise )?distinct\b", "", body)
            if not re.search(r"\.\.\.", body):  # only an array line carries "distinct" here
                raise ValueError("distinct values on a line that is not an array")
        body = re.sub(r"\b(?:space-separated|positive|non-negative|nonnegative|integer)\s+(?=integers?\b|numbers?\b)", "", body)
        body = re.sub(r"\bnumbers\b", "integers", body)
        body = re.sub(r"^(?:a single integer |one integer |an integer |the )?number of (?:test cases|tests|input data sets) ",
                      "a single integer ", body)
        if m := re.fullmatch(rf"(?:a single |one |an |single |the single |a |the )?integers? ({NAME})(?:_i)?", body):
            return Line("rows" if count else "ints", [m.group(1)], count, scope=scope)
        if m := re.fullmatch(rf"{NAME}(?:_i)?", body):  # "contains n (1 <= n <= 1000), denoting …"
            return Line("rows" if count else "ints", [re.sub(r"_i$", "", body)], count, scope=scope)
        if m := re.fullmatch(rf"(?:(?!integers\b)(\w+) )?(?:integers )?((?:{NAME}(?:_i)?, )*{NAME}(?:_i)?(?:,? and |, ){NAME}(?:_i)?)", body):
            names = [re.sub(r"_i$", "", n) for n in re.split(r",? and |, ", m.group(2))]
            if m.group(1) and number_word(m.group(1)) != len(names):
                raise ValueError(f"says {m.group(1)} integers but names {len(names)}")
            return Line("rows" if count else "ints", names, count, scope=scope)
        perm = re.fullmatch(rf"(?:the |an? )?(?:array|permutation|sequence)?\s*(?:of (?:length|size) \S+ )?({NAME})_1,? "
                            rf"(?:\1_2,? )?(?:\1_3,? )?\.\.\.,? \1_(\S+)(?: of (?:length|size) \S+)?", body)
        arr = re.fullmatch(rf"(\S+) integers ({NAME})_1,? (?:\2_2,? )?(?:\2_3,? )?\.\.\.,? \2_(\S+)", body) \
            or re.fullmatch(r"(\S+) integers ([a-z])1,? (?:\2 ?2,? )?\.\.\.,? \2([a-z])", body)  # old pages: a1, a2, ..., an
        mat = re.fullmatch(rf"(\S+) integers ({NAME})_i,1,? (?:\2_i,2,? )?\.\.\.,? \2_i,(\S+)", body)
        if mat and count:
            if mat.group(1) != mat.group(3):
                raise ValueError(f"{mat.group(1)} integers but the last is {mat.group(2)}_i,{mat.group(3)}")
            return Line("matrix", [mat.group(2)], count, mat.group(1), scope=scope)
        if arr or perm:
            name, last = (arr.group(2), arr.group(3)) if arr else (perm.group(1), perm.group(2))  # type: ignore[union-attr]
            size = arr.group(1) if arr else last
            if arr and size != last:
                raise ValueError(f"{size} integers but the last is {name}_{last}")
            if count:
                raise ValueError("an array on each of several lines")
            if "permutation" in body:
                props.append("permutation")
                model_b = self.model.bound(name)
                model_b.lo, model_b.hi = ["1"], [size]
            self.model.props.setdefault(name, []).extend(props)
            return Line("array", [name], size, scope=scope)
        m = re.fullmatch(rf"(?:a |the |one |a single )?(?:non-empty )?(?:input )?(?:binary )?string(?: ({NAME}))?(?:_i)?,?"
                         rf"(?: of length (?:from (\S+) to (\S+)(?:,? inclusive)?|(\S+)))?"
                         rf"(?:,? (?:which )?consist(?:s|ing)? (?:only )?of (.+))?", body)
        if m and not count:
            name = m.group(1) or "s"
            if m.group(4):
                self.later.append((s, f"|{name}| = {m.group(4)}"))
            elif m.group(2):
                self.later.append((s, f"{m.group(2)} <= |{name}| <= {m.group(3)}"))
            self.add_alphabet(name, m.group(5), "binary string" in body, s)
            return Line("string", [name], scope=scope)
        w = re.fullmatch(rf"(?:a |one |the )?(?:non-empty )?(?:binary )?string ({NAME})_i(?:,? (?:which )?consist(?:s|ing)? (?:only )?of (.+))?", body)
        if w and count:  # "Each of the next n lines contains a string s_i …": lengths from |s_i|
            self.add_alphabet(w.group(1), w.group(2), "binary string" in body, s)
            return Line("words", [w.group(1)], count, scope=scope)
        g = re.fullmatch(rf"(?:a (?:string|row|line)(?: ({NAME})_i)? (?:of|with) (?:length |exactly )?)?(\S+) (?:characters|symbols)"
                         rf"(?:,? (?:each )?(?:of which is |being |consisting (?:only )?of )?(?:either )?(.+))?"
                         rf"|a string(?: ({NAME})_i)? of length (\S+)(?:,? consisting (?:only )?of (.+))?", body)
        if g and count:
            name = g.group(1) or g.group(4) or "grid"
            self.add_alphabet(name, g.group(3) or g.group(6), False, s)
            return Line("grid", [name], count, g.group(2) or g.group(5), scope=scope)
        return None

    def add_alphabet(self, name: str, text: str | None, binary: bool, s: str) -> None:
        chars = "01" if binary and not text else charset(text) if text else None
        if text is None and not binary and name not in self.model.alphabet and not re.search(r"'.'|\"", s):
            return  # the legend may say (fill_alphabets)
        if chars is None and text is None:
            quoted = re.findall(r"'([^'])'|\"([^\"])\"", s)
            chars = "".join(sorted({a or b for a, b in quoted})) or None
        if chars is None:
            raise ValueError(f"the characters of {name} ({text!r}) are not understood")
        self.model.alphabet[name] = chars

    def other(self, s: str) -> None:
        body = re.sub(r"^(?:it is guaranteed(?: that)?|it's guaranteed(?: that)?|additional constraint on the input:|note that|"
                      r"guaranteed that)\s*", "", s, flags=re.I).rstrip(".")
        if body != s.rstrip("."):
            self.later.append((s, body))
        elif _NOISE.search(s) or not _CONSTRAINT_WORDS.search(s):
            self.maybe.append(s)
        else:
            self.later.append((s, body))

    def constraints(self) -> None:
        names = {n for ln in self.model.lines for n in ln.names} | {f"len_{ln.names[0]}" for ln in self.model.lines}
        for s in self.maybe:
            # "All a_i are even." has no constraint word but speaks of a value of the input: never passed over.
            said = {m.group(1) for m in re.finditer(rf"(?<![\w'])({NAME})(?:_[a-z0-9]+)?(?![\w'])", s)} & names
            if said and not _HARMLESS.search(s) and not _NOISE.search(s):
                self.model.unparsed.append(f"{s!r}: speaks of {', '.join(sorted(said))} but is not understood")
            else:
                self.model.parsed.append(f"(description) {s}")
        for where, text in self.later:
            text = text.strip().rstrip(".")
            why = apply_constraint(text, self.model)
            if why:
                self.model.unparsed.append(f"{where!r}: {why}")
            elif where not in self.model.parsed:
                self.model.parsed.append(where)


def _sorted_chain(text: str, model: StdinModel) -> bool:
    """``1 <= a_1 <= a_2 <= ... <= a_n <= 10^9`` (or ``<``, or ``>=`` without outer bounds): sorted, bounded."""
    m = re.fullmatch(rf"(?:(\S+) (<=|<) )?({NAME})_1 (<=|<|>=|>) \3_2 \4 \.\.\. \4 \3_\S+(?: (<=|<) (\S+))?", text)
    ln = model.line_of(m.group(3)) if m else None
    if m is None or ln is None or ln.kind != "array" or (m.group(4) in (">=", ">") and (m.group(1) or m.group(6))):
        return False
    name = m.group(3)
    model.props.setdefault(name, []).append("sorted" if m.group(4) in ("<=", "<") else "sorted_desc")
    if m.group(4) in ("<", ">"):
        model.props[name].append("distinct")
    if m.group(1) and chain(f"{m.group(1)} {m.group(2)} {name}_i", model) or m.group(6) and chain(f"{name}_i {m.group(5)} {m.group(6)}", model):
        return False
    return True


def apply_constraint(text: str, model: StdinModel) -> str | None:
    """One constraint (a chain list, a sum, a property, an ordering): None when applied, else why not."""
    for apply in (sum_sentence, property_sentence):
        why = apply(text, model)
        if why is not None:
            return why or None
    pieces = [c for p in re.split(r",? and (?=\S+ (?:<|>|!=|=))|; |, and ", text) for c in chains(p, model)]
    if len(pieces) > 1 or re.search(r"<=|>=|<|>|!=|=", text):
        for part in pieces:
            part = re.sub(r"\s*\((?:for (?:all |each )?)?(?:1 <= )?i(?: != j| < j)?(?: <= \w+)?\)$|\s*for (?:all|each|every) (?:valid )?i$"
                          r"|\s*\((?:i != j|i < j)\)$", "", part)
            part = re.sub(rf"^\|({NAME}_[a-z])\| (<=|<) (\S+)$", r"-(\3) \2 \1 \2 \3", part)  # |A_i| <= 10^9
            why = "" if product_chain(part, model) or _sorted_chain(part, model) else property_sentence(part, model)
            if why is None and re.search(r"<=|>=|<|>|!=|=", part) and not re.search(r"[a-z]{3,} [a-z]{3,}", part):
                why = chain(part, model) or ""
            elif why is None:
                why = sum_sentence(part, model)
                why = "not understood" if why is None else why
            if why:
                return f"{part!r}: {why}" if part != text else why
        return None
    return "not understood"


def _section_text(div: Element) -> str:
    """Paragraphs and list items, one per line (a sentence never runs across two items)."""
    parts: list[str] = []
    for child in div.contents:
        if isinstance(child, Element):
            if "section-title" in classes(child):
                continue
            items = [li for li in iter_elements(child) if li.name == "li"] if child.name in ("ul", "ol") else [child]
            parts += [text_of(li) for li in items]
        else:
            parts.append(str(child))
    return "\n".join(p.strip() for p in parts if p.strip())


def parse_codeforces(html: str) -> StdinModel | None:
    """The model of a Codeforces statement, or None when it has no Input specification."""
    root = parse_html(html)
    div = next((e for e in iter_elements(root) if e.name == "div" and "input-specification" in classes(e)), None)
    if div is None:
        return None
    prose = _Prose()
    for s in sentences(_section_text(div)):
        prose.sentence(s)
    prose.constraints()
    legend = "\n".join(text_of(e) for e in root.contents if isinstance(e, Element) and e is not div)
    fill_alphabets(prose.model, legend)
    return prose.model


def fill_alphabets(model: StdinModel, legend: str) -> None:
    """A string whose characters the Input section does not give: the legend often does
    ("a string of uppercase and lowercase Latin letters"); used only when exactly one such phrase exists."""
    missing = [ln.names[0] for ln in model.lines if ln.kind in ("string", "words") and ln.names[0] not in model.alphabet]
    if not missing:
        return
    found = {charset(m.group(1)) for m in re.finditer(r"(?:consist(?:s|ing)? (?:only )?of|string of) ((?:only )?(?:uppercase |lowercase )?"
                                                     r"(?:and (?:uppercase|lowercase) )?(?:latin|english) letters)",
                                                     normalise(legend), re.I)} - {None}
    for name in missing:
        if len(found) == 1:
            model.alphabet[name] = found.pop()  # type: ignore[assignment]
            model.parsed.append(f"characters of {name} from the legend: {model.alphabet[name]!r}")
        else:
            model.unparsed.append(f"{name}: the statement does not say which characters it holds")
