"""The one prompt every model gets.

One template for every model, with no per-model styles: LiveCodeBench's
per-model prompt branches are the main source of irreproducible numbers.
The model's own chat template is applied by the backend (``llm.chat``,
llama.cpp's chat completion, the server), so this module only builds plain
``{"role", "content"}`` messages.

The answer format is asked for exactly once, and the prompt contains no
``###`` markers that a stop string could be tempted to use.
"""

from __future__ import annotations

import hashlib
import string
from typing import Any

from contest_eval.languages import Language, load_language

TEMPLATE_VERSION = "1"

SYSTEM_TEMPLATE = (
    "You are an expert competitive programmer. You read a programming problem carefully, "
    "reason about an efficient algorithm that handles every constraint, and write a correct, "
    "complete solution in $language."
)

USER_TEMPLATE = "Solve the following problem in $language.\n\n$statement\n\n$format\n\n$instruction"

# Exactly one of these goes into $format.
FORMAT_STARTER = (
    "Complete this starter code. Keep its class and method names and signatures exactly as given; "
    "the judge calls them directly:\n\n$fence_open\n$starter\n$fence_close"
)
FORMAT_SIGNATURE = "The judge calls your solution through this signature, so define it exactly:\n\n$signature"
FORMAT_STDIN = (
    "Write a complete program: it reads the input from standard input and writes the answer "
    "to standard output, exactly in the format the statement describes."
)
FORMAT_SIGNATURE_EXTRA = "\n\nSignature the judge uses: $signature"

INSTRUCTION = (
    "Answer with a single fenced code block that starts with $fence_open and contains your "
    "complete $language solution."
)

_TEMPLATES = (
    TEMPLATE_VERSION,
    SYSTEM_TEMPLATE,
    USER_TEMPLATE,
    FORMAT_STARTER,
    FORMAT_SIGNATURE,
    FORMAT_STDIN,
    FORMAT_SIGNATURE_EXTRA,
    INSTRUCTION,
)


def template_hash() -> str:
    """sha256 of every template string, stored with a run so a prompt change is visible."""
    h = hashlib.sha256()
    for part in _TEMPLATES:
        # Length-prefixed so moving text between two templates changes the hash.
        data = part.encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def fence_tag(language: Language) -> str:
    """The tag to show the model: the first fence name, the one models use most."""
    return language.fence[0] if language.fence else language.name


def _fence_for(body: str) -> tuple[str, str]:
    """Backticks longer than any run inside ``body`` so the block cannot close early."""
    longest = run = 0
    for ch in body:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    ticks = "`" * max(3, longest + 1)
    return ticks, ticks


def _sub(template: str, **values: str) -> str:
    # string.Template leaves braces alone: statements and code are full of them.
    return string.Template(template).substitute(**values)


def format_section(
    language: Language, starter_code: str | None, signature_hint: str | None
) -> str:
    # Trailing whitespace only (LeetCode starters end in an indented blank line);
    # leading indentation of the first line is meaningful and kept.
    starter = (starter_code or "").lstrip("\n").rstrip()
    hint = (signature_hint or "").strip()
    if starter.strip():
        ticks, close = _fence_for(starter)
        text = _sub(FORMAT_STARTER, fence_open=ticks + fence_tag(language), starter=starter, fence_close=close)
        if hint:
            text += _sub(FORMAT_SIGNATURE_EXTRA, signature=hint)
        return text
    if hint:
        return _sub(FORMAT_SIGNATURE, signature=hint)
    return FORMAT_STDIN


def build_messages(
    statement_text: str,
    language: str | Language,
    starter_code: str | None = None,
    signature_hint: str | None = None,
) -> list[dict[str, Any]]:
    """System + user messages for one problem in one target language.

    ``starter_code`` (a function/design problem) wins over ``signature_hint``;
    with neither the problem is a stdin/stdout program.
    """
    lang = load_language(language) if isinstance(language, str) else language
    statement = statement_text.replace("\r\n", "\n").strip()
    if not statement:
        raise ValueError("empty statement")
    display = lang.display.split(" (", 1)[0]  # "Python 3 (CPython, ...)" -> "Python 3"
    user = _sub(
        USER_TEMPLATE,
        language=display,
        statement=statement,
        format=format_section(lang, starter_code, signature_hint),
        instruction=_sub(INSTRUCTION, fence_open="```" + fence_tag(lang), language=display),
    )
    return [
        {"role": "system", "content": _sub(SYSTEM_TEMPLATE, language=display)},
        {"role": "user", "content": user},
    ]
