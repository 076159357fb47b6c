"""A local HTTP server for scraper tests: real sockets, scripted replies.

Scrapers are tested through the real client over real HTTP, so everything the
network can do to them — status codes, headers, slow replies, bodies cut off
mid-way — is reproduced here rather than mocked inside ``requests``.

    with ScrapeServer() as srv:
        srv.route("/api/x", Reply(429, {"Retry-After": "1"}), Reply.json({"ok": 1}))
        client.get_json(srv.url("/api/x"))

A route holds a sequence of replies served in order (the last one repeats) or
a callable ``(request) -> Reply``.  Every request is recorded, headers
included, so tests can check what was (and was not) sent.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Union
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | str = b""
    delay_s: float = 0.0  # sleep before answering (timeouts)
    cut_after: int | None = None  # send this many body bytes, then drop the connection

    @classmethod
    def json(cls, obj: Any, status: int = 200, **kw: Any) -> "Reply":
        headers = {"Content-Type": "application/json", **kw.pop("headers", {})}
        return cls(status, headers, json.dumps(obj).encode("utf-8"), **kw)

    @classmethod
    def file(cls, path: Path | str, content_type: str | None = None, status: int = 200, **kw: Any) -> "Reply":
        p = Path(path)
        ctype = content_type or ("application/json" if p.suffix == ".json" else "text/html; charset=utf-8")
        return cls(status, {"Content-Type": ctype, **kw.pop("headers", {})}, p.read_bytes(), **kw)

    @classmethod
    def html(cls, text: str, status: int = 200, **kw: Any) -> "Reply":
        return cls(status, {"Content-Type": "text/html; charset=utf-8", **kw.pop("headers", {})}, text, **kw)


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


Handler = Union[list[Reply], Callable[[Request], Reply]]


class ScrapeServer:
    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Handler] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- routes --------------------------------------------------------------

    def route(self, path: str, *replies: Reply | Callable[[Request], Reply], method: str = "GET") -> None:
        if len(replies) == 1 and callable(replies[0]) and not isinstance(replies[0], Reply):
            self.routes[(method.upper(), path)] = replies[0]  # type: ignore[assignment]
        else:
            if not replies or not all(isinstance(r, Reply) for r in replies):
                raise ValueError("route needs Reply objects or one callable")
            self.routes[(method.upper(), path)] = list(replies)  # type: ignore[arg-type]

    def hits(self, path: str, method: str | None = None) -> list[Request]:
        return [r for r in self.requests if r.path == path and (method is None or r.method == method.upper())]

    # -- lifecycle -----------------------------------------------------------

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> "ScrapeServer":
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one request per connection: cut-offs stay simple

            def log_message(self, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                req = Request(self.command, parts.path, parse_qs(parts.query, keep_blank_values=True),
                              {k.lower(): v for k, v in self.headers.items()}, body)
                with server._lock:
                    server.requests.append(req)
                    handler = server.routes.get((self.command, parts.path))
                    if handler is None:
                        reply = Reply(404, {"Content-Type": "text/plain"}, f"no route {self.command} {parts.path}")
                    elif isinstance(handler, list):
                        reply = handler.pop(0) if len(handler) > 1 else handler[0]
                    else:
                        reply = None
                if reply is None:
                    reply = handler(req)  # type: ignore[operator]
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                data = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
                try:
                    self.send_response(reply.status)
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    if reply.cut_after is not None:
                        self.wfile.write(data[:reply.cut_after])
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            do_GET = do_POST = do_HEAD = _serve

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "ScrapeServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
