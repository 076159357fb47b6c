"""Host-side checkers: the submission's output against the expected output.

Pure functions over text; nothing here ever runs inside a sandbox or calls
anything a submission defined.  Values are compared structurally after
``json.loads`` (function and design problems) or token by token (stdin).
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal, InvalidOperation
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_FLOAT_TOL = 1e-5
_FLOAT_RE = re.compile(r"^float(?:\((.*)\))?$")


class CompareError(ValueError):
    """An unknown or malformed comparison policy."""


@dataclass(frozen=True)
class Policy:
    name: str  # exact | unordered | unordered_nested | unordered_inner | float | tokens | tokens_nocase | custom
    abs_tol: float = DEFAULT_FLOAT_TOL
    rel_tol: float = DEFAULT_FLOAT_TOL
    checker: str | None = None


@dataclass(frozen=True)
class Check:
    ok: bool
    message: str = ""


def parse_policy(text: str) -> Policy:
    if not isinstance(text, str):
        raise CompareError(f"compare must be a string, got {text!r}")
    if text in ("exact", "unordered", "unordered_nested", "unordered_inner", "tokens", "tokens_nocase"):
        return Policy(text)
    if text.startswith("custom:") and len(text) > 7:
        return Policy("custom", checker=text[7:])
    m = _FLOAT_RE.match(text)
    if m:
        abs_tol = rel_tol = DEFAULT_FLOAT_TOL
        for part in filter(None, (p.strip() for p in (m.group(1) or "").split(","))):
            key, _, value = part.partition("=")
            try:
                tol = float(value)
            except ValueError:
                raise CompareError(f"bad tolerance in compare policy {text!r}") from None
            if not (0 <= tol < 1) or key.strip() not in ("abs", "rel"):
                raise CompareError(f"bad tolerance in compare policy {text!r}")
            if key.strip() == "abs":
                abs_tol = tol
            else:
                rel_tol = tol
        return Policy("float", abs_tol, rel_tol)
    raise CompareError(f"unknown compare policy {text!r} (exact, unordered, unordered_nested, unordered_inner, float(abs=…,rel=…), tokens, tokens_nocase, custom:PATH)")


class Int(str):
    """A JSON integer kept as its digits: exact at any size (no 4,300-digit limit, no float rounding)."""

    def __float__(self) -> float:
        try:
            return float(Decimal(self))
        except (InvalidOperation, OverflowError):
            return math.inf if not self.startswith("-") else -math.inf

    def normal(self) -> str:
        return "0" if self == "-0" else str(self)


def _int(text: str) -> Int:
    return Int(text)


def _close(a: float, b: float, policy: Policy) -> bool:
    if math.isnan(a) or math.isnan(b) or math.isinf(a) != math.isinf(b):
        return False
    return abs(a - b) <= policy.abs_tol or abs(a - b) <= policy.rel_tol * abs(b)


def same(expected: Any, actual: Any, policy: Policy) -> bool:
    """Structural equality; bools are never numbers, floats compare per policy."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, (Int, float)) and isinstance(actual, (Int, float)):
        if policy.name == "float":
            return _close(float(actual), float(expected), policy)
        if isinstance(expected, Int) and isinstance(actual, Int):
            return expected.normal() == actual.normal()
        # Exact means exact: an integer and a float are equal only when the float
        # is integral and its exact binary value is that integer (so 3.0 == 3,
        # but 9007199254740992.0 != 9007199254740993, which float() would merge).
        whole, other = (expected, actual) if isinstance(expected, Int) else (actual, expected)
        return math.isfinite(other) and Decimal(other) == Decimal(whole)
        return float(expected) == float(actual)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(same(e, a, policy) for e, a in zip(expected, actual))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(same(v, actual[k], policy) for k, v in expected.items())
    if isinstance(expected, Int) or isinstance(actual, Int):
        return False
    return type(expected) is type(actual) and expected == actual


def _canon(value: Any, nested: bool) -> Any:
    """A sortable canonical form for order-insensitive comparison."""
    if isinstance(value, list):
        items = [_canon(v, nested) for v in value] if nested else value
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def _parse(text: str) -> tuple[bool, Any]:
    try:
        return True, json.loads(text, parse_int=_int)
    except (json.JSONDecodeError, RecursionError, TypeError, ValueError):
        return False, None


def _depth(text: str) -> int:
    deepest = level = 0
    for char in re.sub(r'"(?:[^"\\]|\\.)*"', '""', text):
        if char in "[{":
            level += 1
            deepest = max(deepest, level)
        elif char in "]}":
            level -= 1
    return deepest


# The expected output is ours; the actual one is the submission's. Work is bounded
# by the expected answer's size and depth, so no output can make the host compare for long.
SIZE_SLACK = 4096


def check_value(expected_text: str, actual_text: str, policy: Policy) -> Check:
    try:
        return _check_value(expected_text, actual_text, policy)
    except (RecursionError, ValueError, OverflowError, MemoryError) as exc:
        # Checkers are total: whatever the bytes, a verdict, never a crash of the judge.
        return Check(False, f"output cannot be compared ({type(exc).__name__})")


def _check_value(expected_text: str, actual_text: str, policy: Policy) -> Check:
    if len(actual_text) > 4 * len(expected_text) + SIZE_SLACK:
        return Check(False, "output is far larger than the expected answer")
    if _depth(actual_text) > _depth(expected_text):
        return Check(False, "output is nested deeper than the expected answer")
    ok_e, expected = _parse(expected_text)
    if not ok_e:
        return Check(False, "expected output is not JSON (bad test)")
    ok_a, actual = _parse(actual_text)
    if not ok_a:
        return Check(False, "output is not a JSON value")
    if policy.name in ("unordered", "unordered_nested"):
        if not isinstance(expected, list) or not isinstance(actual, list):
            return Check(same(expected, actual, policy), "" if same(expected, actual, policy) else "values differ")
        nested = policy.name == "unordered_nested"
        expected, actual = _canon(expected, nested), _canon(actual, nested)
    if policy.name == "unordered_inner" and isinstance(expected, list) and isinstance(actual, list):
        # The outer order is the answer's ("answer[0] is …, answer[1] is …"); each inner list is a multiset.
        expected, actual = [_canon(v, False) for v in expected], [_canon(v, False) for v in actual]
    if same(expected, actual, policy):
        return Check(True)
    return Check(False, "values differ")


def _num(token: str) -> float | None:
    try:
        v = float(token)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


_ASCII_WS = re.compile(r"[ \t\n\r\f\v]+")


def check_tokens(expected_text: str, actual_text: str, policy: Policy) -> Check:
    # Only ASCII whitespace separates tokens, as in testlib (Codeforces) checkers:
    # U+3000 and friends are part of a token, not a separator.
    exp, act = _ASCII_WS.split(expected_text.strip(" \t\n\r\f\v")), _ASCII_WS.split(actual_text.strip(" \t\n\r\f\v"))
    exp, act = [t for t in exp if t], [t for t in act if t]
    if len(exp) != len(act):
        return Check(False, f"expected {len(exp)} tokens, got {len(act)}")
    for i, (e, a) in enumerate(zip(exp, act)):
        if e == a:
            continue
        # "Output YES or NO in any case": a word of ASCII letters matches in any letter case;
        # numbers and every other token stay exact.
        if policy.name == "tokens_nocase" and e.isascii() and e.isalpha() and e.lower() == a.lower():
            continue
        if policy.name == "float":
            ev, av = _num(e), _num(a)
            if ev is not None and av is not None and _close(av, ev, policy):
                continue
        return Check(False, f"token {i + 1} differs")
    return Check(True)


def run_custom(checker: Path, test_input: str, expected: str, actual: str, timeout_s: float = 10.0) -> Check:
    """Run a trusted checker (``checker INPUT EXPECTED ACTUAL``; exit 0 = accept)
    in its own process on the host, never in the submission's container."""
    with tempfile.TemporaryDirectory(prefix="ce-check-") as tmp:
        paths = []
        for name, content in (("input", test_input), ("expected", expected), ("actual", actual)):
            p = Path(tmp) / name
            p.write_text(content, encoding="utf-8", errors="surrogateescape")
            paths.append(str(p))
        cmd = [sys.executable, str(checker), *paths] if checker.suffix == ".py" else [str(checker), *paths]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired:
            return Check(False, "checker timed out")
        except OSError as exc:
            return Check(False, f"checker failed to start: {exc}")
    message = proc.stderr.decode("utf-8", "replace").strip()[:200]
    return Check(proc.returncode == 0, message)


def check(policy: Policy, kind: str, expected: str, actual: str, test_input: str = "", base_dir: Path | None = None) -> Check:
    if policy.name == "custom":
        path = Path(policy.checker or "")
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        return run_custom(path, test_input, expected, actual)
    if kind == "stdin" or policy.name in ("tokens", "tokens_nocase"):
        return check_tokens(expected, actual, policy)
    return check_value(expected, actual, policy)
