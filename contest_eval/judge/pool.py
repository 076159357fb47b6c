"""A warm pool: containers started ahead of the submissions that will use them.

Starting a container costs about a quarter of a second on this kind of host
(runc plus the overlay mount), most of a small submission's judging time.  A
started container that has not received its plan holds only our supervisor,
polling for ``/in/plan.json``; it is exactly as fresh as a cold one, and it is
still used once and removed.  One spare per (image, limits) is kept, refilled
in the background after each use.
"""

from __future__ import annotations

import atexit
import shutil
import threading
from dataclasses import astuple
from typing import Any

from contest_eval.judge.sandbox import Limits, Sandbox, SandboxError, Warm, _remove


class WarmPool:
    def __init__(self, sandbox: Sandbox, spares: int = 1) -> None:
        self.sandbox = sandbox
        self.spares = spares
        self._ready: dict[tuple[Any, ...], list[Warm]] = {}
        self._pending: dict[tuple[Any, ...], int] = {}
        self._lock = threading.Lock()
        self._closed = False
        atexit.register(self.close)

    @staticmethod
    def _key(image: str, limits: Limits) -> tuple[Any, ...]:
        return (image, *astuple(limits))

    def take(self, image: str, limits: Limits) -> Warm | None:
        """A started container for these limits, or None (the caller starts one)."""
        key = self._key(image, limits)
        with self._lock:
            ready = self._ready.get(key) or []
            warm = ready.pop() if ready else None
        self._refill(key, image, limits)
        return warm

    def _refill(self, key: tuple[Any, ...], image: str, limits: Limits) -> None:
        with self._lock:
            if self._closed or len(self._ready.get(key, [])) + self._pending.get(key, 0) >= self.spares:
                return
            self._pending[key] = self._pending.get(key, 0) + 1
        threading.Thread(target=self._start, args=(key, image, limits), daemon=True).start()

    def _start(self, key: tuple[Any, ...], image: str, limits: Limits) -> None:
        warm: Warm | None = None
        try:
            warm = self.sandbox.start_container(image, Limits(*astuple(limits)))
        except SandboxError:
            warm = None  # the next take() starts one itself and reports the error
        with self._lock:
            self._pending[key] -= 1
            if warm is not None and not self._closed:
                self._ready.setdefault(key, []).append(warm)
                warm = None
        if warm is not None:  # closed meanwhile: nobody will take it
            _discard(warm)

    def spare_ids(self) -> set[str]:
        with self._lock:
            return {w.container.id for ws in self._ready.values() for w in ws}

    def busy(self) -> bool:
        with self._lock:
            return any(self._pending.values())

    def close(self) -> None:
        """Remove every spare and its input folder (also run at interpreter exit)."""
        with self._lock:
            self._closed = True
            spares = [w for ws in self._ready.values() for w in ws]
            self._ready.clear()
        for w in spares:
            _discard(w)


def _discard(warm: Warm) -> None:
    _remove(warm.container)
    shutil.rmtree(warm.root, ignore_errors=True)
