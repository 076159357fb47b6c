"""Pull the submission out of a model's raw output.

Rules (the reasons are outcomes of a run, never exceptions):

1. Reasoning is split off at the LAST ``</think>``; code inside the trace is
   drafts, not the answer. A ``<think>`` that is never closed means the model
   ran out of budget while thinking: ``truncated``.
2. Fenced blocks are parsed line by line with CommonMark's rules (``` or ~~~,
   a closer at least as long as its opener and without an info string), so a
   ``###`` heading cuts nothing (LiveCodeBench's ``stop="###"`` bug) and a
   four-backtick fence can hold a three-backtick string.
3. The LAST block tagged with one of the language's fence names wins; an
   untagged block counts only when there is no such tagged block.
4. An unclosed final block is ``truncated`` when generation hit the token cap;
   otherwise it is used only if it is the only candidate (a model that simply
   forgot the closing fence), because after a nesting mix-up the "unclosed"
   tail is usually prose.
5. Otherwise ``wrong_language`` when some block is tagged with another
   programming language, else ``no_code_block`` (``truncated`` if the output
   was cut at the cap, since the model may still have been on its way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contest_eval.languages import Language, load_language

NO_CODE_BLOCK = "no_code_block"
TRUNCATED = "truncated"
WRONG_LANGUAGE = "wrong_language"
REASONS = (NO_CODE_BLOCK, TRUNCATED, WRONG_LANGUAGE)

THINK_OPEN = "<think>"
THINK_CLOSE = "</think>"

# Tags that label data, not a program: a block tagged like this is neither a
# candidate nor evidence that the model answered in the wrong language.
NON_CODE_TAGS = frozenset(
    {"text", "txt", "plaintext", "plain", "output", "out", "console", "none", "example", "input", "stdin", "stdout"}
)

# Indentation is allowed beyond CommonMark's 3 spaces because models put fences
# inside list items; backtick info strings may not contain backticks, which
# keeps inline ```code``` on one line from opening a block.
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Extraction:
    code: str | None
    reason: str | None
    tag: str | None = None  # the fence tag of the chosen block ("" = untagged)

    @property
    def ok(self) -> bool:
        return self.code is not None


@dataclass(frozen=True)
class Block:
    tag: str  # normalised first word of the info string; "" when untagged
    code: str
    closed: bool


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_reasoning(text: str) -> tuple[str | None, str, bool]:
    """``(reasoning, answer, truncated)`` split at the last ``</think>``.

    Splitting on the closing tag alone also handles chat templates that put
    ``<think>`` into the prompt, so the output holds only the closing tag.
    """
    reasoning, sep, answer = text.rpartition(THINK_CLOSE)
    if sep:
        return reasoning, answer, False
    if THINK_OPEN in text:
        return text, "", True
    return None, text, False


def _tag(info: str) -> str:
    # "```python3 title=sol.py", "```{.cpp}", "```py:solution.py" -> first word.
    word = info.strip().split(maxsplit=1)[0] if info.strip() else ""
    word = word.strip("{}.").split(":", 1)[0].split(",", 1)[0]
    return word.lower()


def _dedent(lines: list[str], indent: str) -> list[str]:
    """Remove the fence's own indentation (a fence inside a list item)."""
    if not indent:
        return lines
    out = []
    for line in lines:
        if line.startswith(indent):
            out.append(line[len(indent):])
        else:
            out.append("" if not line.strip() else line)
    return out


def parse_blocks(text: str) -> list[Block]:
    """All fenced blocks of ``text`` in order; the last may be unclosed."""
    blocks: list[Block] = []
    lines = normalise_newlines(text).split("\n")
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m or (m["fence"][0] == "`" and "`" in m["info"]):
            i += 1
            continue
        fence, indent, info = m["fence"], m["indent"], m["info"]
        body: list[str] = []
        j = i + 1
        closed = False
        while j < len(lines):
            c = _FENCE.match(lines[j])
            if c and c["fence"][0] == fence[0] and len(c["fence"]) >= len(fence) and not c["info"].strip():
                closed = True
                break
            body.append(lines[j])
            j += 1
        code = "\n".join(_dedent(body, indent)).rstrip()
        blocks.append(Block(tag=_tag(info), code=code + "\n" if code.strip() else "", closed=closed))
        i = j + 1
    return blocks


def fence_names(language: str | Language) -> frozenset[str]:
    lang = load_language(language) if isinstance(language, str) else language
    return frozenset(name.lower() for name in (*lang.fence, lang.name))


def extract_code(text: str, language: str | Language, finish_reason: str | None = None) -> Extraction:
    """The submission for ``language`` in ``text``, or why there is none."""
    names = fence_names(language)
    cut = finish_reason == "length"
    _, answer, thinking_truncated = split_reasoning(normalise_newlines(text))
    if thinking_truncated:
        return Extraction(None, TRUNCATED)

    blocks = all_blocks = parse_blocks(answer)
    if blocks and not blocks[-1].closed:
        tail = blocks[-1]
        if cut:
            return Extraction(None, TRUNCATED)
        closed_candidates = [b for b in blocks[:-1] if b.code and (b.tag in names or b.tag == "")]
        if not closed_candidates and tail.code and (tail.tag in names or tail.tag == ""):
            return Extraction(tail.code, None, tail.tag)
        blocks = blocks[:-1]

    usable = [b for b in blocks if b.code]
    for wanted in (lambda b: b.tag in names, lambda b: b.tag == ""):
        chosen = [b for b in usable if wanted(b)]
        if chosen:
            return Extraction(chosen[-1].code, None, chosen[-1].tag)
    if any(b.code and b.tag and b.tag not in NON_CODE_TAGS for b in all_blocks):
        return Extraction(None, WRONG_LANGUAGE)
    return Extraction(None, TRUNCATED if cut else NO_CODE_BLOCK)
