"""LeetCode statement HTML: plain text, examples and constraints.

Statements come from doocs READMEs, LeetCode's GraphQL ``content`` and scraped
pages, all the same HTML dialect.  The HTML is parsed into a small tree with
the stdlib parser (tolerating unclosed and stray tags) so examples are found by
structure — ``<div class="example-block">`` and ``<pre>`` — rather than by
regexes that break on nested markup or entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Union

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_BLOCK = {"p", "div", "ul", "ol", "li", "pre", "table", "thead", "tbody", "tr", "blockquote",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl", "dt", "dd", "section"}
# Zero-width characters LeetCode's editor sprinkles through statements.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_LABELS = {"input": "input", "output": "output", "explanation": "explanation"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Node"] = field(default_factory=list)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


Node = Union[Element, str]


@dataclass
class RawExample:
    """One statement example as text, before any parsing of the values."""

    input_text: str
    output_text: str
    explanation: str = ""


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root")
        self.stack: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A block inside an open <p> closes it, as browsers do; LeetCode's
        # editor sometimes leaves <p> open before a list.
        if tag in _BLOCK and self.stack[-1].tag == "p":
            self.stack.pop()
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(el)
        if tag not in _VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        # Stray end tags are ignored; an end tag closes everything opened after its start.
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def text_of(node: Node) -> str:
    """Concatenated raw text, no formatting."""
    if isinstance(node, str):
        return node
    return "".join(text_of(c) for c in node.children)


class _Renderer:
    """Walks a tree into readable text.  ``labels`` switches output to a new
    section whenever a <strong>/<b> reading "Input:", "Output:" … is met, which
    is how examples are cut into their parts whatever the nesting."""

    def __init__(self, labels: bool = False) -> None:
        self.labels = labels
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

    def walk(self, node: Node) -> None:
        if isinstance(node, str):
            self.emit(node)
            return
        tag = node.tag
        if self.labels and tag in ("strong", "b"):
            label = text_of(node).translate(_INVISIBLE).replace("\xa0", " ").strip().rstrip(":").strip().lower()
            if label in _LABELS:
                self.sections.append((_LABELS[label], []))
                self.pending, self.prefix = 0, ""
                return
        if tag in ("script", "style"):
            return
        if tag == "br":
            self.out.append("\n")
            return
        if tag == "img":
            self.emit(" [image] ")
            return
        if tag in ("ul", "ol"):
            self.lists.append([tag == "ol", 0])
            self.newline(1)
            for c in node.children:
                self.walk(c)
            self.lists.pop()
            self.newline(1 if self.lists else 2)
            return
        if tag == "li":
            depth = max(len(self.lists), 1)
            bullet = "- "
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                bullet = f"{self.lists[-1][1]}. "
            self.newline(1)
            self.prefix = "  " * (depth - 1) + bullet
            for c in node.children:
                self.walk(c)
            self.newline(1)
            return
        if tag == "pre":
            self.newline(2)
            self.pre += 1
            for c in node.children:
                self.walk(c)
            self.pre -= 1
            self.newline(2)
            return
        if tag in ("td", "th"):
            if self.out and not self.pending and not self.out[-1].endswith("\n"):
                self.out[-1] = self.out[-1].rstrip(" ")
                self.emit(" | ", raw=True)
            for c in node.children:
                self.walk(c)
            return
        if tag == "sup":
            self.emit("^", raw=True)
        elif tag == "sub":
            self.emit("_", raw=True)
        gap = 0 if tag in ("thead", "tbody") else 1 if tag in ("tr", "dt", "dd") or self.lists else 2
        if tag in _BLOCK:
            self.newline(gap)
        for c in node.children:
            self.walk(c)
        if tag in _BLOCK:
            self.newline(gap)

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


def _render(nodes: list[Node]) -> str:
    r = _Renderer()
    for n in nodes:
        r.walk(n)
    return r.text()


def html_to_text(html: str) -> str:
    """Readable plain text: paragraphs separated by blank lines, list items as
    ``- ``, ``10<sup>5</sup>`` as ``10^5``, images as ``[image]``."""
    return _render([parse_html(html or "")])


def _has_label(node: Element) -> bool:
    for c in node.children:
        if isinstance(c, Element):
            if c.tag in ("strong", "b") and text_of(c).strip().rstrip(":").strip().lower() == "input":
                return True
            if _has_label(c):
                return True
    return False


def _example_containers(node: Element) -> list[Element]:
    found: list[Element] = []
    for c in node.children:
        if not isinstance(c, Element):
            continue
        if (c.tag == "div" and "example-block" in c.classes()) or (c.tag == "pre" and _has_label(c)):
            found.append(c)
        elif c.tag == "pre" and re.search(r"^\s*Input\s*:", text_of(c), re.M):
            found.append(c)
        else:
            found.extend(_example_containers(c))
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
    for box in _example_containers(parse_html(html or "")):
        r = _Renderer(labels=True)
        if box.tag == "pre":
            r.pre += 1
        for c in box.children:
            r.walk(c)
        parts: dict[str, str] = {}
        for i, (label, _) in enumerate(r.sections):
            if label and label not in parts:
                parts[label] = r.text(i).strip()
        if "input" not in parts and box.tag == "pre":
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
    seen_label = False
    result: list[str] = []

    def visit(node: Element) -> bool:
        nonlocal seen_label
        for c in node.children:
            if not isinstance(c, Element):
                continue
            if not seen_label and c.tag in ("strong", "b", "p", "h3", "h4") and \
                    text_of(c).strip().lower().startswith("constraints"):
                seen_label = True
                continue
            if seen_label and c.tag in ("ul", "ol"):
                for li in c.children:
                    if isinstance(li, Element) and li.tag == "li":
                        line = " ".join(_render(li.children).split())
                        if line:
                            result.append(line)
                return True
            if visit(c):
                return True
        return False

    visit(root)
    return result
