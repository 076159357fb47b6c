"""Constraint sentences (not inequalities) → properties of the model.

Only phrasings whose meaning is unambiguous are recognised; for each, the
whole sentence must be accounted for (an alphabet description with a word we
do not know is rejected, not half-read).
"""

from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING, Any

from contest_eval.suite.draft import expr

if TYPE_CHECKING:
    from contest_eval.suite.draft.constraints import _Parser

_NAME = r"[A-Za-z_][A-Za-z0-9]*"
_SUBJECT = rf"({_NAME})(\[[a-z]\])?"
# Alphabet phrases, longest first; what remains after removing them and the
# glue words must be empty.
_CLASSES = [
    (r"lower[- ]?case and upper[- ]?case english letters", string.ascii_lowercase + string.ascii_uppercase),
    (r"upper[- ]?case and lower[- ]?case english letters", string.ascii_lowercase + string.ascii_uppercase),
    (r"lower[- ]?case english letters", string.ascii_lowercase),
    (r"upper[- ]?case english letters", string.ascii_uppercase),
    (r"english letters", string.ascii_lowercase + string.ascii_uppercase),
    (r"digits", string.digits),
    (r"spaces", " "),
]
_GLUE = {"only", "of", "and", "or", "the", "characters", "special", "from", "set", "letters", "a", "characters:"}


def alphabet(text: str) -> str | None:
    """The characters an alphabet description allows, or None if any word is unknown."""
    chars = ""
    rest = text.strip().rstrip(".")
    for quoted in re.findall(r"'([^']+)'|\"([^\"]+)\"", rest):
        chars += quoted[0] or quoted[1]
    rest = re.sub(r"'[^']+'|\"[^\"]+\"", " ", rest)
    low = rest.lower()
    for pattern, cls in _CLASSES:
        if re.search(pattern, low):
            chars += cls
            low = re.sub(pattern, " ", low)
    words = [w for w in re.split(r"[\s,]+", low) if w]
    if any(w not in _GLUE for w in words) or not chars:
        return None
    return "".join(sorted(set(chars)))


def _values(text: str) -> list[Any] | None:
    """``"0", "1", or "W"`` / ``0 or 1`` → the listed values, or None."""
    items = [x for x in re.split(r"\s*(?:,|\bor\b|\beither\b)\s*", text.strip().rstrip(".")) if x.strip()]
    out: list[Any] = []
    for item in items:
        item = item.strip()
        if m := re.fullmatch(r"'([^']*)'|\"([^\"]*)\"", item):
            out.append(m.group(1) if m.group(1) is not None else m.group(2))
        elif re.fullmatch(r"-?\d+", item):
            out.append(int(item))
        else:
            return None
    return out or None


def parse_sentence(p: "_Parser", line: str) -> str | None:
    m = p.model
    text = line.strip()
    low = text.lower().rstrip(".")
    # "s consists (only) of …" / "chunks[i] consists of …"
    if g := re.match(rf"^{_SUBJECT} consists (?:only )?of (.+)$", text):
        name, indexed, what = g.group(1), g.group(2), g.group(3)
        typ = p.types.get(name)
        if typ is None:
            return f"{name} is not a parameter"
        if re.match(r"^(?:only )?distinct (?:integers|values|numbers)\.?$", what.strip()):
            m.props.setdefault(name, []).append("distinct")
            return None
        chars = alphabet(what)
        if chars is None:
            return "alphabet not understood"
        key = f"el_{name}" if typ == "string[]" and indexed else name
        m.alphabet[key] = chars
        return None
    # "x[i] is a valid word: it does not start or end with '-', and it does not contain two consecutive hyphens."
    if g := re.match(rf"^{_SUBJECT} is a valid \w+: (.+)$", text):
        rules = []
        rest = g.group(3)
        if r := re.search(r"does not start or end with '(.)'", rest):
            rules.append(f"edge:{r.group(1)}")
            rest = rest.replace(r.group(0), "")
        if r := re.search(r"does not contain two consecutive (?:'(.)'|hyphens|spaces)", rest):
            rules.append(f"double:{r.group(1) or ('-' if 'hyphens' in r.group(0) else ' ')}")
            rest = rest.replace(r.group(0), "")
        if not rules or re.sub(r"[\s,.]|\band\b|\bit\b", "", rest):
            return "word rule not understood"
        m.words[f"el_{g.group(1)}" if p.types.get(g.group(1)) == "string[]" else g.group(1)] = rules
        return None
    # "nums[i] is 0 or 1." / "s[i] is either '0' or '1'." / "events[i] is one of "0", "1", …"
    if g := re.match(rf"^{_SUBJECT} is (?:either |one of )?(.+)$", text):
        name, indexed, what = g.group(1), g.group(2), g.group(3)
        typ = p.types.get(name)
        if typ is None:
            return f"{name} is not a parameter"
        if indexed:
            values = _values(what)
            if values is not None:
                if typ == "string":
                    if not all(isinstance(v, str) and len(v) == 1 for v in values):
                        return "characters expected"
                    m.alphabet[name] = "".join(sorted(set(values)))
                else:
                    m.choices[f"el_{name}"] = values
                return None
        return _property(p, name, what)
    if g := re.match(rf"^({_NAME}) (?:describes|represents) a valid (?:rooted )?tree$", low):
        return _add(p, g.group(1), "tree")
    if g := re.match(rf"^the total length of all strings in ({_NAME}) does not exceed (.+)$", low):
        name = next((n for n in p.types if n.lower() == g.group(1)), None)
        if name is None:
            return f"{g.group(1)} is not a parameter"
        try:
            m.totals[name] = p.expression(text[text.lower().index("exceed") + 6:].strip().rstrip("."))
        except expr.ExprError as exc:
            return str(exc)
        return None
    if re.search(r"\b(distinct|unique|no duplicates|no repeated|no duplicate)\b", low):
        return _distinct(p, text)
    return "sentence not understood"


def _property(p: "_Parser", name: str, what: str) -> str | None:
    w = what.lower().strip().rstrip(".")
    table = {"sorted in non-decreasing order": "sorted", "sorted in ascending order": "sorted", "sorted": "sorted",
             "non-decreasing": "sorted", "sorted in non-increasing order": "sorted_desc", "non-increasing": "sorted_desc",
             "strictly increasing": "increasing", "sorted in strictly increasing order": "increasing",
             "strictly decreasing": "decreasing", "a bitonic array": "bitonic", "bitonic": "bitonic"}
    if w in table:
        return _add(p, name, table[w])
    if g := re.match(r"^a permutation of (?:the )?integers (?:from|in the range) \[?(.+?)(?:,| to) (.+?)\]?(?: inclusive)?$", w):
        try:
            p.model.permutation[name] = [p.expression(g.group(1)), p.expression(g.group(2))]
        except expr.ExprError as exc:
            return str(exc)
        return _add(p, name, "permutation")
    return "property not understood"


def _add(p: "_Parser", name: str, prop: str) -> str | None:
    if name not in p.types:
        return f"{name} is not a parameter"
    p.model.props.setdefault(name, []).append(prop)
    return None


def _distinct(p: "_Parser", text: str) -> str | None:
    """Distinctness of a parameter named in the sentence, or of "edges" (the one tuple parameter)."""
    named = [n for n in p.types if re.search(rf"\b{re.escape(n)}\b", text)]
    if len(named) == 1:
        edgy = "edge" in text.lower() and p.types[named[0]].endswith("[][]")
        return _add(p, named[0], "distinct_edges" if edgy else "distinct")
    if not named and "edge" in text.lower():
        tuples = [n for n in p.model.width if p.types.get(n, "").endswith("[][]")]
        if len(tuples) == 1:
            return _add(p, tuples[0], "distinct_edges")
    if not named:
        # "The initial set of points contains no duplicates": a parameter named by its plural noun.
        words = set(re.findall(r"[a-z]+", text.lower()))
        nouns = [n for n in p.types if n.lower() in words]
        if len(nouns) == 1:
            return _add(p, nouns[0], "distinct")
    return "which values are distinct is not clear"
