"""Native generation backends in a child process.

llama.cpp is C++ loaded into the interpreter: an illegal instruction (a build
that does not match the CPU), a segfault or the OOM killer would take the whole
``run`` down with it and leave a traceback-free corpse. Here the backend lives
in a spawned child; the parent receives each completion as it finishes and
hands it to ``on_done`` (so it is stored at once), and a child that dies is
turned into one :class:`NativeCrashError` naming the signal, the backend and the
likely fix. Everything already received stays stored; the next ``run`` resumes.

Messages cross the pipe as JSON, never pickle: the child's output is model text.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import asdict
from typing import IO, Any

from contest_eval.generate.backend import (
    Completion,
    GenerationError,
    GenerationRequest,
    OnDone,
    Sampling,
)

# What a user should do when the child dies by this signal.
_HINTS: dict[int, str] = {
    signal.SIGILL: "illegal instruction: the llama.cpp build does not match this CPU; rebuild it portably "
                   "with `bash scripts/setup.sh` (flags in scripts/llamacpp-build.env)",
    signal.SIGSEGV: "segmentation fault in native code: check the model file and the llama-cpp-python version",
    signal.SIGBUS: "bus error in native code: the model file may be truncated or on a failing disk",
    signal.SIGKILL: "killed (often the kernel's OOM killer): free memory or use a smaller model / context",
    signal.SIGABRT: "aborted by native code (an assertion in llama.cpp): see the output above",
}


class NativeCrashError(GenerationError):
    """The backend's child process died; everything received before is kept."""

    def __init__(self, backend: str, exitcode: int | None) -> None:
        self.backend, self.exitcode = backend, exitcode
        if exitcode is not None and exitcode < 0:
            sig = signal.Signals(-exitcode)
            hint = _HINTS.get(sig.value, "native code crashed")
            message = f"{backend} backend died by {sig.name}: {hint}"
        else:
            message = f"{backend} backend process exited unexpectedly (exit code {exitcode})"
        super().__init__(message)


def send_message(stream: IO[str], kind: str, payload: Any = None) -> None:
    """One message to or from a native child process (also used by the audit's scorer)."""
    # One JSON document per line (json.dumps never emits a raw newline).
    stream.write(json.dumps({"kind": kind, "payload": payload}) + "\n")
    stream.flush()


def spawn_child(module: str, spec: dict[str, Any]) -> tuple[subprocess.Popen[str], IO[str], IO[str]]:
    """Start ``python -m module`` with ``spec`` (plus the two pipe fds it
    reads as ``inbox`` and writes as ``outbox``); the process and our ends."""
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    doc = json.dumps({**spec, "inbox": to_child_r, "outbox": from_child_w})
    process = subprocess.Popen([sys.executable, "-m", module, doc],
                               pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL)
    os.close(to_child_r)
    os.close(from_child_w)
    return process, os.fdopen(to_child_w, "w", encoding="utf-8"), os.fdopen(from_child_r, "r", encoding="utf-8")


def stop_child(process: subprocess.Popen[str], to_child: IO[str], from_child: IO[str]) -> None:
    """Ask a native child to stop, kill it if it will not, and close its pipes."""
    if process.poll() is None:
        try:
            send_message(to_child, "stop")
        except OSError:
            pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for stream in (to_child, from_child):
        try:
            stream.close()
        except OSError:
            pass


def _error_text(exc: Exception) -> str:
    return str(exc) if isinstance(exc, GenerationError) else f"{type(exc).__name__}: {exc}"


def _child(inbox: IO[str], outbox: IO[str], name: str, options: dict[str, Any]) -> None:
    """Child main: build the backend once, then serve generate calls until told to stop."""
    from contest_eval.generate.backend import get_backend

    try:
        backend = get_backend(name, isolate=False, **options)
    except Exception as exc:  # reported to the parent as a clean error
        send_message(outbox, "error", _error_text(exc))
        return
    provenance = getattr(backend, "provenance", None)
    send_message(outbox, "ready", provenance() if callable(provenance) else {})
    for line in inbox:
        message = json.loads(line)
        if message["kind"] == "stop":
            return
        payload = message["payload"]
        requests = [GenerationRequest(**r) for r in payload["requests"]]
        sampling = Sampling(**payload["sampling"])
        try:
            backend.generate(requests, sampling, on_done=lambda c: send_message(outbox, "completion", c.to_dict()))
        except Exception as exc:
            send_message(outbox, "error", _error_text(exc))
            continue
        send_message(outbox, "done")


class IsolatedBackend:
    """A backend that runs ``get_backend(name, **options)`` in a spawned child."""

    def __init__(self, name: str, **options: Any) -> None:
        self.name = name
        # A fresh interpreter (not fork: the parent holds threads, a database
        # engine and Docker clients) talking over two private pipes, so nothing
        # native code prints on stdout can corrupt the protocol.
        self._process, self._to_child, self._from_child = spawn_child(
            "contest_eval.generate.isolated",
            {"name": name, "options": {k: str(v) if isinstance(v, os.PathLike) else v for k, v in options.items()}})
        self.engine_info: dict[str, Any] = self._expect_ready()

    @property
    def pid(self) -> int:
        return self._process.pid

    def provenance(self) -> dict[str, Any]:
        return dict(self.engine_info)

    def _crashed(self) -> NativeCrashError:
        try:
            code = self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            code = self._process.wait()
        return NativeCrashError(self.name, code)

    def _receive(self) -> dict[str, Any]:
        line = self._from_child.readline()
        if not line:
            raise self._crashed()
        return json.loads(line)

    def _expect_ready(self) -> dict[str, Any]:
        message = self._receive()
        if message["kind"] == "error":
            self.close()
            raise GenerationError(message["payload"])
        return message["payload"] or {}

    def generate(self, requests: list[GenerationRequest], sampling: Sampling, on_done: OnDone | None = None) -> list[Completion]:
        payload = {"requests": [asdict(r) for r in requests], "sampling": sampling.to_dict()}
        try:
            send_message(self._to_child, "generate", payload)
        except OSError:
            raise self._crashed() from None
        out: list[Completion] = []
        while True:
            message = self._receive()
            if message["kind"] == "done":
                return out
            if message["kind"] == "error":
                raise GenerationError(message["payload"])
            completion = Completion(**message["payload"])
            out.append(completion)
            if on_done is not None:
                on_done(completion)

    def close(self) -> None:
        stop_child(self._process, self._to_child, self._from_child)

    def __del__(self) -> None:  # a forgotten backend must not leave a model in memory
        process = getattr(self, "_process", None)
        if process is not None and process.poll() is None:
            process.kill()


def _main(argv: list[str]) -> None:
    spec = json.loads(argv[0])
    with os.fdopen(spec["inbox"], "r", encoding="utf-8") as inbox, os.fdopen(spec["outbox"], "w", encoding="utf-8") as outbox:
        _child(inbox, outbox, spec["name"], spec["options"])


if __name__ == "__main__":
    _main(sys.argv[1:])
