"""LeetCode metaData parsing (pure)."""

from __future__ import annotations

import pytest

from contest_eval.problems.metadata import DesignMeta, FunctionMeta, MetadataError, TypeRef, parse_metadata, parse_type


@pytest.mark.parametrize("text,expected", [
    ("integer", TypeRef("integer", 0)),
    ("integer[][]", TypeRef("integer", 2)),
    ("list<list<String>>", TypeRef("string", 2)),
    ("List<int>", TypeRef("integer", 1)),
    ("list<integer[]>", TypeRef("integer", 2)),
    ("TreeNode", TypeRef("TreeNode", 0)),
    ("ListNode[]", TypeRef("ListNode", 1)),
    ("character[][]", TypeRef("character", 2)),
    ("void", TypeRef("void", 0)),
])
def test_parse_type(text, expected):
    assert parse_type(text) == expected


@pytest.mark.parametrize("bad", ["", "map<int,int>", "void[]", "Integer<>", "list<>", 3])
def test_parse_type_rejects(bad):
    with pytest.raises(MetadataError):
        parse_type(bad)


def test_function_with_in_place_output():
    meta = parse_metadata({"name": "rotate", "params": [{"name": "nums", "type": "integer[]"}, {"name": "k", "type": "integer"}],
                           "return": {"type": "void"}, "output": {"paramindex": 0}})
    assert isinstance(meta, FunctionMeta)
    assert meta.output_param == 0 and meta.result_type == TypeRef("integer", 1)


def test_design():
    meta = parse_metadata({"classname": "LRUCache", "constructor": {"params": [{"name": "capacity", "type": "integer"}]},
                           "methods": [{"name": "get", "params": [{"name": "key", "type": "integer"}], "return": {"type": "integer"}},
                                       {"name": "put", "params": [{"name": "key", "type": "integer"}, {"name": "value", "type": "integer"}],
                                        "return": {"type": "void"}}], "systemdesign": True})
    assert isinstance(meta, DesignMeta)
    assert meta.method("put").returns.is_void and meta.constructor[0].name == "capacity"


@pytest.mark.parametrize("raw,msg", [
    ([], "JSON object"),
    ({"name": "f; rm -rf /", "params": []}, "identifier"),
    ({"name": "f", "params": [{"name": "x", "type": "integer"}], "output": {"paramindex": 3}}, "out of range"),
    ({"name": "f", "params": [{"name": "x", "type": "integer"}, {"name": "x", "type": "long"}]}, "duplicate"),
    ({"classname": "C", "methods": []}, "non-empty"),
    ({"name": "f", "params": [{"name": "x", "type": "void"}]}, "void"),
])
def test_rejects_bad_metadata(raw, msg):
    with pytest.raises(MetadataError, match=msg):
        parse_metadata(raw)
