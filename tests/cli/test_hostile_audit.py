"""The audit table of tests/hostile/README.md (one row per fault of issue 12) cannot go stale:
each test it names exists, and so does each corpus entry."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from conftest import ROOT

HOSTILE = ROOT / "tests" / "hostile"
sys.path.insert(0, str(HOSTILE))
import make_corpus  # noqa: E402

FAULTS = 24


def audit_rows() -> list[list[str]]:
    """The table's rows, as [number, fault, tests, corpus]."""
    text = (HOSTILE / "README.md").read_text(encoding="utf-8")
    return [[cell.strip() for cell in line.strip().strip("|").split(" | ")]
            for line in text.splitlines() if re.match(r"\| \d+ \|", line)]


def test_the_table_has_one_row_per_fault_in_order():
    rows = audit_rows()
    assert [row[0] for row in rows] == [str(n) for n in range(1, FAULTS + 1)]
    assert all(len(row) == 4 and row[1] and row[3] for row in rows), [row for row in rows if len(row) != 4]


def _functions(path: Path) -> set[str]:
    return {node.name for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.FunctionDef)}


def test_every_test_the_table_names_exists():
    named = [(row[0], file, test) for row in audit_rows()
             for file, test in re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", row[2])]
    assert len(named) >= FAULTS
    missing = [(fault, file, test) for fault, file, test in named
               if not (ROOT / file).is_file() or test not in _functions(ROOT / file)]
    assert not missing, missing
    assert all(test.startswith("test_") for _, _, test in named)
    assert all(re.search(r"`tests/[\w/]+\.py::test_\w+`", row[2]) for row in audit_rows())


def test_every_corpus_entry_the_table_names_exists():
    for row in audit_rows():
        files = re.findall(r"`((?:text|xml)/[\w.*-]+)`", row[3])
        generators = re.findall(r"`make_corpus\.py::(\w+)`", row[3])
        assert files or generators or row[3].startswith("set up by the tests"), row
        assert all(list(HOSTILE.glob(name)) for name in files), row
        assert all(callable(getattr(make_corpus, name, None)) for name in generators), row


def test_every_scaling_stage_the_table_names_is_in_the_benchmark():
    sys.path.insert(0, str(ROOT / "bench"))
    import scaling

    stages = {stage for row in audit_rows() for stage in re.findall(r"`bench/scaling\.py` stage `(\w+)`", row[2])}
    assert stages and stages <= set(scaling.STAGES), stages - set(scaling.STAGES)
