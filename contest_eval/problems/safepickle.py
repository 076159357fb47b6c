"""Unpickle untrusted data that should be nothing but plain values.

LiveCodeBench ships its private tests as base64 → zlib → pickle.  A pickle is
a program: ``GLOBAL``/``STACK_GLOBAL`` fetch any importable callable and
``REDUCE``/``NEWOBJ``/``OBJ``/``INST``/``BUILD`` call it, so a hostile file
could run ``os.system`` the moment it is loaded.  Every one of those paths
needs a callable or class, and the only ways a pickle can name one are
``find_class`` (globals and the copyreg extension registry) and
``persistent_load``.  Refusing both leaves an unpickler that can build str,
bytes, list, dict, tuple, int, float, bool and None and nothing else; the
result is then walked once more so that sets, bytearrays, cycles, absurd
nesting or a "billion laughs" of shared references are refused too.
"""

from __future__ import annotations

import io
import pickle
import pickletools
from typing import Any, NoReturn

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
# Shared references let a few kilobytes of pickle describe an exponential tree;
# anything that walks it later (json.dumps) would hang, so we bound the walk.
DEFAULT_MAX_NODES = 20_000_000
DEFAULT_MAX_DEPTH = 200

_ATOMS = (str, bytes, int, float, bool, type(None))

# Opcodes that fetch or call something.  find_class already refuses them, but
# EXT1/2/4 consult a process-wide cache before find_class, so we also refuse
# them by name before loading: two independent locks on the same door.
_FORBIDDEN_OPCODES = frozenset({
    "GLOBAL", "STACK_GLOBAL", "REDUCE", "BUILD", "INST", "OBJ", "NEWOBJ", "NEWOBJ_EX",
    "EXT1", "EXT2", "EXT4", "PERSID", "BINPERSID", "NEXT_BUFFER", "READONLY_BUFFER",
})


class UnsafePickleError(ValueError):
    """The pickle was refused: it names a global, is too big, or is corrupt."""


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> NoReturn:
        raise UnsafePickleError(f"refused: pickle references global {module}.{name} (only plain values are allowed)")

    def persistent_load(self, pid: Any) -> NoReturn:
        raise UnsafePickleError("refused: pickle uses persistent ids (only plain values are allowed)")


def _check_plain(value: Any, max_nodes: int, max_depth: int) -> None:
    """Reject anything but plain JSON-like containers; iterative so a deep
    structure cannot overflow the Python stack."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    on_path: set[int] = set()
    seen = 0
    while stack:
        item, depth = stack.pop()
        if depth < 0:  # marker: leaving a container
            on_path.discard(id(item))
            continue
        seen += 1
        if seen > max_nodes:
            raise UnsafePickleError(f"refused: more than {max_nodes} values (shared references expand too far)")
        if type(item) in _ATOMS:
            continue
        if type(item) not in (list, tuple, dict):
            raise UnsafePickleError(f"refused: value of type {type(item).__name__} is not a plain value")
        if depth >= max_depth:
            raise UnsafePickleError(f"refused: nesting deeper than {max_depth}")
        if id(item) in on_path:
            raise UnsafePickleError("refused: self-referencing container")
        on_path.add(id(item))
        stack.append((item, -1))
        if type(item) is dict:
            for k, v in item.items():
                if type(k) not in _ATOMS:
                    raise UnsafePickleError(f"refused: dict key of type {type(k).__name__}")
                stack.append((v, depth + 1))
        else:
            stack.extend((child, depth + 1) for child in item)


def _target(name: str, arg: object, strings: list[str]) -> str:
    if name in ("GLOBAL", "INST") and isinstance(arg, str):
        return f" ({arg.replace(' ', '.')})"
    if name == "STACK_GLOBAL" and len(strings) == 2:
        return f" ({strings[0]}.{strings[1]})"
    return ""


def loads_restricted(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_nodes: int = DEFAULT_MAX_NODES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Any:
    """Load a pickle of plain values; anything else raises :class:`UnsafePickleError`."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise UnsafePickleError(f"expected bytes, got {type(data).__name__}")
    if len(data) > max_bytes:
        raise UnsafePickleError(f"refused: pickle is {len(data)} bytes, over the {max_bytes}-byte cap")
    raw = bytes(data)
    try:
        strings: list[str] = []  # recent string pushes, to name a STACK_GLOBAL's target
        for opcode, arg, pos in pickletools.genops(raw):
            if opcode.name in _FORBIDDEN_OPCODES:
                raise UnsafePickleError(f"refused: pickle opcode {opcode.name} at byte {pos}{_target(opcode.name, arg, strings)}"
                                        " (only plain values are allowed)")
            if isinstance(arg, str) and "UNICODE" in opcode.name:
                strings = (strings + [arg])[-2:]
    except UnsafePickleError:
        raise
    except Exception as exc:  # genops only parses; any failure means a malformed stream
        raise UnsafePickleError(f"corrupt pickle: {type(exc).__name__}: {exc}") from None
    unpickler = _RestrictedUnpickler(io.BytesIO(raw))
    try:
        value = unpickler.load()
    except UnsafePickleError:
        raise
    except pickle.UnpicklingError as exc:
        # Includes "A load persistent id instruction was encountered" and
        # out-of-band buffers (NEXT_BUFFER) that we never supply.
        raise UnsafePickleError(f"refused: {exc}") from None
    except (EOFError, ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError, MemoryError, RecursionError) as exc:
        raise UnsafePickleError(f"corrupt pickle: {type(exc).__name__}: {exc}") from None
    _check_plain(value, max_nodes, max_depth)
    return value
