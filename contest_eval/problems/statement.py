"""LeetCode statement HTML: plain text, examples and constraints.

Statements come from doocs READMEs, LeetCode's GraphQL ``content`` and scraped
pages, all the same HTML dialect.  The HTML is parsed by Beautiful Soup over
lxml (libxml2 closes unclosed tags, drops stray end tags and closes an open
``<p>`` before a block, as browsers do) so examples are found by structure —
``<div class="example-block">`` and ``<pre>`` — rather than by regexes that
break on nested markup or entities.  Every walk over the tree here uses an
explicit stack: a hostile page nested 100,000 deep must not exhaust Python's
recursion limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Union

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from bs4.element import PreformattedString

_BLOCK = {"p", "div", "ul", "ol", "li", "pre", "table", "thead", "tbody", "tr", "blockquote",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl", "dt", "dd", "section"}
# Zero-width characters LeetCode's editor sprinkles through statements.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_LABELS = {"input": "input", "output": "output", "explanation": "explanation"}

# The parsed tree is Beautiful Soup's; these names keep the scrapers' vocabulary.
Element = Tag
Node = Union[Tag, NavigableString]


@dataclass
class RawExample:
    """One statement example as text, before any parsing of the values."""

    input_text: str
    output_text: str
    explanation: str = ""


def parse_html(html: str) -> BeautifulSoup:
    return BeautifulSoup(html or "", "lxml")


def is_text(node: PageElement) -> bool:
    """Document text, as opposed to a tag, comment, doctype or CDATA section."""
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def classes(node: Tag) -> set[str]:
    value = node.get("class")
    if value is None:
        return set()
    return set(value.split() if isinstance(value, str) else value)


def children(node: Tag) -> list[Tag]:
    """The element children of ``node`` (no text)."""
    return [c for c in node.contents if isinstance(c, Tag)]


def iter_elements(node: Tag) -> Iterator[Tag]:
    """Every element below ``node`` in document order (Beautiful Soup's own
    descendant walk is iterative)."""
    for d in node.descendants:
        if isinstance(d, Tag):
            yield d


def text_of(node: PageElement) -> str:
    """Concatenated raw text, no formatting."""
    if not isinstance(node, Tag):
        return str(node) if is_text(node) else ""
    return "".join(str(d) for d in node.descendants if is_text(d))


class TextHeads:
    """The start of every element's text, computed bottom-up in one pass.

    Label checks ("Input:", "Constraints", "Sample Input 1") look at an
    element's text; calling :func:`text_of` on each of n nested elements costs
    n²/2 steps, minutes for a hostile page, while the first ``size``
    characters of every element cost O(n · size) in total.
    """

    def __init__(self, root: Tag, size: int = 128) -> None:
        self.size = size
        self._raw: dict[int, str] = {}  # text_of(el)[:size]
        self._lead: dict[int, str] = {}  # text_of(el).lstrip()[:size]
        self._input_label: dict[int, bool] = {}  # a <strong>/<b> "Input:" somewhere below
        self._has_pre: dict[int, bool] = {}
        stack: list[tuple[Tag, bool]] = [(root, False)]
        while stack:
            node, ready = stack.pop()
            if ready:
                self._summarise(node)
            else:
                stack.append((node, True))
                stack.extend((c, False) for c in children(node))

    def _summarise(self, node: Tag) -> None:
        raw, lead, label, pre = "", "", False, False
        for c in node.contents:
            if isinstance(c, Tag):
                c_raw, c_lead = self._raw[id(c)], self._lead[id(c)]
                label = label or self._input_label[id(c)] or (c.name in ("strong", "b") and self.label(c) == "input")
                pre = pre or c.name == "pre" or self._has_pre[id(c)]
            elif is_text(c):
                c_raw, c_lead = c[:self.size], c.lstrip()[:self.size]
            else:
                continue
            if len(raw) < self.size:
                raw += c_raw
            if len(lead) < self.size:
                lead += c_raw if lead else c_lead
        key = id(node)
        self._raw[key], self._lead[key] = raw[:self.size], lead[:self.size]
        self._input_label[key], self._has_pre[key] = label, pre

    def lead(self, node: Tag) -> str:
        """The element's text without leading whitespace, cut at ``size``."""
        return self._lead[id(node)]

    def whole(self, node: Tag) -> str | None:
        """The element's whole text without leading whitespace, or None when
        it is ``size`` characters or longer (too long to be a heading or a label)."""
        text = self._lead[id(node)]
        return text if len(text) < self.size else None

    def label(self, node: Tag) -> str:
        """The element's text as a label ("input" for "Input:&nbsp;"), or ""."""
        text = self.whole(node) or ""
        return text.translate(_INVISIBLE).replace("\xa0", " ").strip().rstrip(":").strip().lower()

    def has_input_label(self, node: Tag) -> bool:
        return self._input_label[id(node)]

    def has_pre(self, node: Tag) -> bool:
        return self._has_pre[id(node)]


class _Renderer:
    """Walks a tree into readable text.  ``labels`` switches output to a new
    section whenever a <strong>/<b> reading "Input:", "Output:" … is met, which
    is how examples are cut into their parts whatever the nesting."""

    def __init__(self, heads: TextHeads | None = None) -> None:
        self.heads = heads  # given: label mode
        self.labels = heads is not None
        self.sections: list[tuple[str, list[str]]] = [("", [])]
        self.pending = 0  # newlines owed before the next text
        self.prefix = ""  # list bullet owed before the next text
        self.pre = 0
        self.lists: list[list[int]] = []  # per open list: [ordered?, counter]

    @property
    def out(self) -> list[str]:
        return self.sections[-1][1]

    def newline(self, n: int) -> None:
        self.pending = max(self.pending, n)

    def emit(self, text: str, raw: bool = False) -> None:
        text = text.translate(_INVISIBLE).replace("\xa0", " ")
        if not self.pre and not raw:
            text = re.sub(r"\s+", " ", text)
            at_start = not self.out or self.pending or self.out[-1].endswith(("\n", " "))
            if at_start:
                text = text.lstrip(" ")
        if not text:
            return
        if self.out and self.pending:
            self.out.append("\n" * self.pending)
        self.pending = 0
        if self.prefix:
            self.out.append(self.prefix)
            self.prefix = ""
        self.out.append(text)

    def walk(self, node: PageElement) -> None:
        # Depth-first with an explicit stack: (node, False) enters a node,
        # (tag, True) leaves a tag whose children have all been walked.
        stack: list[tuple[PageElement, bool]] = [(node, False)]
        while stack:
            item, leaving = stack.pop()
            if not isinstance(item, Tag):
                if is_text(item):
                    self.emit(str(item))
            elif leaving:
                self._leave(item)
            elif self._enter(item):
                stack.append((item, True))
                stack.extend((c, False) for c in reversed(item.contents))

    def _gap(self, tag: str) -> int:
        return 0 if tag in ("thead", "tbody") else 1 if tag in ("tr", "dt", "dd") or self.lists else 2

    def _enter(self, node: Tag) -> bool:
        """Output owed before a tag's children; False when they are not walked."""
        tag = node.name
        if self.heads is not None and tag in ("strong", "b"):
            label = self.heads.label(node)
            if label in _LABELS:
                self.sections.append((_LABELS[label], []))
                self.pending, self.prefix = 0, ""
                return False
        if tag in ("script", "style"):
            return False
        if tag == "br":
            self.out.append("\n")
            return False
        if tag == "img":
            self.emit(" [image] ")
            return False
        if tag in ("ul", "ol"):
            self.lists.append([tag == "ol", 0])
            self.newline(1)
        elif tag == "li":
            depth = max(len(self.lists), 1)
            bullet = "- "
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                bullet = f"{self.lists[-1][1]}. "
            self.newline(1)
            self.prefix = "  " * (depth - 1) + bullet
        elif tag == "pre":
            self.newline(2)
            self.pre += 1
        elif tag in ("td", "th"):
            if self.out and not self.pending and not self.out[-1].endswith("\n"):
                self.out[-1] = self.out[-1].rstrip(" ")
                self.emit(" | ", raw=True)
        else:
            if tag == "sup":
                self.emit("^", raw=True)
            elif tag == "sub":
                self.emit("_", raw=True)
            if tag in _BLOCK:
                self.newline(self._gap(tag))
        return True

    def _leave(self, node: Tag) -> None:
        tag = node.name
        if tag in ("ul", "ol"):
            self.lists.pop()
            self.newline(1 if self.lists else 2)
        elif tag == "li":
            self.newline(1)
        elif tag == "pre":
            self.pre -= 1
            self.newline(2)
        elif tag in _BLOCK and tag not in ("td", "th"):
            self.newline(self._gap(tag))

    def text(self, section: int = -1) -> str:
        return _tidy("".join(self.sections[section][1]))


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue  # at most one blank line in a row
        out.append(line)
    return "\n".join(out).strip("\n")


def _render(nodes: Iterable[PageElement]) -> str:
    r = _Renderer()
    for n in nodes:
        r.walk(n)
    return r.text()


def html_to_text(html: str) -> str:
    """Readable plain text: paragraphs separated by blank lines, list items as
    ``- ``, ``10<sup>5</sup>`` as ``10^5``, images as ``[image]``."""
    return _render([parse_html(html or "")])


def _is_example(node: Tag, heads: TextHeads) -> bool:
    if node.name == "div":
        return "example-block" in classes(node)
    if node.name != "pre":
        return False
    # Plain-text labels are looked for in the innermost <pre> only: reading the
    # text of each of n nested <pre> would cost n² steps.
    return heads.has_input_label(node) or (
        not heads.has_pre(node) and re.search(r"^\s*Input\s*:", text_of(node), re.M) is not None)


def _example_containers(root: Tag, heads: TextHeads) -> list[Tag]:
    """The outermost example boxes in document order (an example is never
    searched for inside another)."""
    found: list[Tag] = []
    stack = children(root)[::-1]
    while stack:
        node = stack.pop()
        if _is_example(node, heads):
            found.append(node)
        else:
            stack.extend(children(node)[::-1])
    return found


def _split_plain(text: str) -> dict[str, str]:
    # Some old statements write the labels as plain text inside <pre>.
    parts: dict[str, str] = {}
    pieces = re.split(r"^\s*(Input|Output|Explanation)\s*:", text, flags=re.M | re.I)
    for label, body in zip(pieces[1::2], pieces[2::2]):
        parts.setdefault(label.lower(), body.strip())
    return parts


def extract_examples(html: str) -> list[RawExample]:
    """Examples in document order; containers lacking an input or an output
    are skipped (they are illustrations, not examples)."""
    out: list[RawExample] = []
    root = parse_html(html or "")
    heads = TextHeads(root)
    for box in _example_containers(root, heads):
        r = _Renderer(heads)
        if box.name == "pre":
            r.pre += 1
        for c in box.contents:
            r.walk(c)
        parts: dict[str, str] = {}
        for i, (label, _) in enumerate(r.sections):
            if label and label not in parts:
                parts[label] = r.text(i).strip()
        if "input" not in parts and box.name == "pre":
            parts = _split_plain(text_of(box).translate(_INVISIBLE))
        if "input" in parts and "output" in parts:
            # A value is one paragraph; an image or note after it (before the
            # "Explanation:" label) belongs to the explanation.
            extra = []
            for label in ("input", "output"):
                value, _, rest = parts[label].partition("\n\n")
                parts[label] = value.strip()
                if rest.strip():
                    extra.append(rest.strip())
            explanation = "\n\n".join(extra + [parts.get("explanation", "")]).strip()
            out.append(RawExample(parts["input"], parts["output"], explanation))
    return out


def extract_constraints(html: str) -> list[str]:
    """The items of the first list after a "Constraints" label, one line each."""
    root = parse_html(html or "")
    heads = TextHeads(root)
    stack = children(root)[::-1]
    seen_label = False
    while stack:
        node = stack.pop()
        if not seen_label and node.name in ("strong", "b", "p", "h3", "h4") and \
                heads.lead(node).lower().startswith("constraints"):
            seen_label = True
            continue  # the list follows the label; it is not inside it
        if seen_label and node.name in ("ul", "ol"):
            items = (" ".join(_render(li.contents).split()) for li in children(node) if li.name == "li")
            return [line for line in items if line]
        stack.extend(children(node)[::-1])
    return []
