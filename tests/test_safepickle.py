"""The restricted unpickler: plain values load, anything that could run code is refused
without running (side-effect files are never created)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest

from contest_eval.problems import safepickle
from contest_eval.problems.safepickle import UnsafePickleError, loads_restricted


class _OsSystem:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


class _Eval:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (eval, (f"open({self.marker!r}, 'w').close()",))


class _Popen:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (subprocess.Popen, (["touch", self.marker],))


class _Plain:
    def __init__(self) -> None:
        self.x = 1


def _hostile(marker: str) -> list[tuple[str, bytes]]:
    out = []
    for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
        out += [
            (f"os.system p{proto}", pickle.dumps(_OsSystem(marker), protocol=proto)),
            (f"builtins.eval p{proto}", pickle.dumps(_Eval(marker), protocol=proto)),
            (f"subprocess.Popen p{proto}", pickle.dumps(_Popen(marker), protocol=proto)),
            (f"class instance p{proto}", pickle.dumps(_Plain(), protocol=proto)),
        ]
    # Hand-written protocol-0 program, no Python class involved at all.
    out.append(("raw cos/system", f"cos\nsystem\n(S'touch {marker}'\ntR.".encode()))
    out.append(("raw builtins.eval", f"cbuiltins\neval\n(S'open({marker!r}, \"w\")'\ntR.".encode()))
    # A nested malicious object inside an innocent-looking list.
    out.append(("nested", pickle.dumps(["ok", {"k": _OsSystem(marker)}], protocol=2)))
    return out


def test_hostile_pickles_are_refused_and_do_nothing(tmp_path):
    marker = tmp_path / "pwned"
    for name, data in _hostile(str(marker)):
        with pytest.raises(UnsafePickleError, match="refused"):
            loads_restricted(data)
        assert not marker.exists(), f"{name} had a side effect"
    # Sanity: the same payload really does run under the stock unpickler.
    pickle.loads(pickle.dumps(_Eval(str(marker))))
    assert marker.exists()


def test_find_class_refuses_even_without_the_opcode_scan(tmp_path, monkeypatch):
    """The opcode scan and find_class are independent locks; each holds alone."""
    monkeypatch.setattr(safepickle, "_FORBIDDEN_OPCODES", frozenset())
    marker = tmp_path / "pwned"
    for name, data in _hostile(str(marker)):
        with pytest.raises(UnsafePickleError, match="refused"):
            loads_restricted(data)
        assert not marker.exists(), f"{name} had a side effect"


def test_error_names_the_global():
    with pytest.raises(UnsafePickleError, match="posix.system|nt.system|os.system|GLOBAL|STACK_GLOBAL"):
        loads_restricted(pickle.dumps(_OsSystem("/nonexistent/x"), protocol=0))


@pytest.mark.parametrize("proto", range(0, pickle.HIGHEST_PROTOCOL + 1))
def test_plain_values_round_trip(proto):
    value = {"s": "é\u2603\n", "l": [1, -2, 3.5, True, False, None], "t": (1, "x"),
             "n": [[[]]], "big": 10**30, "d": {"k": {"k2": []}}}
    if proto >= 3:  # protocols 0-2 pickle bytes through the _codecs.encode global, which is refused
        value["b"] = b"\x00\xff"
    assert loads_restricted(pickle.dumps(value, protocol=proto)) == value


def test_json_string_payload_like_livecodebench():
    text = '[{"input": "1\\n2", "output": "3", "testtype": "functional"}]'
    assert loads_restricted(pickle.dumps(text)) == text


@pytest.mark.parametrize("value", [{1, 2}, frozenset({1}), bytearray(b"ab"), 1 + 2j])
def test_non_plain_builtins_are_refused(value):
    for proto in (2, pickle.HIGHEST_PROTOCOL):
        with pytest.raises(UnsafePickleError, match="refused"):
            loads_restricted(pickle.dumps(value, protocol=proto))


def test_extension_codes_are_refused():
    with pytest.raises(UnsafePickleError, match="EXT1"):
        loads_restricted(b"\x80\x02\x82\x01.")


def test_persistent_ids_are_refused():
    with pytest.raises(UnsafePickleError, match="refused"):
        loads_restricted(b"\x80\x02X\x01\x00\x00\x00xQ.")  # BINPERSID


def test_size_cap():
    data = pickle.dumps("x" * 1000)
    with pytest.raises(UnsafePickleError, match="cap"):
        loads_restricted(data, max_bytes=100)


def test_shared_reference_bomb_is_refused():
    a: list = [0]
    for _ in range(60):  # 2**60 leaves in a few hundred bytes of pickle
        a = [a, a]
    data = pickle.dumps(a, protocol=2)
    assert len(data) < 2000
    with pytest.raises(UnsafePickleError, match="more than"):
        loads_restricted(data, max_nodes=10_000)


def test_self_reference_is_refused():
    a: list = []
    a.append(a)
    with pytest.raises(UnsafePickleError, match="self-referencing"):
        loads_restricted(pickle.dumps(a))


def test_deep_nesting_is_refused_without_recursion_error():
    depth = 100_000
    data = b"\x80\x02" + b"]" * depth + b"a" * (depth - 1) + b"."
    with pytest.raises(UnsafePickleError, match="nesting"):
        loads_restricted(data)


@pytest.mark.parametrize("data", [b"", b"garbage", b"\x80\x05", pickle.dumps([1, 2, 3])[:-3], b"\x80\x02X\xff\xff\xff\x7f"])
def test_corrupt_pickles_raise_unsafe_pickle_error(data):
    with pytest.raises(UnsafePickleError):
        loads_restricted(data)


def test_rejects_non_bytes():
    with pytest.raises(UnsafePickleError, match="bytes"):
        loads_restricted("not bytes")  # type: ignore[arg-type]


def test_nothing_imported_as_a_side_effect():
    """A refused global must not even be imported (find_class is where import happens)."""
    name = "json.tool"
    sys.modules.pop(name, None)
    with pytest.raises(UnsafePickleError):
        loads_restricted(b"cjson.tool\nmain\n.")
    assert name not in sys.modules
