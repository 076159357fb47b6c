"""LiveCodeBench code-generation jsonl (``livecodebench/code_generation[_lite]``).

Fields (see research/anchors_eval.md §2.1): ``question_title``,
``question_content``, ``platform``, ``question_id``, ``contest_id``,
``contest_date``, ``starter_code``, ``difficulty``, ``public_test_cases`` (JSON
string), ``private_test_cases`` (JSON string, or base64 → zlib → pickle → JSON
string), ``metadata`` (JSON string; ``func_name`` marks a LeetCode function
problem).

The private tests are a pickle from the internet, so they are decoded only by
:func:`safepickle.loads_restricted`, after a capped decompression: a refused
or oversized pickle rejects that line and nothing else.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from pathlib import Path
from typing import Any, Iterator

from contest_eval.problems._jsonl import (
    FunctionSig, RecordError, canonical_json, field_str, function_signature, jsonable, normalise, parse_file, utc_from_iso,
)
from contest_eval.problems.answers import comparison_for, comparison_for_stdin
from contest_eval.problems.literals import LiteralError, parse_value, to_wire
from contest_eval.problems.record import Example, ImportedTest, Parsed, ProblemRecord
from contest_eval.problems.safepickle import UnsafePickleError, loads_restricted

SOURCE = "livecodebench"
PLATFORMS = ("leetcode", "atcoder", "codeforces")
MAX_DECOMPRESSED_BYTES = 1024 * 1024 * 1024


def decode_private_tests(raw: Any, max_bytes: int = MAX_DECOMPRESSED_BYTES) -> list[Any]:
    """Private tests as a list: plain JSON first (as LCB's loader does), then base64 → zlib → pickle → JSON."""
    if raw is None or raw == "":
        return []
    if isinstance(raw, list):
        return raw
    if not isinstance(raw, str):
        raise RecordError(f"private_test_cases must be a string, got {type(raw).__name__}")
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    except RecursionError:
        raise RecordError("private_test_cases nested too deeply") from None
    if isinstance(value, list):
        return value
    try:
        compressed = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise RecordError(f"private_test_cases is neither JSON nor base64: {exc}") from None
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(compressed, max_bytes)
    except zlib.error as exc:
        raise RecordError(f"private_test_cases is not zlib data: {exc}") from None
    if inflater.unconsumed_tail:
        raise RecordError(f"private_test_cases inflates past {max_bytes} bytes")
    try:
        inner = loads_restricted(data, max_bytes=max_bytes)
    except UnsafePickleError as exc:
        raise RecordError(f"private_test_cases pickle {exc}") from None
    if isinstance(inner, (str, bytes)):
        try:
            inner = json.loads(inner)
        except (ValueError, RecursionError) as exc:
            raise RecordError(f"private_test_cases pickle holds bad JSON: {str(exc)[:120]}") from None
    if not isinstance(inner, list):
        raise RecordError(f"private_test_cases must decode to a list, got {type(inner).__name__}")
    return inner


def _test_list(raw: Any, what: str) -> list[Any]:
    if isinstance(raw, list):
        return raw
    if raw is None or raw == "":
        return []
    if not isinstance(raw, str):
        raise RecordError(f"{what} must be a JSON string")
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise RecordError(f"{what} is not JSON: {str(exc)[:120]}") from None
    if not isinstance(value, list):
        raise RecordError(f"{what} must be a JSON list")
    return value


def _function_test(item: dict[str, Any], sig: FunctionSig, where: str) -> ImportedTest:
    """LCB functional input is already one JSON value per line; we re-canonicalise and count."""
    lines = item["input"].strip("\n").split("\n") if sig.params else []
    if len(lines) != len(sig.params):
        raise RecordError(f"{where}: {len(lines)} input lines for {len(sig.params)} parameters")
    try:
        values = [normalise(parse_value(line), t) for line, t in zip(lines, sig.types)]
        output = normalise(parse_value(item["output"]), sig.returns)
        return ImportedTest(input=to_wire([jsonable(v) for v in values]), output=canonical_json(output))
    except LiteralError as exc:
        raise RecordError(f"{where}: {exc}") from None


def _tests(record: dict[str, Any], sig: FunctionSig | None) -> tuple[list[ImportedTest], list[ImportedTest]]:
    public = _test_list(record.get("public_test_cases"), "public_test_cases")
    private = decode_private_tests(record.get("private_test_cases"))
    want = "functional" if sig is not None else "stdin"
    out: tuple[list[ImportedTest], list[ImportedTest]] = ([], [])
    for bucket, name, items in ((out[0], "public", public), (out[1], "private", private)):
        for i, item in enumerate(items):
            where = f"{name} test {i}"
            if not isinstance(item, dict) or not isinstance(item.get("input"), str) or not isinstance(item.get("output"), str):
                raise RecordError(f"{where}: needs string 'input' and 'output'")
            testtype = item.get("testtype", want)
            if testtype != want:
                raise RecordError(f"{where}: testtype {testtype!r} in a {want} problem")
            if sig is not None:
                bucket.append(_function_test(item, sig, where))
            else:
                bucket.append(ImportedTest(input=item["input"], output=item["output"]))
    if not out[0] and not out[1]:
        raise RecordError("no tests")
    return out


def _slugify(title: str) -> str:
    # LeetCode drops apostrophes ("Pascal's Triangle" → pascals-triangle) and dashes the rest.
    return re.sub(r"[^a-z0-9]+", "-", title.lower().replace("'", "")).strip("-")


def _func_name(raw: Any) -> str | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except (ValueError, RecursionError):
            raise RecordError("metadata is not JSON") from None
    if not isinstance(raw, dict):
        raise RecordError("metadata must be a JSON object")
    name = raw.get("func_name")
    if name is not None and not isinstance(name, str):
        raise RecordError("metadata.func_name must be a string")
    return name or None


def parse_record(obj: dict[str, Any]) -> ProblemRecord:
    title = field_str(obj, "question_title")
    qid = field_str(obj, "question_id")
    platform = (field_str(obj, "platform") or "").lower()
    assert title is not None and qid is not None
    if platform not in PLATFORMS:
        raise RecordError(f"unknown platform {platform!r}")
    func_name = _func_name(obj.get("metadata"))
    if platform == "leetcode" and func_name is None:
        raise RecordError("leetcode problem without metadata.func_name")
    starter = obj.get("starter_code") if isinstance(obj.get("starter_code"), str) else ""
    sig: FunctionSig | None = None
    if func_name is not None:
        try:
            sig = function_signature(starter, func_name)
        except RecordError as exc:
            raise RecordError(f"starter_code: {exc}") from None
    public, private = _tests(obj, sig)
    contest = field_str(obj, "contest_id", required=False)
    index = qid.rsplit("_", 1)[1].upper() if platform != "leetcode" and "_" in qid else None
    difficulty = field_str(obj, "difficulty", required=False)
    statement = field_str(obj, "question_content", required=False) or ""
    how = comparison_for(statement, sig.returns) if sig is not None else comparison_for_stdin(statement)
    return ProblemRecord(
        platform=platform,
        slug=_slugify(title) if platform == "leetcode" else qid,
        title=title,
        source=SOURCE,
        frontend_id=qid if platform == "leetcode" else None,
        contest_slug=contest,
        contest_index=index,
        release_time=utc_from_iso(obj.get("contest_date")),
        difficulty=difficulty.capitalize() if difficulty else None,
        statement_text=statement,
        kind="function" if sig is not None else "stdin",
        metadata=sig.metadata if sig is not None else None,
        starter_code={"python3": starter} if starter.strip() else {},
        examples=[Example(input=t.input, output=t.output) for t in public],
        tests=public + private,
        compare=how.compare,
        compare_note=how.flag,
    )


def parse_lcb(path: str | Path) -> Iterator[Parsed]:
    """Records and rejections, one per non-blank line (plain or gzip); never raises on bad input."""
    return parse_file(path, parse_record)
