"""The supervisor's report, as the host reads it from the container's stdout.

The container has no log: the host attaches to its stdout before the plan is
published and parses a framed stream (see ``judges/PROTOCOL.md``).  Program
output travels as raw bytes after its header, never re-escaped, and the host
keeps at most a bound it computes from the plan, so nothing a submission
prints can push earlier results out or exhaust the host.
"""

from __future__ import annotations

import json
import socket
import threading
from dataclasses import dataclass, field
from typing import Any

HEADER_MAX = 1 << 20  # one header line; anything longer is not the supervisor's


@dataclass
class Report:
    compile: dict[str, Any] | None = None
    tests: list[dict[str, Any]] = field(default_factory=list)
    done: bool = False
    error: str = ""
    exit_code: int | None = None
    oom_killed: bool = False
    # A batch (several trusted submissions in one container): each item's own
    # report, by its index in the plan; ``done`` there means ``item_done``.
    items: dict[int, Report] = field(default_factory=dict)


class Channel:
    """The supervisor's framed report, read from the container's stdout.

    Attached before the plan is published, so nothing the supervisor writes
    is lost; the container has no log.  A frame is a header line (nonce, JSON
    event, optionally ``len``) followed by ``len`` raw bytes of program
    output, passed through untouched.  The host keeps at most ``bound`` bytes.
    """

    def __init__(self, client: Any, container: Any, nonce: str, bound: int) -> None:
        self.sock = client.api.attach_socket(container.id, params={"stdout": 1, "stderr": 1, "stream": 1})
        # The client's read timeout would end a quiet but legitimate compile.
        for s in (self.sock, getattr(self.sock, "_sock", None)):
            if s is not None and hasattr(s, "settimeout"):
                s.settimeout(None)
        self.prefix = nonce.encode() + b" "
        self.bound = bound
        self.report = Report()
        self.ready = threading.Event()
        self.stderr = bytearray()
        self.total = 0
        self.fault = ""
        self._buf = bytearray()
        self._pending: tuple[dict[str, Any], int] | None = None
        self._thread = threading.Thread(target=self._pump, daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        from docker.utils.socket import frames_iter

        try:
            for stream, data in frames_iter(self.sock, False):
                if stream == 2:
                    self.stderr = (self.stderr + data)[-2000:]
                else:
                    self.feed(data)
        except Exception as exc:  # the socket closed under us: the report is what arrived
            self.fault = self.fault or f"report channel broke: {exc}"

    def feed(self, data: bytes) -> None:
        self.total += len(data)
        if self.total > self.bound:
            self.fault = f"report channel exceeded {self.bound} bytes"
            self._buf.clear()
            return
        self._buf += data
        while True:
            if self._pending is not None:
                event, need = self._pending
                if len(self._buf) < need:
                    return
                event["output"] = bytes(self._buf[:need]).decode("utf-8", "surrogateescape")
                del self._buf[:need]
                self._pending = None
                self._accept(event)
                continue
            nl = self._buf.find(b"\n")
            if nl < 0:
                if len(self._buf) > HEADER_MAX:
                    self.fault = "report channel: header line too long"
                    self._buf.clear()
                return
            line = bytes(self._buf[:nl])
            del self._buf[:nl + 1]
            if not line.startswith(self.prefix):
                continue  # only the supervisor writes here; nothing else is trusted
            try:
                event = json.loads(line[len(self.prefix):])
            except json.JSONDecodeError:
                continue
            if not isinstance(event, dict):
                continue
            size = event.pop("len", None)
            if isinstance(size, int) and size >= 0:
                self._pending = (event, size)
            else:
                self._accept(event)

    def _accept(self, event: dict[str, Any]) -> None:
        kind = event.get("event")
        report = self.report
        item = event.pop("item", None)
        if isinstance(item, int) and not isinstance(item, bool) and item >= 0:
            report = report.items.setdefault(item, Report())
        elif item is not None:
            return  # not a frame our supervisor writes
        if kind == "ready":
            self.ready.set()
        elif kind == "compile":
            report.compile = event
        elif kind == "test":
            report.tests.append(event)
        elif kind == "done" or (kind == "item_done" and report is not self.report):
            report.done = True
        elif kind == "error":
            report.error = str(event.get("message", ""))

    def finish(self, timeout: float) -> None:
        """Wait for the end of the stream (the container has exited)."""
        self._thread.join(timeout)
        self.close()
        self._thread.join(1)

    def close(self) -> None:
        raw = getattr(self.sock, "_sock", None)
        for s in (raw, self.sock):
            try:
                if s is raw and s is not None:
                    s.shutdown(socket.SHUT_RDWR)  # wakes a reader blocked in recv
                if s is not None:
                    s.close()
            except Exception:  # already closed
                pass
