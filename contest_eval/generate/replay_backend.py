"""Judge outputs produced elsewhere: completions read from a JSONL file.

Each line is ``{"problem": KEY, "rollout": INDEX, "text": OUTPUT}`` with
optional ``prompt_tokens``, ``completion_tokens``, ``finish_reason``,
``latency_ms`` and ``reasoning``. A request's ``key`` is matched against
``problem`` and its rollout indices against ``rollout``. The file is hostile
data: every line is validated and errors name the line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from contest_eval.generate.backend import (
    Completion,
    GenerationError,
    GenerationRequest,
    OnDone,
    Sampling,
    check_requests,
)


class ReplayError(GenerationError):
    """A malformed replay file, or a completion the file does not have."""


def _opt_int(obj: dict[str, Any], name: str, where: str) -> int | None:
    value = obj.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ReplayError(f"{where}: {name!r} must be a non-negative integer, got {value!r}")
    return value


def _opt_str(obj: dict[str, Any], name: str, where: str) -> str | None:
    value = obj.get(name)
    if value is not None and not isinstance(value, str):
        raise ReplayError(f"{where}: {name!r} must be a string, got {type(value).__name__}")
    return value


def parse_line(line: str, where: str) -> Completion:
    """One JSONL line -> Completion; ``where`` is ``"file:line"`` for errors."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ReplayError(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ReplayError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    problem = obj.get("problem")
    if not isinstance(problem, str) or not problem:
        raise ReplayError(f"{where}: 'problem' must be a non-empty string")
    rollout = obj.get("rollout")
    if isinstance(rollout, bool) or not isinstance(rollout, int) or rollout < 0:
        raise ReplayError(f"{where}: 'rollout' must be a non-negative integer, got {rollout!r}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ReplayError(f"{where}: 'text' must be a string")
    latency = obj.get("latency_ms")
    if latency is not None and (isinstance(latency, bool) or not isinstance(latency, (int, float))):
        raise ReplayError(f"{where}: 'latency_ms' must be a number")
    return Completion(
        key=problem,
        index=rollout,
        text=text,
        prompt_tokens=_opt_int(obj, "prompt_tokens", where),
        completion_tokens=_opt_int(obj, "completion_tokens", where),
        finish_reason=_opt_str(obj, "finish_reason", where),
        latency_ms=float(latency) if latency is not None else None,
        reasoning=_opt_str(obj, "reasoning", where),
    )


def load_replay(path: str | Path) -> dict[tuple[str, int], Completion]:
    """Every completion in the file by ``(problem, rollout)``; duplicates are errors."""
    path = Path(path)
    table: dict[tuple[str, int], Completion] = {}
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ReplayError(f"cannot read replay file {path}: {exc.strerror}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            completion = parse_line(line, where)
            slot = (completion.key, completion.index)
            if slot in table:
                raise ReplayError(f"{where}: duplicate completion for problem {slot[0]!r} rollout {slot[1]}")
            table[slot] = completion
    return table


class ReplayBackend:
    name = "replay"

    def __init__(self, path: str | Path, **_ignored: Any) -> None:
        # Extra options (model, URLs) are accepted and ignored so a run can
        # switch to replay without reshaping its configuration.
        self.path = Path(path)
        self._table = load_replay(self.path)

    def generate(
        self,
        requests: list[GenerationRequest],
        sampling: Sampling,
        on_done: OnDone | None = None,
    ) -> list[Completion]:
        check_requests(requests)
        missing = [(r.key, i) for r in requests for i in r.indices if (r.key, i) not in self._table]
        if missing:
            shown = ", ".join(f"{k}#{i}" for k, i in missing[:10])
            more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            raise ReplayError(f"{self.path}: no completion for {shown}{more}")
        out: list[Completion] = []
        for req in requests:
            for i in req.indices:
                completion = self._table[(req.key, i)]
                out.append(completion)
                if on_done is not None:
                    on_done(completion)
        return out
