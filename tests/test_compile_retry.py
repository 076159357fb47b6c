"""A compile failure that names no line of the program is the toolchain's, not the program's:
it is judged once more in a fresh container before CE stands (``Judge._recompile_once``)."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import stdin_problem
from contest_eval.judge.verdict import compile_failed_outside_program

# Recorded on 2026-12-01 in the doocs benchmark (intervals-between-identical-elements, Go): the
# same program compiled and was accepted twice when judged again.
GO_TOOLCHAIN_GLITCH = """package command-line-arguments
\timports os from ce_runtime.go
\timports internal/filepathlite from dir.go
\timports io/fs from path.go
\timports time from format.go
\timports syscall from sys_unix.go: case-insensitive file name collision: "ztypes_netbsd_amd64.go" and "ztypes_netbsd_amd64.go"
"""
GO_FILES = ["solution.go", "harness.go", "ce_runtime.go"]


def test_a_toolchain_failure_is_told_from_a_compile_error() -> None:
    assert compile_failed_outside_program(GO_TOOLCHAIN_GLITCH, GO_FILES)
    # Real compile errors name the program's file and line, in each language's own form.
    assert not compile_failed_outside_program("# command-line-arguments\n./solution.go:2:10: empty rune literal", GO_FILES)
    assert not compile_failed_outside_program("harness.cpp:7:18: note: in instantiation of …", ["solution.cpp", "harness.cpp"])
    assert not compile_failed_outside_program("Solution.java:3: error: ';' expected", ["Solution.java", "Main.java"])
    assert not compile_failed_outside_program('  File "solution.py", line 3\nSyntaxError: never closed', ["solution.py"])
    # The supervisor's own limit notes are final: a compile bomb is not compiled twice.
    assert not compile_failed_outside_program("\n[compiler exceeded memory: 800 MB used, 768 MB allowed]", GO_FILES)


LINK_ERROR = "int helper();\nint main() { return helper(); }\n"  # declared, never defined: ld names no line
SYNTAX_ERROR = "int main() { return 0 }\n"


@pytest.mark.docker
def test_only_a_failure_outside_the_program_is_compiled_again(judge: Any) -> None:
    spec = stdin_problem([("", "")])
    linked = judge.judge(spec, "cpp", LINK_ERROR)
    assert linked.verdict.value == "CE" and "undefined reference" in linked.compile_output
    assert linked.attempts == 2, linked.attempts  # compiled again in a fresh container, still CE: it stands
    plain = judge.judge(spec, "cpp", SYNTAX_ERROR)
    assert plain.verdict.value == "CE" and plain.attempts == 1
    batch = judge.judge_trusted([(spec, "cpp", LINK_ERROR, None), (spec, "cpp", SYNTAX_ERROR, None)])
    assert [(r.verdict.value, r.attempts) for r in batch] == [("CE", 2), ("CE", 1)]
