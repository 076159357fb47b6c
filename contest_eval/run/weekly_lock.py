"""One ``weekly`` job per store at a time, and where its drafts go by default.

Two jobs on one store would both find the same unfinished ``weekly_runs`` row,
scrape the same contests and plan the same batches; each step is idempotent,
but two judges building one suite or resuming one run at once are not.  So a
job holds an exclusive ``flock`` on a lock file next to the SQLite file (for a
database server, one in the temporary folder named after the URL) for as long
as it runs.  The kernel drops the lock when the process ends, however it ends
(a killed job never leaves a stale lock behind); the file itself stays, and
holds the pid of the last job that took it, for the error message.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from contest_eval.db.engine import resolve_url

EXIT_LOCKED = 4  # another weekly job holds the store's lock: nothing was done


class WeeklyLocked(RuntimeError):
    """Another weekly job holds the lock; the message is one line."""

    def __init__(self, path: Path, pid: str) -> None:
        super().__init__(f"another weekly run holds {path} (pid {pid or '?'})")
        self.path = path
        self.pid = pid


def _sqlite_file(db: str | None) -> Path | None:
    url = resolve_url(db)
    if url.startswith("sqlite:///") and url not in ("sqlite:///", "sqlite:///:memory:"):
        return Path(url.removeprefix("sqlite:///"))
    return None


def lock_path(db: str | None) -> Path:
    """``<db file>.weekly.lock``; for a database server, one per URL in the temporary folder."""
    path = _sqlite_file(db)
    if path is not None:
        return path.with_name(path.name + ".weekly.lock")
    digest = hashlib.sha256(resolve_url(db).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"contest-eval-weekly-{digest}.lock"


def default_drafts(db: str | None) -> Path:
    """Where ``weekly`` drafts recipes unless told otherwise: ``drafts/`` next to the
    database file (``./drafts`` for a database server)."""
    path = _sqlite_file(db)
    return (path.parent if path is not None else Path.cwd()) / "drafts"


@contextmanager
def weekly_lock(db: str | None) -> Iterator[Path]:
    """Hold the store's weekly lock for the block, or raise :class:`WeeklyLocked` at once."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WeeklyLocked(path, os.pread(fd, 32, 0).decode("ascii", "replace").strip()) from None
        # The holder's pid, for the other job's message (written only while holding the lock).
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield path
    finally:
        os.close(fd)  # closing the last descriptor releases the lock
