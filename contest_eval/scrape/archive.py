"""An append-only archive of every raw HTTP response a scrape saw.

A scrape must be replayable offline and auditable later ("what exactly did
LeetCode send on that day?"), so bodies are kept byte-for-byte, content
addressed by sha256 under ``bodies/``, and each fetch appends one line to
``index.jsonl``.  Only what identifies the exchange is stored — method, URL,
status, time, hashes — never request headers, so cookies and CSRF tokens
cannot end up on disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that can carry credentials (Codeforces apiKey/apiSig,
# generic tokens).  They are masked in everything the archive or a log keeps.
_SECRET_PARAMS = {"apikey", "apisig", "api_key", "token", "access_token", "csrftoken", "csrf", "session",
                  "leetcode_session", "password", "sig", "signature"}


def redact_url(url: str) -> str:
    """The URL with credential-looking query values replaced by ``***``."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not any(k.lower() in _SECRET_PARAMS for k, _ in pairs):
        return url
    masked = [(k, "***" if k.lower() in _SECRET_PARAMS else v) for k, v in pairs]
    return urlunsplit(parts._replace(query=urlencode(masked)))


@dataclass(frozen=True)
class ArchivedResponse:
    method: str
    url: str
    status: int
    fetched_at: datetime
    sha256: str
    body: bytes
    request_sha256: str | None = None


class Archive:
    """A directory: ``index.jsonl`` (one JSON object per fetch) plus
    ``bodies/<sha256>`` (response bodies) and ``requests/<sha256>`` (POST
    payloads, so a GraphQL call can be told apart from another to the same URL)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.bodies = self.root / "bodies"
        self.requests = self.root / "requests"
        self.index = self.root / "index.jsonl"
        self.bodies.mkdir(parents=True, exist_ok=True)
        self.requests.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    @staticmethod
    def _store(folder: Path, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        path = folder / digest
        if not path.exists():
            # Write-then-rename so a crash never leaves a truncated body under a valid hash.
            tmp = folder / f".{digest}.{os.getpid()}.{threading.get_ident()}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, path)
        return digest

    def record(self, method: str, url: str, status: int, body: bytes, request_body: bytes | None = None) -> str:
        """Store one raw response; returns the body's sha256."""
        digest = self._store(self.bodies, body)
        req_digest = self._store(self.requests, request_body) if request_body is not None else None
        entry = {
            "method": method.upper(),
            "url": redact_url(url),
            "status": int(status),
            "fetched_at": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            "sha256": digest,
            "size": len(body),
            "request_sha256": req_digest,
        }
        line = json.dumps(entry, separators=(",", ":")) + "\n"
        with self._lock, self.index.open("a", encoding="utf-8") as fh:
            fh.write(line)
        return digest

    def entries(self) -> Iterator[dict[str, Any]]:
        """Index entries in the order they were recorded (bad lines skipped:
        a crash mid-append must not make the rest of the archive unreadable)."""
        if not self.index.exists():
            return
        with self.index.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(entry, dict) and "sha256" in entry:
                    yield entry

    def body(self, sha256: str) -> bytes:
        data = (self.bodies / sha256).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError(f"archive body {sha256[:12]}… does not match its hash")
        return data

    def lookup(self, method: str, url: str, request_body: bytes | None = None) -> ArchivedResponse | None:
        """The newest archived response to this request, for offline replay."""
        want_req = hashlib.sha256(request_body).hexdigest() if request_body is not None else None
        url = redact_url(url)
        found: dict[str, Any] | None = None
        for entry in self.entries():
            if entry.get("method") == method.upper() and entry.get("url") == url and \
                    entry.get("request_sha256") == want_req:
                found = entry
        if found is None:
            return None
        return ArchivedResponse(
            method=found["method"],
            url=found["url"],
            status=int(found["status"]),
            fetched_at=datetime.fromisoformat(found["fetched_at"]),
            sha256=found["sha256"],
            body=self.body(found["sha256"]),
            request_sha256=found.get("request_sha256"),
        )
