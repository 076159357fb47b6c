"""Python 3 driver: a fixed harness plus the signature as data.

Python needs no generated code: the harness reads ``signature.json`` and calls
the submission through ``getattr``, so one audited file serves every problem.
"""

from __future__ import annotations

import json

from contest_eval.judge.assets import runtime_file
from contest_eval.problems.metadata import DesignMeta, FunctionMeta, Param, TypeRef


def _type(t: TypeRef) -> dict[str, object]:
    return {"base": t.base, "depth": t.depth}


def _params(params: tuple[Param, ...]) -> list[dict[str, object]]:
    return [{"name": p.name, **_type(p.type)} for p in params]


def signature(meta: FunctionMeta | DesignMeta) -> dict[str, object]:
    if isinstance(meta, FunctionMeta):
        return {"kind": "function", "name": meta.name, "params": _params(meta.params),
                "returns": _type(meta.returns), "output_param": meta.output_param}
    return {"kind": "design", "classname": meta.classname, "constructor": _params(meta.constructor),
            "methods": [{"name": m.name, "params": _params(m.params), "returns": _type(m.returns)} for m in meta.methods]}


def render(meta: FunctionMeta | DesignMeta, source: str) -> dict[str, str]:
    return {
        "main.py": runtime_file("python3", "harness.py"),
        "solution.py": source,
        "signature.json": json.dumps(signature(meta)),
    }
